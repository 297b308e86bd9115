package io.aoaigw.harness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.host.LoopbackGuard;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Opens N concurrent paced chat streams (HTTP/1.1, one pooled connection per stream, Vert.x, non-blocking) and measures
 * the pacing error of every content frame: its receive time minus its schedule {@code sent + ttft + i × itl}, where
 * {@code sent} is the moment the request is handed to the connection. Optionally reads the account's ground truth
 * (admin API) to split the error into "written late by the emulator" and "delivered late". Also reports the CPU
 * (cores) of the emulator process and of this client over the measured window.
 *
 * <p>Bounded: at most {@code --streams} requests (plus {@code --warmup-streams}); the warm-up stops after
 * {@code --timeout-s}/3 and the measured run after {@code --timeout-s}, whatever happens. Loopback only: the URL must name 127.0.0.1 or localhost.
 *
 * <p>Not a test (no *Test name): run by {@code bench/emulator-bench.sh}.
 */
public final class PacedStreamsBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String url;
    private final String key;
    private final Buffer body;
    private final long ttftNanos;
    private final long itlNanos;
    private final int tokens;
    private final int expectedFrames;

    PacedStreamsBench(Vertx vertx, HttpClientAgent client, String url, String key, int tokens, long ttftMs,
                      long itlMs) {
        this.vertx = vertx;
        this.client = client;
        this.url = url;
        this.key = key;
        this.tokens = tokens;
        this.ttftNanos = TimeUnit.MILLISECONDS.toNanos(ttftMs);
        this.itlNanos = TimeUnit.MILLISECONDS.toNanos(itlMs);
        // prompt-filter + role + content frames + finish + usage + [DONE]
        this.expectedFrames = tokens + 5;
        this.body = Buffer.buffer("{\"messages\":[{\"role\":\"user\",\"content\":\"Benchmark the pacing please\"}],"
                + "\"max_tokens\":" + tokens + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    }

    /** What one batch of streams measured. */
    static final class Run {
        // Recorders: streams still open at the deadline may keep recording while the result is read
        final Recorder contentError = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
        final Recorder firstTokenError = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong earlyFrames = new AtomicLong();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        final Set<String> requestIds = ConcurrentHashMap.newKeySet();
        final AtomicInteger maxOpen = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        long startedNanos;
        long endedNanos;
        boolean timedOut;

        void fail(String why) {
            failed.incrementAndGet();
            failures.merge(why.length() > 120 ? why.substring(0, 120) : why, 1, Integer::sum);
        }
    }

    /** Launches {@code streams} streams spread over {@code rampMs}; completes when all ended or at the deadline. */
    Future<Run> run(int streams, long rampMs, long deadlineNanos) {
        Run run = new Run();
        Promise<Run> done = Promise.promise();
        AtomicInteger launched = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        run.startedNanos = System.nanoTime();
        long tickMs = 5;
        int perTick = rampMs <= 0 ? streams : (int) Math.max(1, Math.ceil(streams * (double) tickMs / rampMs));
        Runnable onEnd = () -> {
            run.open.decrementAndGet();
            if (ended.incrementAndGet() == streams) {
                run.endedNanos = System.nanoTime();
                done.tryComplete(run);
            }
        };
        long[] ticker = new long[1];
        Runnable launchBatch = () -> {
            for (int i = 0; i < perTick && launched.get() < streams; i++) {
                launched.incrementAndGet();
                run.maxOpen.accumulateAndGet(run.open.incrementAndGet(), Math::max);
                stream(run, onEnd);
            }
            if (launched.get() >= streams) {
                vertx.cancelTimer(ticker[0]);
            }
        };
        ticker[0] = vertx.setPeriodic(1, tickMs, id -> launchBatch.run());
        long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        vertx.setTimer(remainingMs, id -> {
            vertx.cancelTimer(ticker[0]);
            if (!done.future().isComplete()) {
                run.timedOut = true;
                run.endedNanos = System.nanoTime();
                done.tryComplete(run);
            }
        });
        return done.future();
    }

    private void stream(Run run, Runnable onEnd) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .putHeader("api-key", key).putHeader("content-type", "application/json")
                .putHeader("accept", "text/event-stream");
        boolean[] ended = new boolean[1];
        Runnable endOnce = () -> {
            if (!ended[0]) {
                ended[0] = true;
                onEnd.run();
            }
        };
        client.request(options).onFailure(e -> {
            run.fail("connect: " + e);
            endOnce.run();
        }).onSuccess(req -> {
            long sent = System.nanoTime();
            req.send(body).onFailure(e -> {
                run.fail("send: " + e);
                endOnce.run();
            }).onSuccess(resp -> {
                if (resp.statusCode() != 200) {
                    resp.body().onComplete(b -> {
                        run.fail("status " + resp.statusCode());
                        endOnce.run();
                    });
                    return;
                }
                String id = resp.getHeader("x-request-id");
                if (id != null) {
                    run.requestIds.add(id);
                }
                SseFrameCounter frames = new SseFrameCounter();
                resp.handler(buf -> {
                    long now = System.nanoTime();
                    int before = frames.count;
                    frames.scan(buf);
                    for (int f = before; f < frames.count; f++) {
                        int token = f - 2; // frame 0: prompt filter, frame 1: role
                        if (token >= 0 && token < tokens) {
                            long errorMicros = (now - (sent + ttftNanos + token * itlNanos)) / 1_000;
                            if (errorMicros < 0) {
                                run.earlyFrames.incrementAndGet();
                            }
                            long v = Math.max(0, errorMicros);
                            run.contentError.recordValue(v);
                            if (token == 0) {
                                run.firstTokenError.recordValue(v);
                            }
                        }
                    }
                });
                resp.exceptionHandler(e -> {
                    run.fail("stream: " + e);
                    endOnce.run();
                });
                resp.endHandler(v -> {
                    if (frames.count == expectedFrames && frames.lastWasDone) {
                        run.completed.incrementAndGet();
                    } else {
                        run.fail("frames " + frames.count + " (expected " + expectedFrames + ")");
                    }
                    endOnce.run();
                });
            });
        });
    }

    static void requireLoopback(String url) {
        LoopbackGuard.requireLoopbackOr(java.net.URI.create(url), "loopback only: " + url);
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv);
        String url = a.text("url");
        requireLoopback(url);
        int streams = a.integer("streams", 100);
        int warmup = a.integer("warmup-streams", Math.min(streams, 200));
        long ttftMs = a.number("ttft-ms", 200);
        long itlMs = a.number("itl-ms", 20);
        int tokens = a.integer("tokens", 100);
        long rampMs = a.number("ramp-ms", 1000);
        long timeoutS = a.number("timeout-s", 60);
        long clk = a.number("clk-tck", 100);
        String label = a.text("label", "paced");
        String adminUrl = a.text("admin", "");
        if (!adminUrl.isEmpty()) {
            requireLoopback(adminUrl);
        }
        ProcCpu emulator = new ProcCpu(a.text("emulator-pid"), clk);
        ProcCpu self = ProcCpu.self(clk);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(a.integer("event-loops", 2)));
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(10_000)
                        .setIdleTimeout((int) timeoutS).setIdleTimeoutUnit(TimeUnit.SECONDS),
                new PoolOptions().setHttp1MaxSize(Math.max(streams, warmup)).setMaxWaitQueueSize(-1));
        int exit = 0;
        try {
            PacedStreamsBench bench = new PacedStreamsBench(vertx, client, url, a.text("key"), tokens, ttftMs, itlMs);
            if (warmup > 0) {
                long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, timeoutS / 3));
                Run w = bench.run(warmup, rampMs, warmDeadline).await();
                System.err.printf("[%s] warm-up: %d streams, %d completed, %d failed%n", label, warmup,
                        w.completed.get(), w.failed.get());
            }
            long hardDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            List<String> polled = adminUrl.isEmpty() ? List.of() : List.of(a.text("accounts").split(","));
            OpenStreamsPoller openAtAccounts = OpenStreamsPoller.start(vertx, client, adminUrl, polled);
            ProcCpu.Sample emuFrom = emulator.sample();
            ProcCpu.Sample selfFrom = self.sample();
            ProcCpu.MachineSample machineFrom = self.machine();
            Run run = bench.run(streams, rampMs, hardDeadline).await();
            ProcCpu.Sample emuTo = emulator.sample();
            ProcCpu.Sample selfTo = self.sample();
            ProcCpu.MachineSample machineTo = self.machine();
            openAtAccounts.stop();

            ObjectNode out = JSON.createObjectNode();
            out.put("label", label);
            out.put("url", url);
            out.put("streams", streams);
            out.put("tokensPerStream", tokens);
            out.put("ttftMs", ttftMs);
            out.put("interTokenMs", itlMs);
            out.put("rampMs", rampMs);
            out.put("completed", run.completed.get());
            out.put("failed", run.failed.get());
            out.put("timedOut", run.timedOut);
            out.put("maxConcurrentStreams", run.maxOpen.get());
            out.set("failures", JSON.valueToTree(run.failures));
            out.put("wallSeconds", (run.endedNanos - run.startedNanos) / 1e9);
            out.put("earlyFrames", run.earlyFrames.get());
            out.set("pacingErrorMicros", AccountGroundTruth.percentiles(run.contentError.getIntervalHistogram()));
            out.set("firstTokenErrorMicros", AccountGroundTruth.percentiles(run.firstTokenError.getIntervalHistogram()));
            out.put("emulatorCores", ProcCpu.cores(emuFrom, emuTo));
            out.put("clientCores", ProcCpu.cores(selfFrom, selfTo));
            out.put("machineBusyCores", ProcCpu.machineCores(machineFrom, machineTo));
            out.put("machineCores", Runtime.getRuntime().availableProcessors());
            out.put("emulatorCpuSeconds", emuTo.cpuSeconds() - emuFrom.cpuSeconds());
            out.put("clientCpuSeconds", selfTo.cpuSeconds() - selfFrom.cpuSeconds());
            if (!adminUrl.isEmpty()) {
                List<String> accounts = new ArrayList<>(List.of(a.text("accounts").split(",")));
                ObjectNode truth = AccountGroundTruth.read(client, adminUrl, accounts, run.requestIds, ttftMs, itlMs, streams);
                truth.put("maxOpenStreamsAtAccountsPolled", openAtAccounts.max());
                out.set("groundTruth", truth);
            }
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
            String outFile = a.text("out", "");
            if (!outFile.isEmpty()) {
                Files.writeString(Path.of(outFile), json);
            }
            System.out.println(json);
            if (run.failed.get() > 0 || run.timedOut) {
                exit = 1;
            }
        } finally {
            client.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(exit);
    }
}
