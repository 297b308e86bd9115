package io.aoaigw.harness.emulator.frontdoor.testsupport;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in account for Front Door tests, on 127.0.0.1 with an ephemeral port. It answers every request with its
 * name in {@code x-ms-region} and records what it received. Paths choose the behaviour:
 * {@value #PROBE_PATH} is the health probe (200, or 503 while {@link #failProbes} is on);
 * {@code /status/N} answers N; {@code /reset} closes the connection without answering; {@code /stream?chunks=N&delayMs=D} writes N SSE frames D ms apart and records when
 * each was written; {@code /hang} never answers; anything else answers 200 with a small JSON body.
 */
public final class TestOrigin {
    public static final String PROBE_PATH = "/status-probe";

    private final Vertx vertx;
    private final String name;
    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Queue<Received> probes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean failProbes = new AtomicBoolean();
    private final AtomicInteger failedProbes = new AtomicInteger();
    private final List<Long> frameWrittenNanos = new CopyOnWriteArrayList<>();
    private volatile long probeDelayMs;
    private volatile Integer forcedStatus;

    /** What the origin saw of one request. */
    public record Received(HttpMethod method, String uri, MultiMap headers, String body) {
    }

    private TestOrigin(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    }

    public static Future<TestOrigin> start(Vertx vertx, String name) {
        TestOrigin origin = new TestOrigin(vertx, name);
        return origin.server.requestHandler(origin::handle).listen().map(s -> origin);
    }

    private void handle(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        request.body().onSuccess(body -> {
            Received r = new Received(request.method(), request.uri(), headers, body.toString());
            if (request.path().equals(PROBE_PATH)) {
                probes.add(r);
                answerProbe(request);
                return;
            }
            received.add(r);
            request.response().putHeader("x-ms-region", name);
            if (forcedStatus != null) {
                request.response().setStatusCode(forcedStatus).end("{}");
            } else if (request.path().equals("/reset")) {
                request.connection().close();
            } else if (request.path().startsWith("/status/")) {
                request.response().setStatusCode(Integer.parseInt(request.path().substring(8))).end("{}");
            } else if (request.path().equals("/stream")) {
                stream(request);
            } else if (!request.path().equals("/hang")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"origin\":\"" + name + "\"}");
            }
        });
    }

    private void answerProbe(HttpServerRequest request) {
        boolean fail = failProbes.get();
        if (fail) {
            failedProbes.incrementAndGet();
        }
        int status = fail ? 503 : 200;
        if (probeDelayMs > 0) {
            vertx.setTimer(probeDelayMs, id -> request.response().setStatusCode(status).end());
        } else {
            request.response().setStatusCode(status).end();
        }
    }

    private void stream(HttpServerRequest request) {
        int chunks = Integer.parseInt(request.getParam("chunks"));
        long delayMs = Long.parseLong(request.getParam("delayMs"));
        frameWrittenNanos.clear();
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        writeFrame(request, 0, chunks, delayMs, "true".equals(request.getParam("cut")));
    }

    private void writeFrame(HttpServerRequest request, int k, int chunks, long delayMs, boolean cut) {
        if (k == chunks && cut) {
            request.connection().close(); // no terminating chunk: the stream is cut
            return;
        }
        if (k == chunks) {
            request.response().end();
            return;
        }
        frameWrittenNanos.add(System.nanoTime());
        request.response().write("data: " + k + "\n\n");
        vertx.setTimer(delayMs, id -> writeFrame(request, k + 1, chunks, delayMs, cut));
    }

    public String name() {
        return name;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int requestCount() {
        return received.size();
    }

    public List<Received> probes() {
        return List.copyOf(probes);
    }

    /** Probes answered with 503 since the origin started. */
    public int failedProbes() {
        return failedProbes.get();
    }

    public void failProbes(boolean fail) {
        failProbes.set(fail);
    }

    /** Makes every non-probe request answer this status (null: behave by path again). */
    public void answerStatus(Integer status) {
        forcedStatus = status;
    }

    /** Makes every probe answer this much later (to look far away). */
    public void probeDelayMs(long delayMs) {
        probeDelayMs = delayMs;
    }

    /** When each frame of the last stream was written, by {@link System#nanoTime()}. */
    public List<Long> frameWrittenNanos() {
        return List.copyOf(frameWrittenNanos);
    }

    /** Closes the listener and its connections: further connections are refused. */
    public Future<Void> close() {
        return server.close();
    }
}
