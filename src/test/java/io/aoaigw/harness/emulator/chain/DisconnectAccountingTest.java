package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves through the gateway — before the answer's headers, while sending its body, mid-stream — is
 * one client disconnect at every hop it reached, the hops behind stop their work at once (answers here take over
 * 50 s: 50+ tokens 1 s apart), and every request ends in exactly one bucket, read through the admin API: gateway =
 * Front Door = accounts.
 */
class DisconnectAccountingTest {
    /** Far below the 50 s an answer takes: only cancellation ends it this soon. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(15);
    private static final UnaryOperator<String> SLOW =
            yaml -> yaml.replaceAll("interTokenMs: \\d+", "interTokenMs: 1000");
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

    private EmbeddedTopology embedded;
    private AdminClient admin;

    /** One hop's buckets; {@code answered} by status. */
    record Buckets(long received, Map<String, Long> answered, long clientDisconnects, long upstreamCancelled,
                   long inFlight) {
        static Buckets of(JsonNode n) {
            Map<String, Long> answered = new TreeMap<>();
            n.path("answered").fields().forEachRemaining(e -> answered.put(e.getKey(), e.getValue().asLong()));
            return new Buckets(n.path("received").asLong(), answered, n.path("clientDisconnects").asLong(),
                    n.path("upstreamCancelled").asLong(), n.path("inFlight").asLong());
        }

        Buckets plus(Buckets o) {
            Map<String, Long> answered = new TreeMap<>(this.answered);
            o.answered.forEach((k, v) -> answered.merge(k, v, Long::sum));
            return new Buckets(received + o.received, answered, clientDisconnects + o.clientDisconnects,
                    upstreamCancelled + o.upstreamCancelled, inFlight + o.inFlight);
        }

        /** Every request that arrived is in exactly one bucket (nothing in flight). */
        boolean balanced() {
            return inFlight == 0 && received == answered.values().stream().mapToLong(Long::longValue).sum()
                    + clientDisconnects + upstreamCancelled;
        }
    }

