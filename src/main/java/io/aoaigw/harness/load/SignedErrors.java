package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * Signed errors (µs) kept as two mergeable HdrHistograms of a {@link LoadSummary} — magnitudes of negative errors under
 * {@code name + "Below"}, the others under {@code name + "Above"} — so that a merged summary still yields the signed
 * percentiles of the whole, which one histogram of non-negative values could not.
 */
final class SignedErrors {
    private SignedErrors() {
    }

    static void record(LoadSummary s, String name, long errorMicros) {
        if (errorMicros < 0) {
            s.record(name + "Below", -errorMicros);
        } else {
            s.record(name + "Above", errorMicros);
        }
    }

    /** count, signed p1/p50/p99, |error| p50/p99/max and the signed mean, in ms; only count when empty. */
    static ObjectNode figures(LoadSummary s, String name) {
        Histogram below = s.histogram(name + "Below");
        Histogram above = s.histogram(name + "Above");
        long n = below.getTotalCount() + above.getTotalCount();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("count", n);
        if (n == 0) {
            return out;
        }
        Histogram abs = HistogramCodec.empty();
        abs.add(below);
        abs.add(above);
        double sum = above.getMean() * above.getTotalCount() - below.getMean() * below.getTotalCount();
        return out.put("p1", ms(signedAt(below, above, 1))).put("p50", ms(signedAt(below, above, 50)))
                .put("p99", ms(signedAt(below, above, 99))).put("absP50", ms(abs.getValueAtPercentile(50)))
                .put("absP99", ms(abs.getValueAtPercentile(99))).put("absMax", ms(abs.getMaxValue()))
                .put("mean", sum / n / 1000.0);
    }

    /**
     * The signed value at a percentile: ranks 1..below.count are the negative errors, largest magnitude first, the
     * remaining ranks the non-negative ones in increasing order.
     */
    static long signedAt(Histogram below, Histogram above, double percentile) {
        long nBelow = below.getTotalCount();
        long n = nBelow + above.getTotalCount();
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        if (rank <= nBelow) {
            return -valueAtRank(below, nBelow - rank + 1);
        }
        return valueAtRank(above, rank - nBelow);
    }

    private static long valueAtRank(Histogram h, long rank) {
        long seen = 0;
        for (org.HdrHistogram.HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return h.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return h.getMaxValue();
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
