package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S6 streaming: with {@code buffer-response="false"} frames pass through as the backend writes them; with the default
 * (buffered) a short stream reaches the client only after the backend's last frame. Timestamps of the backend's
 * writes and the client's first byte come from the same JVM clock.
 */
@ExtendWith(VertxPerTest.class)
class StreamingAcceptanceTest {
    private static final int FRAMES = 5;
    private static final long GAP_MILLIS = 150;
    private static final String STREAM_BODY = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void createClient(Vertx vertx) {
        this.vertx = vertx;
        client = vertx.createHttpClient();
    }

    /** What the client saw: status, region header, first-byte instant and the whole body. */
    private record Streamed(int status, String region, long firstByteNanos, String body) {
    }

    /** Every test streams through a gateway whose backend writes {@link #FRAMES} frames {@link #GAP_MILLIS} apart. */
    private static Gateway gatewayOverPacedStream(Vertx vertx, ApimTopology topology) throws Exception {
        return Gateway.start(vertx, topology, Responders.sseStream(vertx, FRAMES, GAP_MILLIS));
    }

    private Streamed stream(Gateway gateway) throws Exception {
        return Gateway.await(streaming(gateway));
    }

    private Future<Streamed> streaming(Gateway gateway) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(gateway.apim.apiUrl() + "/deployments/gpt-4o/chat/completions?api-version=2024-10-21")
                .putHeader("api-key", ACTIVE_KEY).putHeader("Content-Type", "application/json");
        Promise<Streamed> done = Promise.promise();
        // On an event loop, so the body handler is set in the same tick the response arrives: set from the test
        // thread it could miss the first frame.
        vertx.runOnContext(ignored -> client.request(options).compose(r -> r.send(Buffer.buffer(STREAM_BODY)))
                .onSuccess(resp -> collect(resp, done)).onFailure(done::fail));
        return done.future();
    }

    private static void collect(HttpClientResponse resp, Promise<Streamed> done) {
        long[] first = {0};
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
            body.appendBuffer(chunk);
        });
        resp.endHandler(v -> done.complete(new Streamed(resp.statusCode(), resp.getHeader("x-ms-region"), first[0],
                body.toString())));
        resp.exceptionHandler(done::tryFail);
    }

    @Test
    void unbufferedStreamReachesTheClientBeforeTheBackendHasFinished(Vertx vertx) throws Exception {
        Gateway gateway = gatewayOverPacedStream(vertx,
                new ApimTopology().backend("<forward-request buffer-response=\"false\"/>"));

        Streamed seen = stream(gateway);

        List<Long> writes = gateway.frontDoor.writeNanos();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(writes).hasSize(FRAMES + 1);
        assertThat(seen.firstByteNanos()).isLessThan(writes.get(writes.size() - 1));
        assertThat(seen.body()).contains("tok0", "tok" + (FRAMES - 1)).endsWith("data: [DONE]\n\n");
        assertThat(seen.region()).isEqualTo("eastus");
    }

    @Test
    void bufferedStreamReachesTheClientOnlyAfterTheBackendsLastFrame(Vertx vertx) throws Exception {
        Gateway gateway = gatewayOverPacedStream(vertx,
                new ApimTopology().backend("<forward-request buffer-response=\"true\"/>"));

        Streamed seen = stream(gateway);

        List<Long> writes = gateway.frontDoor.writeNanos();
        assertThat(writes).hasSize(FRAMES + 1);
        assertThat(seen.firstByteNanos()).isGreaterThanOrEqualTo(writes.get(writes.size() - 1));
        assertThat(seen.body()).contains("tok0").endsWith("data: [DONE]\n\n");
    }

    @Test
    void policyWithoutBackendSectionBuffersLikeApimsDefault(Vertx vertx) throws Exception {
        String policy = "<policies><inbound><base/>" + ApimTopology.MANAGED_IDENTITY
                + "</inbound><outbound><base/></outbound></policies>";
        Gateway gateway = gatewayOverPacedStream(vertx, new ApimTopology().policy(policy));

        Streamed seen = stream(gateway);

        List<Long> writes = gateway.frontDoor.writeNanos();
        assertThat(seen.firstByteNanos()).isGreaterThanOrEqualTo(writes.get(writes.size() - 1));
    }

    @Test
    void concurrentStreamsAreNotSerialised(Vertx vertx) throws Exception {
        Gateway gateway = gatewayOverPacedStream(vertx, new ApimTopology());
        long started = System.nanoTime();

        List<Future<Streamed>> streams = List.of(streaming(gateway), streaming(gateway), streaming(gateway));
        Gateway.await(Future.all(streams));

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(streams).allSatisfy(s -> assertThat(s.result().body()).endsWith("data: [DONE]\n\n"));
        assertThat(elapsedMillis).isLessThan(2 * (FRAMES + 1) * GAP_MILLIS);
    }
}