    @BeforeEach
    void start(org.junit.jupiter.api.TestInfo test) {
        embedded = ChainTopologies.start("disconnect-" + test.getTestMethod().orElseThrow().getName(), SLOW);
        admin = new AdminClient(embedded.endpoints().admin().url());
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private Buckets gateway() {
        return Buckets.of(admin.get("/admin/apim").path("outcomes"));
    }

    private Buckets frontDoor() {
        return Buckets.of(admin.get("/admin/frontdoor").path("outcomes"));
    }

    private Buckets accounts() {
        Buckets sum = new Buckets(0, Map.of(), 0, 0, 0);
        for (JsonNode account : admin.get("/admin/accounts")) {
            sum = sum.plus(Buckets.of(account.path("counters").path("outcomes")));
        }
        return sum;
    }

    private long openStreams() {
        long open = 0;
        for (JsonNode account : admin.get("/admin/accounts")) {
            open += account.path("counters").path("openStreams").asLong();
        }
        return open;
    }

    private Socket send(boolean stream, int bodyBytesSent) throws IOException {
        URI gateway = URI.create(embedded.endpoints().apim().gatewayUrl());
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":" + stream + "}";
        String head = "POST " + gateway.getPath().replaceAll("/$", "") + CHAT + " HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                + "api-key: " + embedded.endpoints().apim().subscriptions().get(0).primaryKey() + "\r\n"
                + "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n";
        // the gateway speaks HTTPS as APIM does: the same bytes, through the run's trusted TLS
        Socket socket = embedded.trust().sslContext().getSocketFactory().createSocket(gateway.getHost(),
                gateway.getPort());
        socket.setSoTimeout((int) STOPS_WITHIN.toMillis()); // a read that gets nothing fails rather than hangs
        OutputStream out = socket.getOutputStream();
        out.write((head + body.substring(0, Math.min(body.length(), bodyBytesSent))).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private void awaitAllEnded() {
        Await.until("every hop ended its request", STOPS_WITHIN,
                () -> gateway().balanced() && frontDoor().balanced() && accounts().balanced(),
                () -> "gateway " + gateway() + ", Front Door " + frontDoor() + ", accounts " + accounts());
    }

    @Test
    void aClientLeavingBeforeTheHeadersIsOneDisconnectAtEveryHopAndStopsTheAccount() throws IOException {
        try (Socket socket = send(false, Integer.MAX_VALUE)) {
            Await.until("the account is computing the answer", STOPS_WITHIN, () -> accounts().inFlight() == 1);
            assertThat(socket.getInputStream().available()).as("no answer byte yet").isZero();
        }

        awaitAllEnded();
        Buckets oneDisconnect = new Buckets(1, Map.of(), 1, 0, 0);
        assertThat(gateway()).isEqualTo(oneDisconnect);
        assertThat(frontDoor()).isEqualTo(oneDisconnect);
        assertThat(accounts()).isEqualTo(oneDisconnect);
        JsonNode record = admin.get("/admin/apim/requests").get(0);
        assertThat(record.path("outcome").asText()).isEqualTo("clientDisconnected");
        assertThat(record.path("status").asInt()).as("APIM records no 200 for an answer never sent").isZero();
    }

    @Test
    void aClientLeavingMidStreamIsOneDisconnectAtEveryHopAndStopsTheStream() throws IOException {
        try (Socket socket = send(true, Integer.MAX_VALUE)) {
            readUntil(socket.getInputStream(), "data: ", 3);
            assertThat(openStreams()).isEqualTo(1);
        }

        awaitAllEnded();
        Buckets oneDisconnect = new Buckets(1, Map.of(), 1, 0, 0);
        assertThat(gateway()).isEqualTo(oneDisconnect);
        assertThat(frontDoor()).isEqualTo(oneDisconnect);
        assertThat(accounts()).isEqualTo(oneDisconnect);
        assertThat(openStreams()).isZero();
    }

    @Test
    void aClientLeavingWhileSendingItsBodyIsOneDisconnectAtTheGatewayAndReachesNoOneElse() throws IOException {
        try (Socket socket = send(false, 10)) {
            Await.until("the gateway received the request", STOPS_WITHIN, () -> gateway().received() == 1);
        }

        Await.until("the gateway ended the request", STOPS_WITHIN, () -> gateway().balanced());
        awaitAllEnded();
        assertThat(gateway()).isEqualTo(new Buckets(1, Map.of(), 1, 0, 0));
        assertThat(frontDoor()).isEqualTo(new Buckets(0, Map.of(), 0, 0, 0));
        assertThat(accounts()).isEqualTo(new Buckets(0, Map.of(), 0, 0, 0));
    }

    @Test
    void aStreamCutByTheAccountIsOneUpstreamCancellationAtEveryHop() throws IOException {
        for (JsonNode account : admin.get("/admin/accounts")) {
            admin.put("/admin/accounts/" + account.path("name").asText() + "/faults", Map.of("cutAfterFrames", 3));
        }
        try (Socket socket = send(true, Integer.MAX_VALUE)) {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) { // the cut reaches the client as the end of its connection
                continue;
            }
        } catch (java.net.SocketException reset) {
            // or as a reset: either way the stream is over
        }

        awaitAllEnded();
        Buckets oneCut = new Buckets(1, Map.of(), 0, 1, 0);
        assertThat(gateway()).isEqualTo(oneCut);
        assertThat(frontDoor()).isEqualTo(oneCut);
        assertThat(accounts()).isEqualTo(oneCut);
    }

    /** Reads until {@code marker} has been seen {@code times} times. */
    private static void readUntil(InputStream in, String marker, int times) throws IOException {
        StringBuilder seen = new StringBuilder();
        int found = 0;
        int from = 0;
        while (found < times) {
            int b = in.read();
            assertThat(b).as("the stream ended before %d '%s'", times, marker).isNotNegative();
            seen.append((char) b);
            int at = seen.indexOf(marker, from);
            if (at >= 0) {
                found++;
                from = at + marker.length();
            }
        }
    }
}
