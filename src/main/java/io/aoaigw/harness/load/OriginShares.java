package io.aoaigw.harness.load;

import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one origin-share oracle, used by the load summary and by the contract's S9: the share of answers each origin's
 * account (or region) should get — the enabled origins of the lowest priority, by weight — and how far a count may
 * stray from it: within {@code sigmas} standard deviations of its binomial expectation plus one request,
 * |n_i − N·p_i| ≤ σ·sqrt(N·p_i·(1 − p_i)) + 1, which a correct router misses with probability below 1e-4 per origin at
 * 4σ (the + 1 keeps tiny shares from failing on a single request); a share of 0 must get nothing.
 */
public final class OriginShares {
    private OriginShares() {
    }

    /**
     * Region → expected share from the topology's Front Door (on loopback every probe latency is within the latency
     * band); a topology without Front Door sends everything to its only backend.
     */
    public static Map<String, Double> expected(Topology topology) {
        if (topology.frontDoor() == null) {
            return new TreeMap<>();
        }
        List<FrontDoor.Origin> chosen = FrontDoor.preferred(topology.frontDoor().origins(), FrontDoor.Origin::enabled,
                FrontDoor.Origin::priority);
        return new TreeMap<>(byWeight(chosen, FrontDoor.Origin::weight,
                o -> topology.account(o.account()).orElseThrow().region()));
    }

    /** Each key's share of the origins' total weight, origins with the same key (account, region) merged. */
    public static <O, K> Map<K, Double> byWeight(Collection<O> origins, ToDoubleFunction<O> weight,
                                                 Function<O, K> key) {
        double total = origins.stream().mapToDouble(weight).sum();
        Map<K, Double> shares = new LinkedHashMap<>();
        origins.forEach(o -> shares.merge(key.apply(o), weight.applyAsDouble(o) / total, Double::sum));
        return shares;
    }

    /** How far a count out of {@code n} may lie from {@code n·p}: 0 for a share of 0, else σ·sqrt(n·p·(1 − p)) + 1. */
    public static double tolerance(long n, double p, double sigmas) {
        return p == 0 ? 0 : sigmas * Math.sqrt(n * p * (1 - p)) + 1;
    }

    /**
     * Problems, one per origin whose count lies outside its {@link #tolerance}, or that answered without being
     * expected. Empty when the distribution holds.
     */
    public static List<String> check(Map<String, Double> expected, Map<String, Long> observed, double sigmas) {
        long n = observed.values().stream().mapToLong(Long::longValue).sum();
        List<String> problems = new ArrayList<>();
        expected.forEach((region, p) -> {
            long got = observed.getOrDefault(region, 0L);
            double tolerance = tolerance(n, p, sigmas);
            if (Math.abs(got - n * p) > tolerance) {
                problems.add(String.format("%s: %d of %d answers, expected %.1f ± %.1f (share %.3f, %.1fσ)", region,
                        got, n, n * p, tolerance, p, sigmas));
            }
        });
        observed.keySet().stream().filter(r -> !expected.containsKey(r)).forEach(r ->
                problems.add(r + ": " + observed.get(r) + " answers from an origin the topology does not route to"));
        return problems;
    }
}
