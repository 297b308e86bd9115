package io.aoaigw.harness.emulator.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * One platform metric of one resource, as Azure Monitor keeps it: values aggregated per minute (total, count,
 * minimum, maximum) for each combination of dimension values, kept for {@link #RETENTION}. Thread-safe: written by
 * the component's event loops, read by ARM's metrics route.
 */
public final class MetricSeries {
    static final Duration RETENTION = Duration.ofHours(3);

    /** One minute's aggregate; {@code minute} is its start. */
    public record Point(Instant minute, double total, long count, double minimum, double maximum) {
        Point plus(double value) {
            return new Point(minute, total + value, count + 1, Math.min(minimum, value), Math.max(maximum, value));
        }
    }

    /** The points of one combination of dimension values, oldest first. */
    public record Series(Map<String, String> dimensions, List<Point> points) {
    }

    private final Map<Map<String, String>, NavigableMap<Instant, Point>> byDimensions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String unit;

    public MetricSeries(Clock clock, String unit) {
        this.clock = clock;
        this.unit = unit;
    }

    /** Azure Monitor's unit name of this metric (Count, Percent, MilliSeconds). */
    public String unit() {
        return unit;
    }

    public void record(Map<String, String> dimensions, double value) {
        Instant minute = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        NavigableMap<Instant, Point> points = byDimensions.computeIfAbsent(Map.copyOf(dimensions),
                k -> new ConcurrentSkipListMap<>());
        points.merge(minute, new Point(minute, value, 1, value, value), (old, v) -> old.plus(value));
        points.headMap(minute.minus(RETENTION)).clear();
    }

    /** Every combination of dimension values accepted by {@code filter}, with its points in [from, to). */
    public List<Series> query(Instant from, Instant to, Predicate<Map<String, String>> filter) {
        List<Series> result = new ArrayList<>();
        byDimensions.forEach((dims, points) -> {
            if (filter.test(dims)) {
                result.add(new Series(dims, List.copyOf(points.subMap(from, true, to, false).values())));
            }
        });
        return result;
    }
}
