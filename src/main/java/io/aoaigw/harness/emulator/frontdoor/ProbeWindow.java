package io.aoaigw.harness.emulator.frontdoor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@code sampleSize} probe results of one origin. Healthy means at least {@code successfulSamplesRequired}
 * of them succeeded. The window starts full of assumed successes (without latency), so a new origin takes traffic at
 * once and one that never answers turns unhealthy after {@code sampleSize - successfulSamplesRequired + 1} probes.
 * Probes and readers run on different threads, hence the synchronisation.
 */
final class ProbeWindow {
    private final boolean[] ok;
    private final double[] latencyMs;
    private final int required;
    private int next;

    ProbeWindow(int sampleSize, int successfulSamplesRequired) {
        ok = new boolean[sampleSize];
        latencyMs = new double[sampleSize];
        required = successfulSamplesRequired;
        Arrays.fill(ok, true);
        Arrays.fill(latencyMs, Double.NaN);
    }

    synchronized void record(boolean success, double elapsedMs) {
        ok[next] = success;
        latencyMs[next] = success ? elapsedMs : Double.NaN;
        next = (next + 1) % ok.length;
    }

    synchronized boolean healthy() {
        int successes = 0;
        for (boolean b : ok) {
            successes += b ? 1 : 0;
        }
        return successes >= required;
    }

    /** Mean round-trip of the successful probes in the window; null while none was measured. */
    synchronized Double averageLatencyMs() {
        double sum = 0;
        int n = 0;
        for (double ms : latencyMs) {
            if (!Double.isNaN(ms)) {
                sum += ms;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** Oldest first, for the counters. */
    synchronized List<Boolean> recent() {
        List<Boolean> out = new ArrayList<>(ok.length);
        for (int i = 0; i < ok.length; i++) {
            out.add(ok[(next + i) % ok.length]);
        }
        return out;
    }
}
