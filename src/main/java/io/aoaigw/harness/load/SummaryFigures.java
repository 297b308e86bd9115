package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The human-readable figures of a summary (percentiles in ms, rates, shares, the capacity knee), always recomputed
 * from the mergeable data so a merged summary's figures are those of the whole.
 */
final class SummaryFigures {
    /** Seconds before the first 429 averaged for the sustained rate at the knee. */
    static final int KNEE_WINDOW_SEC = 5;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SummaryFigures() {
    }

    static ObjectNode of(LoadSummary s) {
        ObjectNode out = F.objectNode();
        ObjectNode latency = out.putObject("latencyMs");
        for (String name : List.of(LoadSummary.FIRST_EVENT, LoadSummary.TTFT, LoadSummary.ITL, LoadSummary.TPOT,
                LoadSummary.E2E, LoadSummary.RECOVERY)) {
            latency.set(name, percentiles(s.histogram(name), 1000.0));
        }
        out.set("streamTokensPerSec", percentiles(s.histogram(LoadSummary.STREAM_TOKENS_PER_SEC), 1000.0));
        long chats = s.count(LoadSummary.CHATS);
        double seconds = s.durationMs() / 1000.0;
        out.put("errorPercent", chats == 0 ? 0 : 100.0 * s.count(LoadSummary.FAILED) / chats);
        out.set("chats", chats(s));
        out.set("requestClasses", requestClasses(s));
        out.put("aggregateTokensPerSec", seconds == 0 ? 0 : s.count(LoadSummary.OUTPUT_TOKENS) / seconds);
        out.put("requestsPerMin", seconds == 0 ? 0 : s.count(LoadSummary.OK) * 60 / seconds);
        out.set("retries", retries(s));
        out.set("layers", LayerFigures.of(s));
        out.set("originShares", shares(s.origins()));
        out.set("capacity", knee(s.timeline()));
        // only where ground truth was compared (embedded target): a real deployment has none to compare with
        ObjectNode accuracy = AccuracyReport.figures(s);
        if (accuracy != null) {
            out.set("accuracy", accuracy);
        }
        return out;
    }

    private static ObjectNode percentiles(Histogram h, double scale) {
        ObjectNode n = F.objectNode().put("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            n.put("p50", h.getValueAtPercentile(50) / scale).put("p95", h.getValueAtPercentile(95) / scale)
                    .put("p99", h.getValueAtPercentile(99) / scale).put("max", h.getMaxValue() / scale)
                    .put("mean", h.getMean() / scale);
        }
        return n;
    }

    /** Outcomes per chat (the basis of the error SLO), failures by cause; a chat counts once however it ended. */
    private static ObjectNode chats(LoadSummary s) {
        ObjectNode n = F.objectNode().put("errorSloBasis", "per chat (a retried or streamed chat is one chat)")
                .put("started", s.count(LoadSummary.CHATS)).put("ok", s.count(LoadSummary.OK))
                .put("failed", s.count(LoadSummary.FAILED));
        ObjectNode by = n.putObject("failedBy");
        for (String cause : List.of(LoadSummary.STREAMS_CUT, LoadSummary.SSE_REFUSED, LoadSummary.STREAMS_INCOMPLETE,
                LoadSummary.FAILED_AFTER_RETRIES)) {
            by.put(cause, s.count(cause));
        }
        ObjectNode statuses = n.putObject("sseRefusedByStatus");
        synchronized (s) {
            s.counters.forEach((name, value) -> {
                if (name.startsWith(LoadSummary.SSE_REFUSED_STATUS)) {
                    statuses.put(name.substring(LoadSummary.SSE_REFUSED_STATUS.length()), value);
                }
            });
        }
        return n;
    }

