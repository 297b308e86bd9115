package io.aoaigw.harness.emulator.aoai;

/**
 * The token limit as Microsoft's quota page describes it: each admitted request's estimated tokens are added to a
 * running count of the deployment, reset each minute; once the count would pass the TPM, requests are refused until
 * the reset. Requests are counted separately, over a sliding 1 s or 10 s window at RPM × window / 60 s. Minutes are
 * counted from the deployment's first request (where Azure's minute starts is unconfirmed). A request larger than
 * the whole TPM is admitted into an otherwise empty minute rather than refused forever.
 *
 * <p>Shared by the account's event loops: admission is one short critical section.
 */
final class MinuteTokenLimiter implements DeploymentLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final long tokensPerMinute;
    private final SlidingWindowLimiter requests;
    private long minuteStart;
    private boolean started;
    private long tokensThisMinute;

    MinuteTokenLimiter(long tokensPerMinute, long requestsPerMinute, long requestWindowNanos) {
        this.tokensPerMinute = tokensPerMinute;
        // the request window counts requests only: its token allowance is never reached
        this.requests = new SlidingWindowLimiter(requestWindowNanos, Long.MAX_VALUE / 2, requestsPerMinute);
    }

    @Override
    public synchronized SlidingWindowLimiter.Decision tryAdmit(long nowNanos, long cost) {
        roll(nowNanos);
        if (tokensThisMinute > 0 && tokensThisMinute + cost > tokensPerMinute) {
            return SlidingWindowLimiter.Decision.refused(RateLimitPolicy.TOKENS, minuteStart + MINUTE_NANOS - nowNanos);
        }
        SlidingWindowLimiter.Decision request = requests.tryAdmit(nowNanos, 0);
        if (!request.admitted()) {
            return request;
        }
        tokensThisMinute += cost;
        return SlidingWindowLimiter.Decision.admitted(request.remainingRequests(),
                Math.max(0, tokensPerMinute - tokensThisMinute));
    }

    /** Starts a new minute (and a new count) once the current one is over. */
    private void roll(long nowNanos) {
        if (!started) {
            started = true;
            minuteStart = nowNanos;
        }
        long elapsed = nowNanos - minuteStart;
        if (elapsed >= MINUTE_NANOS) {
            minuteStart += (elapsed / MINUTE_NANOS) * MINUTE_NANOS;
            tokensThisMinute = 0;
        }
    }
}
