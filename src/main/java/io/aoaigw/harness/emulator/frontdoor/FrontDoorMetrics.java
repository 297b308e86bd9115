package io.aoaigw.harness.emulator.frontdoor;

import io.aoaigw.harness.emulator.monitor.MetricSeries;
import java.time.Clock;
import java.util.Map;

/**
 * The Azure Monitor metrics of Front Door Standard/Premium that S9 reads ("Supported metrics for
 * Microsoft.Cdn/profiles"): {@code OriginHealthPercentage} (Percent: the share of successful health probes, by
 * Origin and OriginGroup) and {@code OriginLatency} (MilliSeconds: request sent to the origin until its last byte came
 * back, by Origin and Endpoint).
 */
public final class FrontDoorMetrics {
    public static final String ORIGIN_HEALTH = "OriginHealthPercentage";
    public static final String ORIGIN_LATENCY = "OriginLatency";

    private final MetricSeries health;
    private final MetricSeries latency;
    private final String originGroup;
    private final String endpoint;

    FrontDoorMetrics(Clock clock, String originGroup, String endpoint) {
        this.health = new MetricSeries(clock, "Percent");
        this.latency = new MetricSeries(clock, "MilliSeconds");
        this.originGroup = originGroup;
        this.endpoint = endpoint;
    }

    void probed(String origin, boolean success) {
        health.record(Map.of("Origin", origin, "OriginGroup", originGroup), success ? 100 : 0);
    }

    void served(String origin, double elapsedMs) {
        latency.record(Map.of("Origin", origin, "Endpoint", endpoint), elapsedMs);
    }

    public Map<String, MetricSeries> byName() {
        return Map.of(ORIGIN_HEALTH, health, ORIGIN_LATENCY, latency);
    }
}
