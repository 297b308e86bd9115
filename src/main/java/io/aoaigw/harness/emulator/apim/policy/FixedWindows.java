package io.aoaigw.harness.emulator.apim.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-key counters that renew every {@code periodMillis}, counted from a key's first use in a period (how APIM's
 * renewal-period counters behave to a caller). Shared by {@code rate-limit-by-key} and the token limit.
 */
final class FixedWindows {
    private static final int PRUNE_ABOVE = 10_000;

    private record Window(long start, long used) {
    }

    private final long periodMillis;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new HashMap<>();

    FixedWindows(long periodMillis, LongSupplier clock) {
        this.periodMillis = periodMillis;
        this.clock = clock;
    }

    synchronized long used(String key) {
        return current(key).used();
    }

    /** Adds {@code amount} (may be negative, to correct an estimate); usage never drops below zero. */
    synchronized void add(String key, long amount) {
        Window w = current(key);
        windows.put(key, new Window(w.start(), Math.max(0, w.used() + amount)));
    }

    /** Whole seconds until the key's counter renews; at least 1 so that a client told to wait does wait. */
    synchronized long secondsUntilRenewal(String key) {
        long left = current(key).start() + periodMillis - clock.getAsLong();
        return Math.max(1, (left + 999) / 1000);
    }

    private Window current(String key) {
        long now = clock.getAsLong();
        Window w = windows.get(key);
        if (w == null || now >= w.start() + periodMillis) {
            if (windows.size() > PRUNE_ABOVE) {
                windows.values().removeIf(old -> now >= old.start() + periodMillis);
            }
            w = new Window(now, 0);
            windows.put(key, w);
        }
        return w;
    }
}
