package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.topology.FrontDoor;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;

/**
 * Sends Front Door's health probes: every interval, to every enabled origin, the configured method on the configured
 * path with {@code X-FD-HealthProbe: 1} and {@code User-Agent: Edge Health Probe}. Only 200 counts as success; a
 * refused connection or a probe slower than its timeout is a failure. The probe timeout is the interval, capped by the
 * origin response timeout (Azure's value is not documented). The scheme comes from the origin URL; the probe's
 * {@code protocol} setting is not applied separately. A first round goes out at start, without delaying it.
 */
final class HealthProber {
    private final Vertx vertx;
    private final HttpClient client;
    private final FrontDoor.HealthProbe probe;
    private final List<OriginState> origins;
    private final Duration responseTimeout;
    private Duration interval;
    private long timerId = -1;

    HealthProber(Vertx vertx, HttpClient client, FrontDoor.HealthProbe probe, List<OriginState> origins,
                 Duration interval, Duration responseTimeout) {
        this.vertx = vertx;
        this.client = client;
        this.probe = probe;
        this.origins = origins;
        this.interval = interval;
        this.responseTimeout = responseTimeout;
    }

    synchronized void start() {
        probeAll();
        timerId = vertx.setPeriodic(interval.toMillis(), id -> probeAll());
    }

    synchronized void stop() {
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    synchronized Duration interval() {
        return interval;
    }

    /** Changes the interval from now on (the next round goes out at once). */
    synchronized void interval(Duration value) {
        FrontDoorOptions.requirePositive(value, "probe interval");
        interval = value;
        if (timerId != -1) {
            stop();
            start();
        }
    }

    private void probeAll() {
        origins.stream().filter(OriginState::enabled).forEach(this::probe);
    }

    private void probe(OriginState origin) {
        long timeoutMs = Math.min(interval.toMillis(), responseTimeout.toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(probe.method()))
                .setHost(origin.host()).setPort(origin.port()).setSsl(origin.ssl())
                .setURI(origin.basePath() + probe.path())
                .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs)
                .putHeader("X-FD-HealthProbe", "1")
                .putHeader("User-Agent", "Edge Health Probe");
        // latency from the request on an open connection: a one-off TCP/TLS set-up (Front Door keeps its probe
        // connections) would otherwise weigh on the origin's average for sampleSize intervals
        long[] started = {System.nanoTime()};
        client.request(options)
                .compose(request -> {
                    started[0] = System.nanoTime();
                    request.authority(origin.hostHeader());
                    return request.send();
                })
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> record(origin, result, (System.nanoTime() - started[0]) / 1e6));
    }

    private static void record(OriginState origin, AsyncResult<Integer> result, double elapsedMs) {
        OriginCounters counters = origin.counters();
        boolean success = result.succeeded() && result.result() == 200;
        origin.probed(success, elapsedMs);
        (success ? counters.probeSuccesses : counters.probeFailures).increment();
        counters.lastProbe.set(result.succeeded()
                ? new OriginCounters.ProbeOutcome(result.result(), null)
                : new OriginCounters.ProbeOutcome(null, String.valueOf(result.cause().getMessage())));
    }
}
