package io.aoaigw.harness.emulator.aoai;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition the emulator reaches asynchronously (e.g. a ground-truth record), with a deadline. */
final class Await {
    private Await() {
    }

    static <T> T value(Supplier<Optional<T>> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    static RequestRecord record(AccountEmulator emulator, String requestId) {
        return value(() -> emulator.groundTruth().find(requestId), Duration.ofSeconds(10));
    }
}
