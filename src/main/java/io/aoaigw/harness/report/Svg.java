package io.aoaigw.harness.report;

import java.util.Locale;

/** The few SVG pieces the index's charts share: an inline, script-free {@code <svg>} with a title, lines and text. */
final class Svg {
    private Svg() {
    }

    /** Opens a figure with its caption and an {@code <svg>} of the given size; close with {@link #close()}. */
    static StringBuilder open(String id, String cssClass, int w, int h, String caption) {
        return new StringBuilder("<figure><figcaption>").append(Html.esc(caption)).append("</figcaption>")
                .append("<svg id=\"").append(Html.esc(id)).append("\" class=\"").append(cssClass)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(caption)).append("\"><title>").append(Html.esc(caption)).append("</title>");
    }

    static String close() {
        return "</svg></figure>";
    }

    static String line(double x1, double y1, double x2, double y2, String stroke) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + stroke + "\"/>";
    }

    static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor
                + "\" fill=\"#444\">" + Html.esc(s) + "</text>";
    }

    /** A rectangle with a class, a fill, extra attributes (already escaped) and a tooltip. */
    static String rect(String cssClass, double x, double y, double w, double h, String fill, String attrs,
                       String tooltip) {
        return "<rect class=\"" + cssClass + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w)
                + "\" height=\"" + fmt(h) + "\" fill=\"" + fill + "\" " + attrs + "><title>" + Html.esc(tooltip)
                + "</title></rect>";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
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
}
