package io.aoaigw.harness.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One Azure Monitor metric of one resource as Metrics - List answered it: a timeseries per value of the dimension it
 * was split by (one timeseries, keyed "", when not split), each point with the aggregations Azure gave (null: no data).
 */
public record MetricReading(String metric, String unit, Map<String, List<Point>> bySplitValue) {

    public MetricReading {
        bySplitValue = Map.copyOf(bySplitValue);
    }

    public record Point(Instant timeStamp, Double average, Double total) {
    }

    /** The mean of the averages of the points that have one, or null when none has. */
    public static Double meanOfAverages(List<Point> points) {
        OptionalDouble mean = points.stream().map(Point::average).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
