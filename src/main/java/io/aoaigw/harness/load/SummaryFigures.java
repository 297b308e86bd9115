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
        out.set("capacity", CapacityFigures.of(s));
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
}
