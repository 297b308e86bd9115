package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.LatencyModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runtime faults through the emulator's Java API, as the admin API will set them. */
class FaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = RunningAccount.chatPath("gpt-4o");
    private static final String HELLO = RunningAccount.chatBody("Hello.", "");
    private static final String STREAM = RunningAccount.chatBody("Hello.", ",\"stream\":true");
    private static RunningAccount account;

    @BeforeAll
    static void start() {
        account = RunningAccount.start(TestAccounts.account(new LatencyModel(5, 20, 0), TestAccounts.gpt4o()));
    }

    @AfterEach
    void clear() {
        account.emulator.clearFaults().await();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void downRefusesConnectionsAndClearingItListensAgainOnTheSamePort() {
        int port = account.emulator.port();
        account.emulator.setFaults(new Faults(true, null, null, null, null, null, null)).await();

        assertThat(account.emulator.isListening()).isFalse();
        assertThat(account.emulator.faults().down()).isTrue();
        assertThatThrownBy(() -> account.postWithKey(CHAT, HELLO)).cause().isInstanceOf(ConnectException.class);

        account.emulator.clearFaults().await();

        assertThat(account.emulator.port()).isEqualTo(port);
        assertThat(account.postWithKey(CHAT, HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void errorFaultAnswersTheNextRequestsWithAzuresServiceUnavailableThenRecovers() throws Exception {
        account.emulator.setFaults(new Faults(null, null, 503, 2, null, null, null)).await();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = account.postWithKey(CHAT, HELLO);
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(response.headers().firstValue("x-ms-region")).isPresent();
        }
        assertThat(account.emulator.faults().errorCount()).isZero();
        assertThat(account.postWithKey(CHAT, HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void errorFaultWithStatus500AnswersInternalServerError() throws Exception {
        account.emulator.setFaults(new Faults(null, null, 500, 1, null, null, null)).await();

        HttpResponse<String> response = account.postWithKey(CHAT, HELLO);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("InternalServerError");
    }

    @Test
    void throttleFaultAnswers429WithTheConfiguredRetryAfter() throws Exception {
        account.emulator.setFaults(new Faults(null, null, null, null, null, 1, 2500)).await();

        HttpResponse<String> response = account.postWithKey(CHAT, HELLO);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after-ms")).hasValue("2500");
        assertThat(response.headers().firstValue("x-ms-retry-after-ms")).hasValue("2500");
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
        assertThat(JSON.readTree(response.body()).at("/error/message").asText())
                .contains("Please retry after 3 seconds.");
        assertThat(account.postWithKey(CHAT, HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void cutFaultResetsTheStreamAfterTheGivenNumberOfFrames() {
        int frames = 4;
        account.emulator.setFaults(new Faults(null, null, null, null, frames, null, null)).await();
        long cutBefore = account.emulator.counters().cutStreams();

        assertThatThrownBy(() -> account.postWithKey(CHAT, STREAM)).hasRootCauseInstanceOf(IOException.class);

        RequestRecord record = Await.value(() -> latest(RequestRecord.Outcome.CUT), Duration.ofSeconds(10));
        assertThat(record.frameEpochMicros()).hasSize(frames);
        assertThat(record.completionTokens()).isEqualTo(frames - 2);
        assertThat(account.emulator.counters().cutStreams()).isEqualTo(cutBefore + 1);
    }

    @Test
    void clientClosingAStreamStopsItAndIsCounted() throws Exception {
        long disconnectsBefore = account.emulator.counters().clientDisconnects();
        try (Socket socket = new Socket("127.0.0.1", account.emulator.port())) {
            byte[] body = STREAM.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\napi-key: " + account.key()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            readUntil(socket.getInputStream(), "\"delta\":{\"content\":\" ");
        }

        RequestRecord record = Await.value(() -> latest(RequestRecord.Outcome.CLIENT_DISCONNECTED),
                Duration.ofSeconds(10));
        assertThat(record.completionTokens()).isPositive().isLessThan(TestAccounts.gpt4o().completion().minTokens());
        assertThat(account.emulator.counters().clientDisconnects()).isEqualTo(disconnectsBefore + 1);
        assertThat(Await.value(() -> Optional.of(account.emulator.counters().openStreams()).filter(n -> n == 0),
                Duration.ofSeconds(5))).isZero();
    }

    private static Optional<RequestRecord> latest(RequestRecord.Outcome outcome) {
        return account.emulator.groundTruth().recent(1).stream().filter(r -> r.outcome() == outcome).findFirst();
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            seen.append((char) b);
            if (seen.indexOf(marker) >= 0) {
                return;
            }
        }
        throw new IOException("stream ended before " + marker);
    }
}
