package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.LatencyModel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The absolute deadlines of an answer's tokens: token i is due at
 * {@code start + slow + timeToFirstToken + i × interToken}, each with its own uniform jitter of ± {@code jitterMs}.
 * Deadlines are computed from the start, never from the previous write, so late timers do not accumulate drift; they
 * never precede the start or the previous token.
 */
final class Pacing {
    private static final long MS = 1_000_000L;

    private final long firstTokenAt;
    private final long interTokenNanos;
    private final long jitterNanos;
    private final long startNanos;
    private long previous;

    Pacing(LatencyModel latency, int slowMs, long startNanos) {
        this.startNanos = startNanos;
        this.firstTokenAt = startNanos + (latency.timeToFirstTokenMs() + (long) slowMs) * MS;
        this.interTokenNanos = latency.interTokenMs() * MS;
        this.jitterNanos = latency.jitterMs() * MS;
        this.previous = startNanos;
    }

    /** The deadline of the next token of a stream (call once per token, in order). */
    long nextDeadline(int index) {
        previous = Math.max(previous, deadline(index));
        return previous;
    }

    /** When a whole answer of {@code tokens} tokens is complete (the first token's time for an empty answer). */
    long completeAt(int tokens) {
        return Math.max(startNanos, deadline(Math.max(0, tokens - 1)));
    }

    private long deadline(int index) {
        long jitter = jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
        return Math.max(startNanos, firstTokenAt + index * interTokenNanos + jitter);
    }

    /** Whole milliseconds to wait until {@code deadline}, rounded up (a timer never fires early), at least 1. */
    static long delayMillis(long deadline, long nowNanos) {
        return Math.max(1, (deadline - nowNanos + MS - 1) / MS);
    }
}
