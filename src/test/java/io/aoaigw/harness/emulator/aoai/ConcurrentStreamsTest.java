package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.topology.LatencyModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Many paced streams at once on one account: all complete with every token, and no frame is ever early, because
 * frames are timed against absolute deadlines on the event loops. How late frames get under load is a capacity
 * figure, measured by the benchmark (docs/BENCHMARKS.md), not asserted here: a shared build machine would make such
 * an assertion a verdict on the machine. {@code -Demulator.concurrentStreams=2000} tries the target load.
 */
class ConcurrentStreamsTest {
    private static final int STREAMS = Integer.getInteger("emulator.concurrentStreams", 500);
    private static final int TTFT_MS = 300;
    private static final int ITL_MS = 20;
    private static final int TOKENS = 40;

    @Test
    void hundredsOfConcurrentStreamsAllCompleteOnSchedule() {
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(new LatencyModel(TTFT_MS, ITL_MS, 0),
                TestAccounts.gpt4o(100_000_000, 10_000_000, TOKENS, TOKENS)))) {
            HttpClient client = clientVertx.createHttpClient(new HttpClientOptions(),
                    new PoolOptions().setHttp1MaxSize(STREAMS));
            // the first batch warms the JIT on both sides; the second is the one judged
            streams(client, account, "Warm-up").forEach(answer -> assertThat(answer.result()).isEqualTo(200));
            account.emulator.groundTruth().clear();

            List<Future<Integer>> answers = streams(client, account, "Stream");

            assertThat(answers).allSatisfy(answer -> assertThat(answer.result()).isEqualTo(200));
            List<RequestRecord> records = account.emulator.groundTruth().recent(STREAMS);
            assertThat(records).hasSize(STREAMS)
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RequestRecord.Outcome.COMPLETED));
            for (int s = 0; s < STREAMS; s++) {
                RequestRecord record = records.get(s);
                long[] content = record.contentFrameEpochMicros();
                assertThat(content).hasSize(TOKENS);
                for (int i = 0; i < TOKENS; i++) {
                    assertThat(content[i]).isGreaterThanOrEqualTo(
                            record.arrivalEpochMicros() + (TTFT_MS + (long) i * ITL_MS) * 1000 - 1);
                }
            }
            assertThat(account.emulator.counters().openStreams()).isZero();
            client.close().await();
        } finally {
            clientVertx.close().await();
        }
    }

    private static List<Future<Integer>> streams(HttpClient client, RunningAccount account, String prefix) {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            String body = RunningAccount.chatBody(prefix + " " + i + ".", ",\"stream\":true");
            answers.add(client.request(new RequestOptions().setMethod(HttpMethod.POST)
                            .setAbsoluteURI(account.uri(RunningAccount.chatPath("gpt-4o")).toString())
                            .putHeader("api-key", account.key()).putHeader("content-type", "application/json"))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(b -> response.statusCode())));
        }
        Future.all(answers).await();
        return answers;
    }
}
