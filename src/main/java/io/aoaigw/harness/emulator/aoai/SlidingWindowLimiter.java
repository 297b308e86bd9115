package io.aoaigw.harness.emulator.aoai;

import java.util.ArrayDeque;

/**
 * One deployment's TPM and RPM quota, enforced over an exact sliding window: every admission is remembered until it
 * leaves the window, a request is admitted while the window's requests and estimated tokens stay within
 * {@code quota × window / 60 s}, and a refusal says exactly when enough of the window frees up. A request larger than
 * the whole token allowance is admitted into an otherwise empty window rather than refused forever.
 *
 * <p>Shared by the account's event loops: admission is one short critical section.
 */
final class SlidingWindowLimiter implements DeploymentLimiter {
    private final long windowNanos;
    private final long tokenAllowance;
    private final long requestAllowance;
    private final double perMinute;
    private final ArrayDeque<long[]> admitted = new ArrayDeque<>();
    private long tokensInWindow;

    SlidingWindowLimiter(long windowNanos, long tokensPerMinute, long requestsPerMinute) {
        this.windowNanos = windowNanos;
        this.perMinute = 60e9 / windowNanos;
        this.tokenAllowance = Math.max(1, (long) Math.floor(tokensPerMinute / perMinute));
        this.requestAllowance = Math.max(1, (long) Math.floor(requestsPerMinute / perMinute));
    }

    long tokenAllowance() {
        return tokenAllowance;
    }

    long requestAllowance() {
        return requestAllowance;
    }

    @Override
    public synchronized Decision tryAdmit(long nowNanos, long cost) {
        evict(nowNanos);
        if (admitted.size() + 1 > requestAllowance) {
            return Decision.refused(RateLimitPolicy.REQUESTS, admitted.peekFirst()[0] + windowNanos - nowNanos);
        }
        if (tokensInWindow + cost > tokenAllowance && !admitted.isEmpty()) {
            return Decision.refused(RateLimitPolicy.TOKENS, tokenWait(nowNanos, cost));
        }
        admitted.addLast(new long[] {nowNanos, cost});
        tokensInWindow += cost;
        return Decision.admitted(perMinute(requestAllowance - admitted.size()),
                perMinute(Math.max(0, tokenAllowance - tokensInWindow)));
    }

    /** Time until the oldest admissions have left the window far enough for {@code cost} to fit. */
    private long tokenWait(long nowNanos, long cost) {
        long remaining = tokensInWindow;
        long leavesAt = nowNanos;
        for (long[] entry : admitted) {
            remaining -= entry[1];
            leavesAt = entry[0] + windowNanos;
            if (remaining + cost <= tokenAllowance) {
                break;
            }
        }
        return leavesAt - nowNanos;
    }

    private void evict(long nowNanos) {
        while (!admitted.isEmpty() && admitted.peekFirst()[0] + windowNanos <= nowNanos) {
            tokensInWindow -= admitted.pollFirst()[1];
        }
    }

    /** Remaining window allowance expressed per minute, comparable with the deployment's TPM/RPM. */
    private long perMinute(long remainingInWindow) {
        return (long) Math.floor(remainingInWindow * perMinute);
    }

    /** Admitted (with the remaining headers' values) or refused (with the policy and the exact wait). */
    record Decision(boolean admitted, long remainingRequests, long remainingTokens, RateLimitPolicy policy,
                    long waitNanos) {

        static Decision admitted(long remainingRequests, long remainingTokens) {
            return new Decision(true, remainingRequests, remainingTokens, null, 0);
        }

        static Decision refused(RateLimitPolicy policy, long waitNanos) {
            return new Decision(false, 0, 0, policy, Math.max(0, waitNanos));
        }

        /** The wait in whole milliseconds, rounded up so that a retry at that time is admitted. */
        long waitMillis() {
            return Math.max(1, (waitNanos + 999_999) / 1_000_000);
        }
    }
}
