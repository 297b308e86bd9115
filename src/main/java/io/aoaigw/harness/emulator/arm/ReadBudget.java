package io.aoaigw.harness.emulator.arm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ARM's read limit per security principal and subscription: 12,000 reads an hour, the remaining count told on every
 * answer in {@code x-ms-ratelimit-remaining-subscription-reads}, 429 with {@code Retry-After} once spent (Microsoft's
 * "Understand how Azure Resource Manager throttles requests"; its newer token-bucket scheme is not imitated).
 */
final class ReadBudget {
    static final String HEADER = "x-ms-ratelimit-remaining-subscription-reads";
    static final int READS_PER_HOUR = 12_000;
    private static final Duration WINDOW = Duration.ofHours(1);

    private record Window(Instant start, int used) {
    }

    /** One read's outcome: the reads left, or (when none was left) how long until the window renews. */
    record Take(int remaining, long retryAfterSeconds) {
        boolean throttled() {
            return retryAfterSeconds > 0;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perHour;

    ReadBudget(Clock clock, int perHour) {
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Counts one read of this principal. */
    Take take(String principal) {
        Instant now = clock.instant();
        Window w = windows.compute(principal, (k, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
                ? new Window(now, 1) : new Window(old.start(), Math.min(old.used() + 1, perHour + 1)));
        if (w.used() > perHour) {
            long wait = Math.max(1, Duration.between(now, w.start().plus(WINDOW)).toSeconds());
            return new Take(0, wait);
        }
        return new Take(perHour - w.used(), 0);
    }
}
