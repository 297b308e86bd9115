package io.aoaigw.harness.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure Monitor's platform metrics through ARM ({@code GET {resourceId}/providers/Microsoft.Insights/metrics} at
 * api-version {@value #API_VERSION}), read like every other fact: a GET with the reader's credential (Reader's
 * {@code *}{@code /read} includes {@code Microsoft.Insights/metrics/read}).
 */
final class MetricsReader {
    static final String API_VERSION = "2024-02-01";

    private final ArmJson arm;
    private final ArmCalls calls;

    MetricsReader(ArmJson arm, ArmCalls calls) {
        this.arm = arm;
        this.calls = calls;
    }

    /** The last {@code lookback} of one metric at {@code interval}, split by {@code dimension} (null: not split). */
    MetricReading read(String resourceId, String metric, Duration lookback, Duration interval, String aggregation,
                       String dimension) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        String query = "metricnames=" + encode(metric) + "&timespan=" + encode(end.minus(lookback) + "/" + end)
                + "&interval=" + interval + "&aggregation=" + aggregation
                + (dimension == null ? "" : "&$filter=" + encode(dimension + " eq '*'"));
        String id = resourceId + "/providers/Microsoft.Insights/metrics";
        JsonNode answer = calls.read("metric " + metric, resourceId, () -> arm.get(id, API_VERSION, query));
        JsonNode value = answer.path("value").path(0);
        Map<String, List<MetricReading.Point>> series = new LinkedHashMap<>();
        for (JsonNode ts : value.path("timeseries")) {
            String key = "";
            for (JsonNode m : ts.path("metadatavalues")) {
                if (dimension != null && dimension.equalsIgnoreCase(m.path("name").path("value").asText())) {
                    key = m.path("value").asText();
                }
            }
            List<MetricReading.Point> points = new ArrayList<>();
            ts.path("data").forEach(d -> points.add(new MetricReading.Point(Instant.parse(d.path("timeStamp").asText()),
                    d.has("average") ? d.path("average").asDouble() : null,
                    d.has("total") ? d.path("total").asDouble() : null)));
            series.put(key, points);
        }
        return new MetricReading(metric, value.path("unit").asText(""), series);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
