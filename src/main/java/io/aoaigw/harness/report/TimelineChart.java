package io.aoaigw.harness.report;

import io.aoaigw.harness.load.Layer;
import io.aoaigw.harness.load.LoadSummary;
import java.util.List;
import java.util.Map;

/**
 * Answers per second of a load run, stacked: succeeded, 429s by the layer that sent them (APIM, Front Door, an
 * account; the summary's {@code throttled429.<layer>} timeline counters, which the header path records as it reads
 * each answer — a 429 no layer claims, e.g. on the SSE path, shows as "429, layer unknown"), and failed. One
 * {@code rect} per series and time slot with its count in {@code data-count}; long runs are grouped into slots of
 * several seconds.
 */
final class TimelineChart {
    private static final int W = 860;
    private static final int H = 170;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final int MAX_SLOTS = 150;
    private static final String UNATTRIBUTED = "429 unattributed";
    /** Counter, CSS class, colour, legend; drawn bottom up. */
    private static final List<String[]> SERIES = List.of(
            new String[] {LoadSummary.OK, "tl-ok", "#9ab8d8", "succeeded"},
            new String[] {LoadSummary.THROTTLED_BY + Layer.APIM.label(), "tl-429-apim", "#f2c14e", "429 APIM"},
            new String[] {LoadSummary.THROTTLED_BY + Layer.FRONT_DOOR.label(), "tl-429-frontdoor", "#b56576",
                "429 Front Door"},
            new String[] {LoadSummary.THROTTLED_BY + Layer.ACCOUNT.label(), "tl-429-account", "#dd8a2b",
                "429 account"},
            new String[] {UNATTRIBUTED, "tl-429", "#8d6e63", "429, layer unknown"},
            new String[] {LoadSummary.FAILED, "tl-failed", "#a61b1b", "failed"});

    private TimelineChart() {
    }

    private static String[] unattributed() {
        return SERIES.stream().filter(series -> series[0].equals(UNATTRIBUTED)).findFirst().orElseThrow();
    }

    static String svg(String id, Map<Long, Map<String, Long>> timeline) {
        StringBuilder b = Svg.open(id, "timeline", W, H, "Answers per second: succeeded, 429s by the layer that "
                + "sent them (APIM, Front Door, account), failed");
        b.append(Svg.line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#888"));
        if (timeline.isEmpty()) {
            return b.append(Svg.text(LEFT + 8, H / 2.0, "start", "no timeline")).append(Svg.close()).toString();
        }
        long first = timeline.keySet().stream().min(Long::compare).orElseThrow();
        long last = timeline.keySet().stream().max(Long::compare).orElseThrow();
        int slotSec = (int) Math.max(1, Math.ceil((last - first + 1) / (double) MAX_SLOTS));
        int slots = (int) ((last - first) / slotSec) + 1;
        long[][] counts = new long[slots][SERIES.size()];
        timeline.forEach((sec, m) -> {
            int slot = (int) ((sec - first) / slotSec);
            long attributed = 0;
            for (int s = 0; s < SERIES.size(); s++) {
                String counter = SERIES.get(s)[0];
                long n = counter.equals(UNATTRIBUTED) ? 0 : m.getOrDefault(counter, 0L);
                attributed += counter.startsWith(LoadSummary.THROTTLED_BY) ? n : 0;
                counts[slot][s] += n;
            }
            counts[slot][SERIES.indexOf(unattributed())] += Math.max(0,
                    m.getOrDefault(LoadSummary.THROTTLED, 0L) - attributed);
        });
        double max = 1;
        for (long[] c : counts) {
            max = Math.max(max, java.util.Arrays.stream(c).sum() / (double) slotSec);
        }
        double top = Svg.niceCeiling(max);
        double bw = (W - LEFT - RIGHT) / (double) slots;
        double plotH = H - TOP - BOTTOM;
        for (int i = 0; i < slots; i++) {
            double y = H - BOTTOM;
            for (int s = 0; s < SERIES.size(); s++) {
                double perSec = counts[i][s] / (double) slotSec;
                if (counts[i][s] == 0) {
                    continue;
                }
                double bh = plotH * perSec / top;
                y -= bh;
                String[] series = SERIES.get(s);
                b.append(Svg.rect(series[1], LEFT + i * bw, y, Math.max(1, bw - 1), bh, series[2],
                        "data-second=\"" + (i * slotSec) + "\" data-count=\"" + counts[i][s] + "\"",
                        "+" + (i * slotSec) + " s: " + counts[i][s] + " " + series[3]));
            }
        }
        b.append(Svg.text(LEFT - 4, TOP + 4, "end", Html.num(top) + "/s")).append(Svg.text(LEFT - 4, H - BOTTOM,
                "end", "0"));
        b.append(Svg.text(LEFT, H - 12, "start", "0 s")).append(Svg.text(W - RIGHT, H - 12, "end",
                (last - first + 1) + " s"));
        double x = LEFT + 40;
        for (String[] series : SERIES) {
            b.append(Svg.rect("legend", x, H - 21, 10, 10, series[2], "", series[3]))
                    .append(Svg.text(x + 14, H - 12, "start", series[3]));
            x += 125;
        }
        return b.append(Svg.close()).toString();
    }
}
