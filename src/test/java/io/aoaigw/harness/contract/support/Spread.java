package io.aoaigw.harness.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * S9's traffic check: a bounded sample of chats through the gateway, attributed to accounts, compared with the shares
 * Front Door's configuration implies — the enabled origins of the lowest priority (on an embedded target: of the
 * healthy ones; none healthy → all enabled, round robin), in proportion to their weights. Tolerance: each count
 * within 4 standard deviations of its binomial expectation, |n_i − N·p_i| ≤ 4·sqrt(N·p_i·(1 − p_i)), which a correct
 * router misses with probability below 1e-4 per origin; an origin with p_i = 0 must get nothing.
 */
public final class Spread {
    private static final int EMBEDDED_SAMPLE = 60;
    private static final int REAL_SAMPLE = 30;
    private static final double SIGMAS = 4;

    private final ContractTarget target;
    private final FrontDoorInfo fd;

    public Spread(ContractTarget target, FrontDoorInfo fd) {
        this.target = target;
        this.fd = fd;
    }

    /** Enabled origins by priority, lowest (preferred) first. */
    public static TreeMap<Integer, List<FrontDoorInfo.Origin>> byPriority(List<FrontDoorInfo.Origin> origins) {
        return origins.stream().filter(FrontDoorInfo.Origin::enabled).collect(Collectors.groupingBy(
                o -> o.priority() == null ? 1 : o.priority(), TreeMap::new, Collectors.toList()));
    }

    public static int weight(FrontDoorInfo.Origin o) {
        return o.weight() == null ? 1000 : o.weight();
    }

    public void check(Check check) {
        Map<String, String> accountOfOrigin = accountsOfOrigins();
        Map<String, Double> expectedShare = expectedShares(accountOfOrigin);
        Map<String, String> regions = new LinkedHashMap<>();
        accountOfOrigin.values().forEach(a -> target.arm().accountIfExists(a)
                .ifPresent(info -> regions.put(a, info.region())));
        Origins origins = new Origins(target, regions);
        Assumptions.assumeTrue(origins.attributable(), () -> "accounts share a region (" + origins.sharedRegions()
                + "): answers cannot be told apart without the inside view");

        int n = target.insideView().isPresent() ? EMBEDDED_SAMPLE : Math.min(REAL_SAMPLE, target.budget().remaining() / 2);
        Map<String, Integer> observed = new HashMap<>();
        List<Response> answers = Traffic.sample(target, n, 10);
        answers.stream().filter(a -> a.getHeader("x-ms-region") != null).forEach(a ->
                observed.merge(origins.accountOf(a).orElse("an unlisted account"), 1, Integer::sum));
        int total = observed.values().stream().mapToInt(Integer::intValue).sum();
        Assumptions.assumeTrue(total > 0, () -> "cannot judge the spread: no chat reached an account ("
                + GatewayAnswers.explain(answers.get(0)) + ")");

        List<String> off = new ArrayList<>();
        Set<String> accounts = new java.util.LinkedHashSet<>(expectedShare.keySet());
        accounts.addAll(observed.keySet());
        for (String account : accounts) {
            double p = expectedShare.getOrDefault(account, 0.0);
            int got = observed.getOrDefault(account, 0);
            double expected = total * p;
            double tolerance = SIGMAS * Math.sqrt(total * p * (1 - p));
            if (Math.abs(got - expected) > tolerance) {
                off.add(String.format("%s got %d of %d chats, expected %.0f ± %.0f (%.0f%% by the origin group's "
                        + "priorities and weights)", account, got, total, expected, tolerance, p * 100));
            }
        }
        ContractFailure.unless(off.isEmpty(), "Front Door does not spread requests as origin group %s says: %s — "
                + "check the origins' priorities, weights, health and additionalLatencyInMilliseconds",
                fd.originGroup().name(), String.join("; ", off));
        check.detail("%d chats: %s; expected shares %s (tolerance 4σ binomial)", total, observed,
                expectedShare.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> Math.round(e.getValue() * 100) + "%")));
    }

    /** Origin name → account name, by endpoint; origins matching no listed account are left out. */
    private Map<String, String> accountsOfOrigins() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String account : target.names().accounts()) {
            Optional<String> endpoint = target.arm().accountIfExists(account).map(AccountInfo::endpoint);
            fd.origins().stream().filter(o -> endpoint.isPresent()
                            && Urls.authority(o.url()).equals(Urls.authority(endpoint.get())))
                    .forEach(o -> map.put(o.name(), account));
        }
        return map;
    }

    private Map<String, Double> expectedShares(Map<String, String> accountOfOrigin) {
        Set<String> healthy = healthyOrigins();
        List<FrontDoorInfo.Origin> enabled = fd.origins().stream().filter(FrontDoorInfo.Origin::enabled).toList();
        List<FrontDoorInfo.Origin> eligible = enabled.stream().filter(o -> healthy.contains(o.name())).toList();
        List<FrontDoorInfo.Origin> chosen;
        if (eligible.isEmpty()) {
            chosen = enabled; // every origin unhealthy: Front Door spreads over all of them, round robin
        } else {
            chosen = byPriority(eligible).firstEntry().getValue();
        }
        boolean roundRobin = eligible.isEmpty();
        double total = chosen.stream().mapToDouble(o -> roundRobin ? 1 : weight(o)).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        chosen.forEach(o -> shares.merge(accountOfOrigin.getOrDefault(o.name(), "origin " + o.name()),
                (roundRobin ? 1 : weight(o)) / total, Double::sum));
        return shares;
    }

    /** Healthy origins by the inside view; on a real target every origin counts as healthy. */
    private Set<String> healthyOrigins() {
        if (target.insideView().isEmpty()) {
            return fd.origins().stream().map(FrontDoorInfo.Origin::name).collect(Collectors.toSet());
        }
        JsonNode origins = target.insideView().get().frontDoor().path("origins");
        Set<String> healthy = new java.util.HashSet<>();
        origins.forEach(o -> {
            if (o.path("healthy").asBoolean()) {
                healthy.add(o.path("name").asText());
            }
        });
        return healthy;
    }
}
