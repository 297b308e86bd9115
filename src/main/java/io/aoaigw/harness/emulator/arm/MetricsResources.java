package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.emulator.monitor.MetricSeries;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Monitor's {@code GET {resourceUri}/providers/Microsoft.Insights/metrics} (Metrics - List, shape of the specs'
 * {@code GetMetric.json} example) over the platform metrics the emulated components record: {@code metricnames},
 * {@code timespan} ({@code start/end}, default the last hour), {@code interval} (default PT1M), {@code aggregation}
 * (default the metric's: Average for percentages and milliseconds, Total for counts) and {@code $filter}
 * ({@code Dim eq 'v'} clauses joined by {@code and}; {@code '*'} splits by that dimension, others are summed over).
 * Every interval of the timespan is listed; aggregations without data are left out, as Azure does.
 */
final class MetricsResources {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(\\w+)\\s+eq\\s+'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final List<String> AGGREGATIONS = List.of("average", "minimum", "maximum", "total", "count");

    private final Topology topology;
    private final ArmView view;

    MetricsResources(Topology topology, ArmView view) {
        this.topology = topology;
        this.view = view;
    }

    void register(ArmRoutes routes) {
        routes.get(ApiVersions.INSIGHTS, "${SCOPE}/providers/Microsoft.Insights/metrics", (ex, m) -> list(ex,
                m.group("scope")));
    }

    private ArmResult list(ArmExchange ex, String resourceId) {
        String names = ex.param("metricnames");
        if (names == null || names.isBlank()) {
            return bad("The metricnames query parameter is required by the emulated Azure Monitor.");
        }
        Instant end;
        Instant start;
        Duration interval;
        try {
            String[] span = Optional.ofNullable(ex.param("timespan")).map(t -> t.split("/")).orElse(null);
            end = span == null ? Instant.now() : Instant.parse(span[1]);
            start = span == null ? end.minus(Duration.ofHours(1)) : Instant.parse(span[0]);
            interval = Duration.parse(Optional.ofNullable(ex.param("interval")).orElse("PT1M"));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return bad("Invalid timespan or interval: " + e.getMessage());
        }
        if (interval.compareTo(Duration.ofMinutes(1)) < 0 || !start.isBefore(end)) {
            return bad("The interval must be at least PT1M and the timespan's start before its end.");
        }
        Map<String, String> filter = new LinkedHashMap<>();
        String text = ex.param("$filter");
        if (text != null && !text.isBlank()) {
            for (String clause : text.split("(?i)\\s+and\\s+")) {
                Matcher c = CLAUSE.matcher(clause);
                if (!c.matches()) {
                    return bad("The $filter '" + text + "' is not supported: use Dim eq 'value' clauses joined by and.");
                }
                filter.put(c.group(1), c.group(2));
            }
        }
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        JsonArray value = new JsonArray();
        for (String name : names.split(",")) {
            Optional<MetricSeries> series = view.metrics().metric(resourceId, name.trim());
            if (series.isEmpty()) {
                return bad("Failed to find metric configuration for resource '" + resourceId + "', metric: "
                        + name.trim());
            }
            List<String> aggregations = aggregations(ex.param("aggregation"), series.get().unit());
            value.add(new JsonObject()
                    .put("id", resourceId + "/providers/Microsoft.Insights/metrics/" + name.trim())
                    .put("type", "Microsoft.Insights/metrics")
                    .put("name", new JsonObject().put("value", name.trim()).put("localizedValue", name.trim()))
                    .put("displayDescription", "")
                    .put("unit", series.get().unit())
                    .put("errorCode", "Success")
                    .put("timeseries", timeseries(series.get(), from, end, interval, filter, aggregations)));
        }
        return ArmResult.ok(new JsonObject().put("cost", 0).put("timespan", start + "/" + end)
                .put("interval", interval.toString()).put("namespace", namespaceOf(resourceId))
                .put("resourceregion", regionOf(resourceId)).put("value", value));
    }

    private static JsonArray timeseries(MetricSeries metric, Instant from, Instant to, Duration interval,
                                        Map<String, String> filter, List<String> aggregations) {
        Predicate<Map<String, String>> accepted = dims -> filter.entrySet().stream().allMatch(f ->
                f.getValue().equals("*") || f.getValue().equalsIgnoreCase(dims.getOrDefault(f.getKey(), "")));
        List<String> splitBy = filter.entrySet().stream().filter(f -> f.getValue().equals("*")).map(Map.Entry::getKey)
                .toList();
        Map<Map<String, String>, List<MetricSeries.Point>> groups = new LinkedHashMap<>();
        for (MetricSeries.Series s : metric.query(from, to, accepted)) {
            Map<String, String> key = new LinkedHashMap<>();
            splitBy.forEach(d -> key.put(d, s.dimensions().getOrDefault(d, "")));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).addAll(s.points());
        }
        if (groups.isEmpty() && splitBy.isEmpty()) {
            groups.put(Map.of(), List.of());
        }
        JsonArray out = new JsonArray();
        groups.forEach((key, points) -> {
            JsonArray metadata = new JsonArray();
            key.forEach((d, v) -> metadata.add(new JsonObject().put("name", new JsonObject()
                    .put("value", d.toLowerCase(Locale.ROOT)).put("localizedValue", d)).put("value", v)));
            JsonArray data = new JsonArray();
            for (Instant t = from; t.isBefore(to); t = t.plus(interval)) {
                data.add(point(t, t.plus(interval), points, aggregations));
            }
            out.add(new JsonObject().put("metadatavalues", metadata).put("data", data));
        });
        return out;
    }

    private static JsonObject point(Instant start, Instant end, List<MetricSeries.Point> points,
                                    List<String> aggregations) {
        JsonObject p = new JsonObject().put("timeStamp", start.toString());
        List<MetricSeries.Point> in = points.stream()
                .filter(x -> !x.minute().isBefore(start) && x.minute().isBefore(end)).toList();
        if (in.isEmpty()) {
            return p;
        }
        double total = in.stream().mapToDouble(MetricSeries.Point::total).sum();
        long count = in.stream().mapToLong(MetricSeries.Point::count).sum();
        for (String a : aggregations) {
            switch (a) {
                case "average" -> p.put("average", total / count);
                case "total" -> p.put("total", total);
                case "count" -> p.put("count", (double) count);
                case "minimum" -> p.put("minimum", in.stream().mapToDouble(MetricSeries.Point::minimum).min()
                        .orElseThrow());
                default -> p.put("maximum", in.stream().mapToDouble(MetricSeries.Point::maximum).max().orElseThrow());
            }
        }
        return p;
    }

    private static List<String> aggregations(String asked, String unit) {
        if (asked == null || asked.isBlank()) {
            return List.of(unit.equals("Count") ? "total" : "average");
        }
        return List.of(asked.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream()
                .filter(AGGREGATIONS::contains).toList();
    }

    /**
     * The resource's region, as the specs' GetMetric.json example answers it ({@code westus2} for a storage account);
     * {@code global} for Front Door's profile, a global resource (*unconfirmed* for it).
     */
    private String regionOf(String resourceId) {
        return topology.accounts().stream()
                .filter(a -> topology.accountResourceId(a.name()).equalsIgnoreCase(resourceId))
                .map(Account::region).findFirst().orElse("global");
    }

    /** {@code Microsoft.Cdn/profiles} of a profile's id. */
    private static String namespaceOf(String resourceId) {
        String[] parts = resourceId.split("/providers/", -1);
        String[] rest = parts[parts.length - 1].split("/");
        return rest.length >= 2 ? rest[0] + "/" + rest[1] : "";
    }

    private static ArmResult bad(String message) {
        return ArmResult.of(new ArmError(400, "BadRequest", message));
    }
}
