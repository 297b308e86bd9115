package io.aoaigw.harness.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency distribution from a load summary's HdrHistogram (µs) as an inline SVG bar chart in ms on a logarithmic
 * axis (latencies spread over decades: a fast bulk and a slow tail both stay visible): buckets of equal ratio from
 * the smallest to the largest value, one {@code rect.bar} per bucket with its count in {@code data-count}, and
 * p50/p95/p99 marked.
 */
final class DistributionChart {
    private static final int W = 420;
    private static final int H = 170;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int BOTTOM = 30;
    private static final int BUCKETS = 30;
    private static final double[] MARKED = {50, 95, 99};
    /** 0.1 ms: the log axis needs a positive start; faster values share the first bucket. */
    private static final double MIN_MICROS = 100;

    private DistributionChart() {
    }

    static String svg(String id, String what, Histogram h) {
        long n = h.getTotalCount();
        String caption = n == 0 ? what + " (ms): nothing timed"
                : String.format("%s (ms): %d values, p50 %s, p95 %s, p99 %s", what, n, ms(h, 50), ms(h, 95), ms(h, 99));
        StringBuilder b = Svg.open(id, "distribution", W, H, caption);
        b.append(Svg.line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#888"));
        if (n == 0) {
            return b.append(Svg.text(LEFT + 8, H / 2.0, "start", "no value recorded")).append(Svg.close()).toString();
        }
        double lo = Math.max(MIN_MICROS, h.getMinValue());
        double hi = Math.max(lo * 2, h.getMaxValue());
        long[] counts = bucketCounts(h, lo, hi);
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        double bw = plotW / BUCKETS;
        for (int i = 0; i < BUCKETS; i++) {
            double bh = plotH * counts[i] / max;
            String range = ms(edge(lo, hi, i)) + "–" + ms(edge(lo, hi, i + 1)) + " ms";
            b.append(Svg.rect("bar", LEFT + i * bw + 0.5, H - BOTTOM - bh, bw - 1, bh, "#2b6cb0",
                    "data-count=\"" + counts[i] + "\"", range + ": " + counts[i]));
        }
        for (int m = 0; m < MARKED.length; m++) {
            double x = LEFT + plotW * position(lo, hi, h.getValueAtPercentile(MARKED[m]));
            // labels on three heights: close percentiles would print over each other
            b.append(Svg.line(x, TOP - 4, x, H - BOTTOM, "#c05621"))
                    .append(Svg.text(x + 2, TOP - 6 + 11 * m, "start", "p" + Html.num(MARKED[m])));
        }
        b.append(Svg.text(LEFT - 4, TOP + 4, "end", Long.toString(max))).append(Svg.text(LEFT - 4, H - BOTTOM, "end",
                "0"));
        b.append(Svg.text(LEFT, H - 12, "start", ms(lo) + " ms"))
                .append(Svg.text(LEFT + plotW / 2, H - 12, "middle", ms(edge(lo, hi, BUCKETS / 2)) + " ms (log)"))
                .append(Svg.text(W - RIGHT, H - 12, "end", ms(hi) + " ms"));
        return b.append(Svg.close()).toString();
    }

    /** Counts per bucket of equal ratio between {@code lo} and {@code hi} (µs). */
    static long[] bucketCounts(Histogram h, double lo, double hi) {
        long[] counts = new long[BUCKETS];
        for (HistogramIterationValue v : h.recordedValues()) {
            int i = (int) Math.floor(position(lo, hi, v.getValueIteratedTo()) * BUCKETS);
            counts[Math.max(0, Math.min(BUCKETS - 1, i))] += v.getCountAtValueIteratedTo();
        }
        return counts;
    }

    /** Where a value lies between lo and hi on the log axis, 0 … 1. */
    private static double position(double lo, double hi, double value) {
        double v = Math.max(lo, Math.min(hi, value));
        return Math.log(v / lo) / Math.log(hi / lo);
    }

    private static double edge(double lo, double hi, int bucket) {
        return lo * Math.pow(hi / lo, bucket / (double) BUCKETS);
    }

    private static String ms(double micros) {
        double ms = micros / 1000.0;
        return ms >= 10 ? Html.num(Math.round(ms)) : Html.num(Math.round(ms * 10) / 10.0);
    }

    private static String ms(Histogram h, double p) {
        return Html.num(Math.round(h.getValueAtPercentile(p) / 100.0) / 10.0);
    }
}
