package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code figures.capacity}: when measurement started (after warm-up), the knee ({@link KneeDetector}), and, when the
 * run recorded it, the binding limit the topology predicts with the knee's ratio to it (the goal: within ±5 %);
 * per origin, utilisation over time and tokens per minute per PTU ({@link UtilisationFigures}).
 */
final class CapacityFigures {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CapacityFigures() {
    }

    static ObjectNode of(LoadSummary s) {
        ObjectNode n = F.objectNode();
        TreeMap<Long, Map<String, Long>> timeline = new TreeMap<>(s.timeline());
        if (timeline.isEmpty()) {
            return n.put("kneeReached", false).put("partial", true);
        }
        long startMs;
        long endMs;
        Map<String, Long> counters;
        synchronized (s) {
            startMs = s.startEpochMs;
            endMs = s.endEpochMs;
            counters = new TreeMap<>(s.counters);
        }
        long runStart = startMs == Long.MAX_VALUE ? timeline.firstKey() : Math.floorDiv(startMs, 1000L);
        long end = endMs == Long.MIN_VALUE ? timeline.lastKey() + 1 : Math.floorDiv(endMs, 1000L);
        long from = timeline.entrySet().stream()
                .filter(e -> e.getValue().getOrDefault(LoadSummary.MEASURING, 0L) > 0).map(Map.Entry::getKey)
                .findFirst().orElse(Math.min(runStart, timeline.firstKey()));
        KneeDetector.Knee knee = KneeDetector.detect(timeline, from, end);
        KneeDetector.Window used = knee.minute().complete() ? knee.minute() : knee.tenSeconds();
        long windowStart = knee.reached() ? from + knee.kneeSecond() : from;
        n.put("kneeReached", knee.reached()).put("partial", knee.partial())
                .put("measuredFromSecond", from - runStart).put("kneeAtSecond", knee.kneeSecond())
                .put("requestsPerMin", knee.requestsPerMin())
                .put("outputTokensPerMin", KneeDetector.perMinute(timeline, LoadSummary.OUTPUT_TOKENS, windowStart,
                        used.seconds(), knee.end()))
                .put("window", used.seconds() + " s from the knee" + (knee.reached() ? "" : " (best of the run)"));
        ObjectNode windows = n.putObject("windows");
        for (KneeDetector.Window w : new KneeDetector.Window[] {knee.tenSeconds(), knee.minute()}) {
            windows.putObject(w.seconds() + "s").put("requestsPerMin", w.requestsPerMin())
                    .put("complete", w.complete());
        }
        binding(s, n, knee);
        n.set("utilisation", UtilisationFigures.of(timeline, counters, runStart, from, end,
                knee.reached() ? from + knee.kneeSecond() : -1));
        return n;
    }

    private static void binding(LoadSummary s, ObjectNode n, KneeDetector.Knee knee) {
        long milli = s.count(LoadSummary.BINDING + "milliRequestsPerMin");
        if (milli <= 0) {
            return;
        }
        ObjectNode b = n.putObject("bindingLimit").put("requestsPerMin", milli / 1000.0);
        synchronized (s) {
            s.counters.keySet().stream().filter(k -> k.startsWith(LoadSummary.BINDING + "by.")).findFirst()
                    .ifPresent(k -> {
                        String[] parts = k.substring((LoadSummary.BINDING + "by.").length()).split("\\.", 2);
                        b.put("limit", parts[0]).put("origin", parts.length > 1 ? parts[1] : "");
                    });
        }
        n.put("kneeToBinding", knee.requestsPerMin() / (milli / 1000.0));
    }
}
