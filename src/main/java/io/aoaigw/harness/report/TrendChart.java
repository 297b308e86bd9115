package io.aoaigw.harness.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A small inline SVG line chart of one figure over the capacity history: one {@code circle.point} per run that has the
 * figure (with its value in {@code data-value} and a tooltip), joined by a polyline. No script, no network.
 */
final class TrendChart {
    private static final int W = 520;
    private static final int H = 180;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TrendChart() {
    }

    /** The chart of {@code metric} over {@code runs} (oldest first); runs without the figure are left out. */
    static String svg(String id, String title, String unit, List<LoadFigures> runs,
                      ToDoubleFunction<LoadFigures> metric) {
        List<LoadFigures> points = runs.stream().filter(r -> Double.isFinite(metric.applyAsDouble(r))).toList();
        StringBuilder b = Svg.open(id, "trend", W, H, title + " (" + unit + ")");
        b.append(line(LEFT, TOP, LEFT, H - BOTTOM)).append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
        if (points.isEmpty()) {
            return b.append(text(LEFT + 8, H / 2, "start", "no run with this figure yet")).append(Svg.close())
                    .toString();
        }
        double max = points.stream().mapToDouble(metric).max().orElse(1);
        double top = Svg.niceCeiling(max * 1.1);
        b.append(text(LEFT - 6, TOP + 4, "end", Html.num(top))).append(text(LEFT - 6, H - BOTTOM, "end", "0"));
        StringBuilder poly = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            LoadFigures r = points.get(i);
            double v = metric.applyAsDouble(r);
            double x = points.size() == 1 ? (LEFT + W - RIGHT) / 2.0
                    : LEFT + 8 + i * (W - RIGHT - LEFT - 16) / (double) (points.size() - 1);
            double y = H - BOTTOM - (v / top) * (H - BOTTOM - TOP);
            poly.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            String when = r.startEpochMs() > 0 ? DAY.format(Instant.ofEpochMilli(r.startEpochMs())) : "?";
            dots.append("<circle class=\"point\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"4\" data-value=\"").append(Html.num(v)).append("\"><title>")
                    .append(Html.esc(when + " UTC — " + Html.num(v) + " " + unit + " (" + r.file().getFileName()
                            + ")"))
                    .append("</title></circle>");
        }
        b.append("<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"")
                .append(poly.toString().trim())
                .append("\"/>").append(dots);
        b.append(text(LEFT, H - 12, "start", firstLabel(points))).append(text(W - RIGHT, H - 12, "end",
                lastLabel(points)));
        return b.append(Svg.close()).toString();
    }

    private static String firstLabel(List<LoadFigures> points) {
        long t = points.get(0).startEpochMs();
        return t > 0 ? DAY.format(Instant.ofEpochMilli(t)) : "";
    }

    private static String lastLabel(List<LoadFigures> points) {
        long t = points.get(points.size() - 1).startEpochMs();
        return points.size() > 1 && t > 0 ? DAY.format(Instant.ofEpochMilli(t)) : "";
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return Svg.line(x1, y1, x2, y2, "#888");
    }

    private static String text(int x, int y, String anchor, String s) {
        return Svg.text(x, y, anchor, s);
    }

    private static String fmt(double v) {
        return Svg.fmt(v);
    }
}
