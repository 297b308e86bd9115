package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.GatewayReply;
import io.aoaigw.harness.topology.ApimBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The service's backend entities at run time, for {@code set-backend-service backend-id}: a single backend is its
 * URL; a pool sends each request to a member of its lowest priority whose circuit breaker is closed, spread by weight
 * within that priority (a smooth weighted round robin: exact shares, where Azure's spreading is unconfirmed); when
 * every member of a priority is tripped the next priority takes over, and with none left the gateway answers 503.
 */
final class BackendEntities {
    /** Either {@code url} (with the single backend that serves it) or {@code rejection} is set. */
    record Choice(String url, String backendId, GatewayReply rejection) {
    }

    private final Map<String, ApimBackend> byId = new HashMap<>();
    private final Map<String, CircuitBreakerState> breakers = new HashMap<>();
    private final Map<String, Integer> current = new HashMap<>();
    private final LongSupplier nanos;

    BackendEntities(List<ApimBackend> backends, LongSupplier nanos) {
        this.nanos = nanos;
        for (ApimBackend b : backends) {
            byId.put(key(b.id()), b);
            if (!b.isPool()) {
                breakers.put(key(b.id()), new CircuitBreakerState(b.circuitBreaker()));
            }
        }
    }

    synchronized Choice choose(String id) {
        ApimBackend backend = byId.get(key(id));
        if (backend == null) { // the validator refuses literal ids; an expression may still name none
            return new Choice(null, null, GatewayReply.internalError());
        }
        long now = nanos.getAsLong();
        if (!backend.isPool()) {
            return breakers.get(key(id)).tripped(now) ? unavailable() : new Choice(backend.url(), backend.id(), null);
        }
        TreeMap<Integer, List<ApimBackend.Member>> byPriority = new TreeMap<>();
        backend.pool().services().forEach(m -> byPriority.computeIfAbsent(m.priority(), p -> new ArrayList<>()).add(m));
        for (List<ApimBackend.Member> group : byPriority.values()) {
            List<ApimBackend.Member> open = group.stream()
                    .filter(m -> !breakers.get(key(m.id())).tripped(now)).toList();
            if (!open.isEmpty()) {
                ApimBackend member = byId.get(key(pick(backend.id(), open).id()));
                return new Choice(member.url(), member.id(), null);
            }
        }
        return unavailable();
    }

    /** The answer a single backend gave: its circuit breaker counts it. */
    synchronized void report(String backendId, int status) {
        CircuitBreakerState breaker = backendId == null ? null : breakers.get(key(backendId));
        if (breaker != null) {
            breaker.record(status, nanos.getAsLong());
        }
    }

    /** Smooth weighted round robin over the open members (weights all 0: equal shares). */
    private ApimBackend.Member pick(String poolId, List<ApimBackend.Member> open) {
        boolean allZero = open.stream().allMatch(m -> m.weight() == 0);
        int total = 0;
        for (ApimBackend.Member m : open) {
            int weight = allZero ? 1 : m.weight();
            total += weight;
            current.merge(poolId + "/" + key(m.id()), weight, Integer::sum);
        }
        ApimBackend.Member best = open.stream()
                .max(Comparator.comparingInt(m -> current.get(poolId + "/" + key(m.id())))).orElseThrow();
        current.merge(poolId + "/" + key(best.id()), -total, Integer::sum);
        return best;
    }

    /** Unconfirmed body: Microsoft's page says a tripped breaker answers 503, not with what text. */
    private static Choice unavailable() {
        return new Choice(null, null, GatewayReply.of(503, "Service Unavailable", Map.of()));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
