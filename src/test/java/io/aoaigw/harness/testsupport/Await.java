package io.aoaigw.harness.testsupport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, re-checking every 50 ms; returns how long it took. Never a fixed sleep. */
public final class Await {
    private Await() {
    }

    public static Duration until(String what, Duration limit, BooleanSupplier condition) {
        return until(what, limit, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}; a failure also says {@code state}, read at the deadline. */
    public static Duration until(String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String seen = state.get();
                throw new AssertionError("not within " + limit + ": " + what + (seen.isEmpty() ? "" : "; " + seen));
            }
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                    .join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
