package io.aoaigw.harness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Per-hop latency of small non-streamed chat requests: one request at a time, round-robin over the targets (e.g.
 * account direct, Front Door, APIM), so every hop sees the same machine noise. Each target keeps one keep-alive
 * connection. Bounded by {@code --requests} per target and by {@code --timeout-s}.
 *
 * <p>Targets are {@code --targets name=url|key,name=url|key,...}. Not a test: run by {@code bench/emulator-bench.sh}.
 */
public final class HopLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Target(String name, String url, String key, Histogram micros, int[] errors) {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv);
        int requests = a.integer("requests", 2000);
        int warmup = a.integer("warmup", 500);
        long timeoutS = a.number("timeout-s", 60);
        List<Target> targets = new ArrayList<>();
        for (String t : a.text("targets").split(",")) {
            String name = t.substring(0, t.indexOf('='));
            String rest = t.substring(t.indexOf('=') + 1);
            String url = rest.substring(0, rest.lastIndexOf('|'));
            PacedStreamsBench.requireLoopback(url);
            targets.add(new Target(name, url, rest.substring(rest.lastIndexOf('|') + 1),
                    new Histogram(1, TimeUnit.MINUTES.toMicros(1), 3), new int[1]));
        }
        Buffer body = Buffer.buffer("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":1}");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5_000)
                .setIdleTimeout(30).setIdleTimeoutUnit(TimeUnit.SECONDS), new PoolOptions().setHttp1MaxSize(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        int done = 0;
        long started = 0;
        int exit = 0;
        try {
            for (int i = 0; i < warmup + requests && System.nanoTime() < deadline; i++) {
                if (i == warmup) {
                    started = System.nanoTime();
                }
                for (Target t : targets) {
                    long t0 = System.nanoTime();
                    int status = client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(t.url())
                                    .putHeader("api-key", t.key()).putHeader("content-type", "application/json"))
                            .compose(req -> req.send(body).compose(resp -> resp.body().map(b -> resp.statusCode())))
                            .await(10, TimeUnit.SECONDS);
                    long micros = (System.nanoTime() - t0) / 1_000;
                    if (i >= warmup) {
                        if (status == 200) {
                            t.micros().recordValue(Math.max(1, micros));
                        } else {
                            t.errors()[0]++;
                        }
                    }
                }
                if (i >= warmup) {
                    done++;
                }
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("requestsPerTarget", done);
            out.put("wallSeconds", (System.nanoTime() - started) / 1e9);
            ObjectNode per = out.putObject("latencyMicros");
            for (Target t : targets) {
                ObjectNode o = AccountGroundTruth.percentiles(t.micros());
                o.put("errors", t.errors()[0]);
                per.set(t.name(), o);
                if (t.errors()[0] > 0) {
                    exit = 1;
                }
            }
            ObjectNode added = out.putObject("addedByHopMicros");
            for (int k = 1; k < targets.size(); k++) {
                Histogram prev = targets.get(k - 1).micros();
                Histogram cur = targets.get(k).micros();
                ObjectNode o = added.putObject(targets.get(k).name() + "-" + targets.get(k - 1).name());
                o.put("p50", cur.getValueAtPercentile(50) - prev.getValueAtPercentile(50));
                o.put("p99", cur.getValueAtPercentile(99) - prev.getValueAtPercentile(99));
            }
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
            String outFile = a.text("out", "");
            if (!outFile.isEmpty()) {
                Files.writeString(Path.of(outFile), json);
            }
            System.out.println(json);
        } finally {
            client.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(exit);
    }
}