    /** Per request class: chats, OK, failed, prompt tokens (jtokkit) and output tokens; counts only, never text. */
    private static ObjectNode requestClasses(LoadSummary s) {
        ObjectNode n = F.objectNode();
        synchronized (s) {
            s.counters.forEach((name, value) -> {
                if (name.startsWith(LoadSummary.CLASS_PREFIX)) {
                    int dot = name.lastIndexOf('.');
                    String cls = name.substring(LoadSummary.CLASS_PREFIX.length(), dot);
                    ObjectNode c = n.has(cls) ? (ObjectNode) n.get(cls) : n.putObject(cls);
                    c.put(name.substring(dot + 1), value);
                }
            });
        }
        n.properties().forEach(e -> {
            ObjectNode c = (ObjectNode) e.getValue();
            long chats = c.path(LoadSummary.CHATS).asLong();
            c.put("meanPromptTokens", chats == 0 ? 0 : (double) c.path(LoadSummary.PROMPT_TOKENS).asLong() / chats);
        });
        return n;
    }

    private static ObjectNode retries(LoadSummary s) {
        return F.objectNode().put("throttled429", s.count(LoadSummary.THROTTLED))
                .put("retries", s.count(LoadSummary.RETRIES))
                .put("failedAfterRetries", s.count(LoadSummary.FAILED_AFTER_RETRIES))
                .put("retriesBeforeAdvisedTime", s.count(LoadSummary.EARLY_RETRIES))
                .put("adviceCompliancePercent", s.count(LoadSummary.RETRIES) == 0 ? 100.0
                        : 100.0 * (s.count(LoadSummary.RETRIES) - s.count(LoadSummary.EARLY_RETRIES))
                        / s.count(LoadSummary.RETRIES))
                .put("advisedWaitMs", s.count(LoadSummary.ADVISED_MICROS) / 1000.0)
                .put("waitedMs", s.count(LoadSummary.WAITED_MICROS) / 1000.0);
    }

    private static ObjectNode shares(Map<String, Long> origins) {
        long total = origins.values().stream().mapToLong(Long::longValue).sum();
        ObjectNode n = F.objectNode();
        origins.forEach((k, v) -> n.put(k, total == 0 ? 0 : (double) v / total));
        return n;
    }

    /**
     * The knee: the first second with a 429. Sustained rates are the mean over the {@link #KNEE_WINDOW_SEC} seconds
     * before it (or over the busiest such window when no 429 appeared: the knee was not reached).
     */
    static ObjectNode knee(Map<Long, Map<String, Long>> timeline) {
        ObjectNode n = F.objectNode();
        Long first = timeline.keySet().stream().findFirst().orElse(null);
        if (first == null) {
            return n.put("kneeReached", false);
        }
        Long knee = timeline.entrySet().stream()
                .filter(e -> e.getValue().getOrDefault(LoadSummary.THROTTLED, 0L) > 0).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        long end = knee != null ? knee : bestWindowEnd(timeline, first);
        double ok = 0;
        double tokens = 0;
        for (long sec = end - KNEE_WINDOW_SEC; sec < end; sec++) {
            Map<String, Long> m = timeline.getOrDefault(sec, Map.of());
            ok += m.getOrDefault(LoadSummary.OK, 0L);
            tokens += m.getOrDefault(LoadSummary.OUTPUT_TOKENS, 0L);
        }
        return n.put("kneeReached", knee != null).put("kneeAtSecond", knee == null ? -1 : knee - first)
                .put("requestsPerMin", ok * 60 / KNEE_WINDOW_SEC).put("outputTokensPerMin", tokens * 60 / KNEE_WINDOW_SEC);
    }

    private static long bestWindowEnd(Map<Long, Map<String, Long>> timeline, long first) {
        long last = ((java.util.TreeMap<Long, Map<String, Long>>) timeline).lastKey() + 1;
        long best = Math.min(last, first + KNEE_WINDOW_SEC);
        long bestOk = -1;
        for (long end = first + KNEE_WINDOW_SEC; end <= last; end++) {
            long ok = 0;
            for (long sec = end - KNEE_WINDOW_SEC; sec < end; sec++) {
                ok += timeline.getOrDefault(sec, Map.of()).getOrDefault(LoadSummary.OK, 0L);
            }
            if (ok > bestOk) {
                bestOk = ok;
                best = end;
            }
        }
        return best;
    }
}
