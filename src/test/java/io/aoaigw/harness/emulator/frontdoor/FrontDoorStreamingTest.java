package io.aoaigw.harness.emulator.frontdoor;

import static io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.frontdoor.testsupport.FrontDoorFixture;
import io.aoaigw.harness.emulator.frontdoor.testsupport.TestTopology;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrontDoorStreamingTest {
    private static final int FRAMES = 6;
    private static final long FRAME_GAP_MS = 150;

    private FrontDoorFixture fd;

    @BeforeEach
    void start() {
        fd = FrontDoorFixture.start(new TestTopology().origin("eastus", 1, 1000));
    }

    @AfterEach
    void stop() {
        fd.close();
    }

    /**
     * Causality, not speed: frame k must reach the client before the origin has even written frame k+1. A buffering
     * proxy would deliver every frame only after the last one was written.
     */
    @Test
    void eachFrameReachesTheClientBeforeTheOriginWritesTheNextOne() {
        HttpClient client = fd.vertx().createHttpClient();
        List<Long> receivedNanos = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Promise<String> done = Promise.promise();

        // On an event loop, so the body handler is set in the same tick the response arrives; set from the test
        // thread it could miss a frame that came first.
        fd.vertx().runOnContext(ignored -> client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1").setPort(fd.emulator().port())
                        .setURI("/stream?chunks=" + FRAMES + "&delayMs=" + FRAME_GAP_MS))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    assertThat(response.getHeader("Content-Type")).isEqualTo("text/event-stream");
                    response.handler((Buffer chunk) -> {
                        text.append(chunk.toString());
                        // a frame is "data: k\n\n"; note the time each one first becomes complete
                        while (receivedNanos.size() < text.toString().split("\n\n", -1).length - 1) {
                            receivedNanos.add(System.nanoTime());
                        }
                    });
                    response.endHandler(v -> done.complete(text.toString()));
                    response.exceptionHandler(done::fail);
                })
                .onFailure(done::fail));

        String body = await(done.future());
        List<Long> written = fd.origin("eastus").frameWrittenNanos();

        assertThat(body).isEqualTo("data: 0\n\ndata: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\ndata: 5\n\n");
        assertThat(written).hasSize(FRAMES);
        assertThat(receivedNanos).hasSize(FRAMES);
        for (int k = 0; k < FRAMES - 1; k++) {
            assertThat(receivedNanos.get(k))
                    .as("frame %d received before the origin wrote frame %d", k, k + 1)
                    .isLessThan(written.get(k + 1));
        }
        await(client.close());
    }

    /** A stream the origin cuts must not look complete to the client: Front Door cuts the client's too. */
    @Test
    void aStreamCutByTheOriginIsCutForTheClientRatherThanEndedCleanly() {
        HttpClient client = fd.vertx().createHttpClient();
        StringBuilder text = new StringBuilder();
        Promise<String> done = Promise.promise();

        fd.vertx().runOnContext(ignored -> client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1").setPort(fd.emulator().port())
                        .setURI("/stream?chunks=2&delayMs=50&cut=true"))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    response.handler(chunk -> text.append(chunk.toString()));
                    response.endHandler(v -> done.complete("ended cleanly"));
                    response.exceptionHandler(done::fail);
                })
                .onFailure(done::fail));

        Throwable failure = FrontDoorFixture.awaitFailure(done.future());

        assertThat(failure).isNotNull();
        assertThat(text.toString()).isEqualTo("data: 0\n\ndata: 1\n\n");
        await(client.close());
    }
}
