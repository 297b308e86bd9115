package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.topology.ApimBackend;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One single backend's circuit breaker: each rule counts the answers whose status it names as failures within its
 * interval; reaching the rule's count trips the breaker for the rule's trip duration (Microsoft's "Backends in API
 * Management", circuit breaker). Times are monotonic nanoseconds from the caller's clock.
 */
final class CircuitBreakerState {
    private record RuleState(ApimBackend.Rule rule, long intervalNanos, long tripNanos, Deque<Long> failures) {
    }

    private final List<RuleState> rules = new ArrayList<>();
    private long trippedUntil;
    private int trips;

    CircuitBreakerState(ApimBackend.CircuitBreaker breaker) {
        for (ApimBackend.Rule r : breaker.rules()) {
            rules.add(new RuleState(r, nanos(r.failureCondition().interval()), nanos(r.tripDuration()),
                    new ArrayDeque<>()));
        }
    }

    private static long nanos(String iso) {
        return ApimBackend.duration(iso).orElse(Duration.ofMinutes(1)).toNanos();
    }

    boolean tripped(long now) {
        return trips > 0 && now - trippedUntil < 0; // nanoTime values compare only by difference
    }

    /** How many times the breaker has tripped since the gateway started. */
    int trips() {
        return trips;
    }

    void record(int status, long now) {
        for (RuleState r : rules) {
            if (!r.rule().failureCondition().failed(status)) {
                continue;
            }
            r.failures().addLast(now);
            while (now - r.failures().peekFirst() > r.intervalNanos()) {
                r.failures().removeFirst();
            }
            if (r.failures().size() >= r.rule().failureCondition().count()) {
                r.failures().clear();
                trippedUntil = now + r.tripNanos();
                trips++;
            }
        }
    }
}
