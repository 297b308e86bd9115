package io.aoaigw.harness.report;

import java.util.Map;
import java.util.TreeSet;

/**
 * Per-origin share of the answers (by {@code x-ms-region}) against the share the topology's Front Door weights give:
 * one {@code rect.share} per origin (observed, {@code data-share}) and, when known, a {@code line.expected} at the
 * expected share ({@code data-expected}). On a real target the expected shares are not known (the load reads no
 * origin weights) and only the observed ones are drawn.
 */
final class OriginShareChart {
    private static final int W = 430;
    private static final int ROW = 26;
    private static final int LEFT = 96;
    private static final int RIGHT = 130;
    private static final int TOP = 8;

    private OriginShareChart() {
    }

    static String svg(String id, Map<String, Long> observed, Map<String, Double> expected) {
        long total = observed.values().stream().mapToLong(Long::longValue).sum();
        TreeSet<String> origins = new TreeSet<>(observed.keySet());
        origins.addAll(expected.keySet());
        int h = TOP + Math.max(1, origins.size()) * ROW + 8;
        String caption = "Answers per origin (" + total + ")" + (expected.isEmpty()
                ? ": no expected shares (a real target, or the profile's topology was not found)"
                : " against the share the Front Door weights give (black line)");
        StringBuilder b = Svg.open(id, "origins", W, h, caption);
        if (origins.isEmpty()) {
            return b.append(Svg.text(LEFT, TOP + 16, "start", "no answer named its origin")).append(Svg.close())
                    .toString();
        }
        double plotW = W - LEFT - RIGHT;
        int row = 0;
        for (String origin : origins) {
            double y = TOP + row++ * ROW;
            double share = total == 0 ? 0 : observed.getOrDefault(origin, 0L) / (double) total;
            String label = pct(share);
            b.append(Svg.text(LEFT - 6, y + 15, "end", origin));
            b.append(Svg.rect("share", LEFT, y + 4, Math.max(1, plotW * share), ROW - 10, "#2b6cb0",
                    "data-origin=\"" + Html.esc(origin) + "\" data-share=\"" + Svg.fmt(share * 100) + "\"",
                    origin + ": " + observed.getOrDefault(origin, 0L) + " answers, " + label));
            Double exp = expected.get(origin);
            if (exp != null) {
                double x = LEFT + plotW * exp;
                b.append("<line class=\"expected\" data-expected=\"").append(Svg.fmt(exp * 100)).append("\" x1=\"")
                        .append(Svg.fmt(x)).append("\" y1=\"").append(Svg.fmt(y + 1)).append("\" x2=\"")
                        .append(Svg.fmt(x)).append("\" y2=\"").append(Svg.fmt(y + ROW - 3))
                        .append("\" stroke=\"#000\" stroke-width=\"2\"/>");
                label += " (exp. " + pct(exp) + ")";
            }
            b.append(Svg.text(W - RIGHT + 4, y + 15, "start", label));
        }
        return b.append(Svg.close()).toString();
    }

    private static String pct(double share) {
        return Html.num(Math.round(share * 1000) / 10.0) + " %";
    }
}
