package io.aoaigw.harness.emulator.frontdoor;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Front Door's origin choice. Among enabled and healthy origins: the lowest priority value; among those, the ones
 * whose probe latency is within {@code additionalLatencyInMilliseconds} of the fastest (an origin not yet measured
 * counts as fast); among those, weighted random. Disabled origins never get traffic. When every enabled origin is
 * unhealthy, requests go round-robin over all enabled origins.
 */
final class OriginSelector {
    private final List<OriginState> origins;
    private final int additionalLatencyMs;
    private final RandomGenerator random;
    private final AtomicLong roundRobin = new AtomicLong();

    OriginSelector(List<OriginState> origins, int additionalLatencyMs, RandomGenerator random) {
        this.origins = List.copyOf(origins);
        this.additionalLatencyMs = additionalLatencyMs;
        this.random = random;
    }

    /** The origins eligible now, leaving out {@code excluded} (the origin a retry moves away from). */
    Plan plan(Set<OriginState> excluded) {
        List<OriginState> enabled = origins.stream().filter(OriginState::enabled)
                .filter(o -> !excluded.contains(o)).toList();
        List<OriginState> healthy = enabled.stream().filter(OriginState::healthy).toList();
        if (healthy.isEmpty()) {
            return new Plan(enabled, enabled.isEmpty() ? Routing.none : Routing.roundRobin);
        }
        int best = healthy.stream().mapToInt(OriginState::priority).min().orElseThrow();
        List<OriginState> tier = healthy.stream().filter(o -> o.priority() == best).toList();
        Optional<Double> fastest = tier.stream().map(OriginState::latencyMs).filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
        List<OriginState> band = tier.stream()
                .filter(o -> o.latencyMs() == null || fastest.isEmpty()
                        || o.latencyMs() <= fastest.get() + additionalLatencyMs)
                .toList();
        return new Plan(band, Routing.weighted);
    }

    Optional<OriginState> choose(Set<OriginState> excluded) {
        Plan plan = plan(excluded);
        return switch (plan.routing()) {
            case none -> Optional.empty();
            case roundRobin -> Optional.of(plan.candidates()
                    .get((int) Math.floorMod(roundRobin.getAndIncrement(), (long) plan.candidates().size())));
            case weighted -> Optional.of(weighted(plan.candidates()));
        };
    }

    private OriginState weighted(List<OriginState> candidates) {
        long total = candidates.stream().mapToLong(OriginState::weight).sum();
        long ticket;
        synchronized (random) { // RandomGenerator implementations are not thread-safe
            ticket = random.nextLong(total);
        }
        for (OriginState o : candidates) {
            ticket -= o.weight();
            if (ticket < 0) {
                return o;
            }
        }
        throw new IllegalStateException("weights changed during the choice");
    }

    enum Routing { weighted, roundRobin, none }

    /** The candidates of the next choice and how they share it. */
    record Plan(List<OriginState> candidates, Routing routing) {

        int effectiveWeight(OriginState o) {
            if (!candidates.contains(o)) {
                return 0;
            }
            return routing == Routing.weighted ? o.weight() : 1;
        }

        double share(OriginState o) {
            long total = candidates.stream().mapToLong(this::effectiveWeight).sum();
            return total == 0 ? 0.0 : (double) effectiveWeight(o) / total;
        }
    }
}
