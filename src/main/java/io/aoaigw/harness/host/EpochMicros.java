package io.aoaigw.harness.host;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time in microseconds since the Unix epoch, derived from {@link System#nanoTime()} anchored once per JVM:
 * readings never go backwards and their differences are exact, which ground-truth pacing checks rely on, while the
 * absolute value stays comparable (to within the anchor's accuracy) with other clocks of the same host.
 */
public final class EpochMicros {
    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

    private EpochMicros() {
    }

    public static long now() {
        return of(System.nanoTime());
    }

    /** The epoch micros of an earlier (or later) {@link System#nanoTime()} reading of this JVM. */
    public static long of(long nanoTime) {
        return ANCHOR_MICROS + Math.floorDiv(nanoTime - ANCHOR_NANOS, 1000L);
    }
}
