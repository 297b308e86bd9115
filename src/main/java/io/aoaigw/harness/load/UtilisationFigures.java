package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code figures.capacity.utilisation}: per origin, the highest {@code azure-openai-deployment-utilization} its
 * answers reported in each second of the run, and for a provisioned origin (PTUs recorded from the topology) the
 * tokens its answers reported per minute of the measured window and per PTU — plain (prompt + completion, as
 * Microsoft's capacity calculator counts) and weighted (output × the model's weight, as the PTU drain counts, which
 * a saturated deployment holds near the model's input TPM per PTU). The measured window holds the ramp too, so the
 * same figures from the knee on ({@code saturated}) say what the PTUs carry when full. Pure: reads the mergeable data
 * only.
 */
final class UtilisationFigures {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private UtilisationFigures() {
    }

    /** {@code "42.5%"} → 425; -1 when absent or unreadable (a header is advice to read, never a reason to fail). */
    static long permille(String header) {
        if (header == null) {
            return -1;
        }
        String v = header.trim();
        v = v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v;
        try {
            double percent = Double.parseDouble(v);
            return Double.isFinite(percent) && percent >= 0 ? Math.round(percent * 10) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param timeline epoch second → counter (the summary's timeline)
     * @param counters the summary's counters (PTUs of the provisioned origins)
     * @param runStart the run's first epoch second: series seconds count from it, as {@code kneeAtSecond} does
     * @param from     first epoch second measured (after warm-up)
     * @param end      epoch second the measured window ends (exclusive)
     * @param knee     epoch second of the knee (first sustained 429s), or -1 when none was reached
     */
    static ObjectNode of(Map<Long, Map<String, Long>> timeline, Map<String, Long> counters, long runStart, long from,
                         long end, long knee) {
        ObjectNode n = F.objectNode();
        for (String origin : origins(timeline, counters)) {
            ObjectNode o = n.putObject(origin);
            series(o, timeline, origin, runStart);
            long ptu = counters.getOrDefault(LoadSummary.PTU + origin + ".units", 0L);
            long weight = counters.getOrDefault(LoadSummary.PTU + origin + ".outputWeight", 1L);
            if (ptu > 0) {
                o.put("ptu", ptu).put("outputWeight", weight);
                perPtu(o, timeline, origin, ptu, weight, from, end);
                if (knee >= from && knee < end) {
                    perPtu(o.putObject("saturated").put("fromSecond", knee - runStart), timeline, origin, ptu,
                            weight, knee, end);
                }
            }
        }
        return n;
    }

    private static TreeSet<String> origins(Map<Long, Map<String, Long>> timeline, Map<String, Long> counters) {
        TreeSet<String> origins = new TreeSet<>();
        timeline.values().forEach(m -> m.keySet().stream().filter(k -> k.startsWith(LoadSummary.UTILISATION_PEAK))
                .forEach(k -> origins.add(k.substring(LoadSummary.UTILISATION_PEAK.length()))));
        counters.keySet().stream().filter(k -> k.startsWith(LoadSummary.PTU) && k.endsWith(".units"))
                .forEach(k -> origins.add(k.substring(LoadSummary.PTU.length(), k.length() - ".units".length())));
        return origins;
    }

    /** {@code perSecond}: second from the run's start → highest percent seen; {@code maxPercent} over them all. */
    private static void series(ObjectNode o, Map<Long, Map<String, Long>> timeline, String origin, long runStart) {
        ObjectNode perSecond = F.objectNode();
        long max = -1;
        for (Map.Entry<Long, Map<String, Long>> e : new TreeMap<>(timeline).entrySet()) {
            Long permille = e.getValue().get(LoadSummary.UTILISATION_PEAK + origin);
            if (permille != null) {
                perSecond.put(Long.toString(e.getKey() - runStart), permille / 10.0);
                max = Math.max(max, permille);
            }
        }
        if (max >= 0) {
            o.put("maxPercent", max / 10.0);
        }
        o.set("perSecond", perSecond);
    }

    private static void perPtu(ObjectNode o, Map<Long, Map<String, Long>> timeline, String origin, long ptu,
                               long outputWeight, long from, long end) {
        long input = 0;
        long output = 0;
        for (long second = from; second < end; second++) {
            Map<String, Long> m = timeline.getOrDefault(second, Map.of());
            input += m.getOrDefault(LoadSummary.ORIGIN_TOKENS + origin + ".input", 0L);
            output += m.getOrDefault(LoadSummary.ORIGIN_TOKENS + origin + ".output", 0L);
        }
        double minutes = Math.max(0, end - from) / 60.0;
        o.put("measuredSeconds", Math.max(0, end - from));
        if (minutes == 0) {
            return;
        }
        double tokensPerMin = (input + output) / minutes;
        double weightedPerMin = (input + output * outputWeight) / minutes;
        o.put("inputTokensPerMin", input / minutes).put("outputTokensPerMin", output / minutes)
                .put("tokensPerMin", tokensPerMin).put("tokensPerMinPerPtu", tokensPerMin / ptu)
                .put("weightedTokensPerMinPerPtu", weightedPerMin / ptu);
    }
}
