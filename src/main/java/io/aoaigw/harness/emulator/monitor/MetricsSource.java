package io.aoaigw.harness.emulator.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform metrics of the emulated resources, by ARM resource id (any case) and metric name, as Azure Monitor
 * collects them from the services themselves (not through their public endpoints).
 */
@FunctionalInterface
public interface MetricsSource {
    MetricsSource NONE = (resourceId, metric) -> Optional.empty();

    Optional<MetricSeries> metric(String resourceId, String metricName);

    /** The metrics of one resource, by name. */
    static MetricsSource of(String resourceId, Map<String, MetricSeries> metrics) {
        Map<String, MetricSeries> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(metrics);
        return (id, name) -> id.equalsIgnoreCase(resourceId) ? Optional.ofNullable(byName.get(name))
                : Optional.empty();
    }

    /** This source, then {@code other}. */
    default MetricsSource or(MetricsSource other) {
        return (id, name) -> metric(id, name).or(() -> other.metric(id, name));
    }
}
