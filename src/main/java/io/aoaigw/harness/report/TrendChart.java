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
        StringBuilder b = new StringBuilder("<figure><figcaption>").append(Html.esc(title + " (" + unit + ")"))
                .append("</figcaption>");
        b.append("<svg id=\"").append(id).append("\" class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">");
        b.append("<title>").append(Html.esc(title)).append("</title>");
        b.append(line(LEFT, TOP, LEFT, H - BOTTOM)).append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
        if (points.isEmpty()) {
            return b.append(text(LEFT + 8, H / 2, "start", "no run with this figure yet")).append("</svg></figure>")
                    .toString();
        }
        double max = points.stream().mapToDouble(metric).max().orElse(1);
        double top = niceCeiling(max * 1.1);
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
        return b.append("</svg></figure>").toString();
    }

    /** The axis top: 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double pow = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * pow >= v) {
                return m * pow;
            }
        }
        return 10 * pow;
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
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#888\"/>";
    }

    private static String text(int x, int y, String anchor, String s) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" text-anchor=\"" + anchor + "\" fill=\"#444\">"
                + Html.esc(s) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
