package io.aoaigw.harness.load;

import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected share of answers per origin region, from the topology's Front Door (enabled origins of the lowest priority,
 * by weight; on loopback every probe latency is within the latency band), and the check of observed counts against it.
 */
public final class OriginShares {
    private OriginShares() {
    }

    /** Region → expected share; a topology without Front Door sends everything to its only backend. */
    public static Map<String, Double> expected(Topology topology) {
        Map<String, Double> shares = new TreeMap<>();
        if (topology.frontDoor() == null) {
            return shares;
        }
        List<FrontDoor.Origin> enabled = topology.frontDoor().origins().stream().filter(FrontDoor.Origin::enabled)
                .toList();
        int top = enabled.stream().mapToInt(FrontDoor.Origin::priority).min().orElse(1);
        List<FrontDoor.Origin> chosen = enabled.stream().filter(o -> o.priority() == top).toList();
        double weights = chosen.stream().mapToInt(FrontDoor.Origin::weight).sum();
        for (FrontDoor.Origin o : chosen) {
            String region = topology.account(o.account()).orElseThrow().region();
            shares.merge(region, o.weight() / weights, Double::sum);
        }
        return shares;
    }

    /**
     * Problems, one per origin whose count lies outside {@code sigmas} binomial standard deviations (+1 request) of
     * its expected count, or that answered without being expected. Empty when the distribution holds.
     */
    public static List<String> check(Map<String, Double> expected, Map<String, Long> observed, double sigmas) {
        long n = observed.values().stream().mapToLong(Long::longValue).sum();
        List<String> problems = new ArrayList<>();
        expected.forEach((region, p) -> {
            long got = observed.getOrDefault(region, 0L);
            double tolerance = sigmas * Math.sqrt(n * p * (1 - p)) + 1;
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
