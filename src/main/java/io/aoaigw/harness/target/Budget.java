package io.aoaigw.harness.target;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounds of a run against a target: at most {@code maxRequests} requests through the gateway and nothing after
 * the deadline. A real deployment costs money and quota, so an exhausted budget fails the check that asked.
 */
public final class Budget {
    private final int maxRequests;
    private final long deadlineNanos;
    private final Duration maxDuration;
    private final String source;
    private final AtomicInteger used = new AtomicInteger();

    /** @param source where the bounds come from, named in the failure (e.g. "limits of target file X") */
    public Budget(int maxRequests, Duration maxDuration, String source) {
        this.maxRequests = maxRequests;
        this.maxDuration = maxDuration;
        this.deadlineNanos = System.nanoTime() + maxDuration.toNanos();
        this.source = source;
    }

    /** Takes one request from the budget, or fails naming the bound. */
    public void charge() {
        if (System.nanoTime() > deadlineNanos) {
            throw new TargetException("the run reached its time bound of " + maxDuration.toSeconds() + " s ("
                    + source + "): raise limits.maxDurationSeconds or run fewer suites");
        }
        if (used.incrementAndGet() > maxRequests) {
            throw new TargetException("the run used its " + maxRequests + " requests (" + source
                    + "): raise limits.maxRequests or run fewer suites");
        }
    }

    /** Requests still allowed. */
    public int remaining() {
        return Math.max(0, maxRequests - used.get());
    }

    public int used() {
        return used.get();
    }
}
