package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Faults;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account's current faults. Set from any thread (admin API); read and consumed on the event loop. The error and
 * throttle counts go down as requests consume them, and {@link #snapshot()} shows what is left.
 */
final class FaultState {
    private volatile Faults configured = Faults.NONE;
    private final AtomicInteger errorsLeft = new AtomicInteger();
    private final AtomicInteger throttlesLeft = new AtomicInteger();

    synchronized void set(Faults faults) {
        configured = faults;
        errorsLeft.set(faults.errorCount());
        throttlesLeft.set(faults.throttleCount());
    }

    synchronized Faults snapshot() {
        Faults f = configured;
        return new Faults(f.down(), f.slowMs(), f.errorStatus(), errorsLeft.get(), f.cutAfterFrames(),
                throttlesLeft.get(), f.throttleRetryAfterMs());
    }

    boolean down() {
        return configured.down();
    }

    int slowMs() {
        return configured.slowMs();
    }

    int cutAfterFrames() {
        return configured.cutAfterFrames();
    }

    /** The status to fail this request with, or 0 when no injected error is left. */
    int takeError() {
        return takeOne(errorsLeft) ? configured.errorStatus() : 0;
    }

    /** The advised wait of an injected 429 for this request, or -1 when no throttle is left. */
    int takeThrottle() {
        return takeOne(throttlesLeft) ? configured.throttleRetryAfterMs() : -1;
    }

    private static boolean takeOne(AtomicInteger left) {
        return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
