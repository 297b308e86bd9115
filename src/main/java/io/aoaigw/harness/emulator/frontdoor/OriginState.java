package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.topology.FrontDoor;
import io.vertx.core.net.HostAndPort;
import java.net.URI;

/** One origin at runtime: its configuration, where it listens, whether it is enabled, its probe window, counters. */
final class OriginState {
    private final FrontDoor.Origin config;
    private final URI url;
    private final ProbeWindow window;
    private final OriginCounters counters = new OriginCounters();
    private final FrontDoorMetrics metrics;
    private volatile boolean enabled;

    OriginState(FrontDoor.Origin config, URI url, FrontDoor.LoadBalancing loadBalancing, FrontDoorMetrics metrics) {
        this.config = config;
        this.url = url;
        this.metrics = metrics;
        this.window = new ProbeWindow(loadBalancing.sampleSize(), loadBalancing.successfulSamplesRequired());
        this.enabled = config.enabled();
    }

    String name() {
        return config.name();
    }

    int priority() {
        return config.priority();
    }

    int weight() {
        return config.weight();
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        enabled = value;
    }

    boolean healthy() {
        return window.healthy();
    }

    Double latencyMs() {
        return window.averageLatencyMs();
    }

    /** A probe's verdict: into the probe window and Azure Monitor's health percentage. */
    void probed(boolean success, double elapsedMs) {
        window.record(success, elapsedMs);
        metrics.probed(name(), success);
    }

    /** A request answered through this origin, from sending it until the answer's last byte. */
    void served(double elapsedMs) {
        metrics.served(name(), elapsedMs);
    }

    ProbeWindow window() {
        return window;
    }

    OriginCounters counters() {
        return counters;
    }

    String host() {
        return url.getHost();
    }

    int port() {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    boolean ssl() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** Base path of the account URL (usually empty), prefixed to every forwarded path. */
    String basePath() {
        String path = url.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }

    /** The Host header Front Door sends: the origin host header when configured, else the origin's own host:port. */
    HostAndPort hostHeader() {
        String configured = config.originHostHeader();
        return configured == null || configured.isBlank()
                ? HostAndPort.authority(host(), port())
                : HostAndPort.parseAuthority(configured, -1);
    }

    OriginStats stats(int effectiveWeight, double share) {
        OriginCounters.ProbeOutcome last = counters.lastProbe.get();
        return new OriginStats(name(), config.account(), url.toString(), priority(), weight(), enabled, healthy(),
                latencyMs(), effectiveWeight, share, counters.requests.sum(), counters.responses.snapshot(),
                counters.errors.snapshot(), counters.retriedAway.sum(), counters.requestBytes.sum(),
                counters.responseBytes.sum(),
                new OriginStats.Probes(counters.probeSuccesses.sum(), counters.probeFailures.sum(), last.status(),
                        last.error(), window.recent()));
    }
}
