package io.aoaigw.harness.emulator.aoai;

import java.util.Locale;

/**
 * Admission of a provisioned (PTU) deployment by utilisation, as Microsoft describes it ("How does the service decide
 * when to send a 429?", docs/emulator.md): a variation of the leaky bucket. A request is refused while utilisation is
 * at or above 100 %, with the time until it falls below; otherwise its estimate (prompt tokens + {@code max_tokens}
 * weighted as output) is added. When it finishes, the estimate is corrected to the actual cost. Utilisation drains
 * continuously at the rate the PTUs buy: {@code ptu × input TPM per PTU} input-token equivalents per minute.
 *
 * <p>100 % is the drain of {@link #BURST_NANOS}: how far bursts may run ahead of the rate is unconfirmed (Azure:
 * "bursts just over 100% may be permitted in short periods"); 10 s keeps them short. Time is passed in, so the
 * limiter is pure. Shared by the account's event loops: each call is one short critical section.
 */
final class ProvisionedLimiter {
    static final long BURST_NANOS = 10_000_000_000L;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final double drainPerNano;
    private final double full;
    private final int outputWeight;
    private double level;
    private long lastNanos;
    private boolean started;

    /**
     * @param tokensPerMinute input-token equivalents the PTUs drain per minute
     * @param outputWeight    how many input tokens one output token counts as
     */
    ProvisionedLimiter(long tokensPerMinute, int outputWeight) {
        if (tokensPerMinute <= 0 || outputWeight < 1) {
            throw new IllegalArgumentException("tokensPerMinute and outputWeight must be positive");
        }
        this.drainPerNano = tokensPerMinute / NANOS_PER_MINUTE;
        this.full = drainPerNano * BURST_NANOS;
        this.outputWeight = outputWeight;
    }

    /** The cost of a request in input-token equivalents. */
    long cost(long promptTokens, long outputTokens) {
        return promptTokens + outputTokens * outputWeight;
    }

    /** Admits {@code estimate} (from {@link #cost}) unless utilisation is full; says the utilisation after it. */
    synchronized Decision tryAdmit(long nowNanos, long estimate) {
        drain(nowNanos);
        if (level >= full) {
            long wait = (long) Math.ceil((level - full) / drainPerNano) + 1;
            return new Decision(false, percent(), wait);
        }
        level += estimate;
        return new Decision(true, percent(), 0);
    }

    /** Corrects an admitted request's estimate to what it actually cost, once it finished. */
    synchronized void settle(long nowNanos, long estimate, long actual) {
        drain(nowNanos);
        level = Math.max(0, level + actual - estimate);
    }

    /** Utilisation now, in percent (may pass 100 after a burst). */
    synchronized double utilisation(long nowNanos) {
        drain(nowNanos);
        return percent();
    }

    private double percent() {
        return 100 * level / full;
    }

    private void drain(long nowNanos) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
        } else if (nowNanos > lastNanos) {
            level = Math.max(0, level - (nowNanos - lastNanos) * drainPerNano);
            lastNanos = nowNanos;
        }
    }

    /** Admitted or refused, the utilisation it leaves, and for a refusal the wait until it is below 100 %. */
    record Decision(boolean admitted, double utilisationPercent, long waitNanos) {

        /** The {@code azure-openai-deployment-utilization} header's value, e.g. {@code 42.5%}. */
        String header() {
            return String.format(Locale.ROOT, "%.1f%%", utilisationPercent);
        }

        long waitMillis() {
            return Math.max(1, (waitNanos + 999_999) / 1_000_000);
        }
    }
}
