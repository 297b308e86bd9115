package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.target.AdminClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * What APIM and Front Door answered on their own during a run, from the admin API: APIM's recent requests it did not
 * forward (by status), Front Door's error pages (by ErrorInfo, counted since the run began). A target without an
 * admin API, or without the component, has none.
 */
final class LayerTruth {
    /** Front Door's error counters when the run began. */
    record Before(Map<String, Long> frontDoorErrors) {
    }

    private LayerTruth() {
    }

    static Before before(LoadTarget target) {
        return new Before(frontDoorErrors(target));
    }

    /** Front Door's own answers since {@code before}, by ErrorInfo. */
    static Map<String, Long> frontDoorErrorsSince(LoadTarget target, Before before) {
        Map<String, Long> out = new TreeMap<>(frontDoorErrors(target));
        before.frontDoorErrors().forEach((k, v) -> out.merge(k, -v, Long::sum));
        out.values().removeIf(v -> v <= 0);
        return out;
    }

    /**
     * APIM's own answers (not forwarded to a backend) since {@code startMs}, by status; null when its recent
     * requests (as many as {@code /admin/apim/requests/capacity} says it keeps) may not reach back to the run's start.
     */
    static Map<Integer, Long> apimOwnSince(LoadTarget target, long startMs) {
        JsonNode records = get(target, "/admin/apim/requests");
        if (records == null) {
            return Map.of();
        }
        JsonNode kept = get(target, "/admin/apim/requests/capacity");
        int capacity = kept == null ? Integer.MAX_VALUE : kept.path("capacity").asInt(Integer.MAX_VALUE);
        if (records.size() >= capacity && epochMs(records.get(0)) >= startMs) {
            System.out.println("ground truth: APIM's recent requests do not reach back to the run's start; SSE"
                    + " refusals no account recorded are not attributed to APIM");
            return null;
        }
        Map<Integer, Long> out = new TreeMap<>();
        for (JsonNode r : records) {
            if (!r.path("forwarded").asBoolean() && epochMs(r) >= startMs) {
                out.merge(r.path("status").asInt(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** The status Front Door gives the client for each of its ErrorInfo causes (0 for one it does not name). */
    static ToIntFunction<String> frontDoorStatusOf(LoadTarget target) {
        JsonNode errors = get(target, "/admin/frontdoor/errors");
        return info -> errors == null ? 0 : errors.path(info).path("status").asInt(0);
    }

    private static Map<String, Long> frontDoorErrors(LoadTarget target) {
        JsonNode errors = get(target, "/admin/frontdoor/errors");
        Map<String, Long> out = new TreeMap<>();
        if (errors != null) {
            errors.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("count").asLong()));
        }
        return out;
    }

    private static long epochMs(JsonNode record) {
        try {
            return Instant.parse(record.path("at").asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The admin route's answer; null without an admin API or without the component (the route answers 404). */
    private static JsonNode get(LoadTarget target, String path) {
        if (!target.hasAdmin()) {
            return null;
        }
        try {
            return target.admin().get(path);
        } catch (AdminClient.AdminException e) {
            return null;
        }
    }
}
