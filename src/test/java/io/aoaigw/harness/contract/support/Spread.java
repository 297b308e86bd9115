package io.aoaigw.harness.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.contract.Check;
import io.aoaigw.harness.contract.ContractFailure;
import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.load.OriginShares;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.topology.FrontDoor;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * S9's traffic check: a bounded sample of chats through the gateway, attributed to accounts, compared with the shares
 * the origin group's configuration implies ({@link OriginShares}, the oracle the load summary uses too): the enabled
 * origins of the lowest priority, by weight (on an embedded target, of the healthy ones; none healthy → round robin
 * over all). Front Door also leaves out origins slower than the fastest by more than additionalLatencyInMilliseconds;
 * on an embedded target the inside view shows which ones it left out during the sample, and those are set aside.
 * Tolerance: {@link OriginShares#tolerance} at 4σ.
 */
public final class Spread {
    private static final int EMBEDDED_SAMPLE = 60;
    private static final int REAL_SAMPLE = 30;
    private static final double SIGMAS = 4;
    private static final long WATCH_MS = 200;

    private final ResolvedTarget target;
    private final FrontDoorInfo fd;

    public Spread(ResolvedTarget target, FrontDoorInfo fd) {
        this.target = target;
        this.fd = fd;
    }

    /** Enabled origins by priority, lowest (preferred) first. */
    public static TreeMap<Integer, List<FrontDoorInfo.Origin>> byPriority(List<FrontDoorInfo.Origin> origins) {
        return origins.stream().filter(FrontDoorInfo.Origin::enabled).collect(Collectors.groupingBy(
                Spread::priority, TreeMap::new, Collectors.toList()));
    }

    /** An origin's priority as Front Door reads it: 1 when Resource Manager lists none. */
    public static int priority(FrontDoorInfo.Origin o) {
        return o.priority() == null ? 1 : o.priority();
    }

    public static int weight(FrontDoorInfo.Origin o) {
        return o.weight() == null ? 1000 : o.weight();
    }

    public void check(Check check) {
        Map<String, String> accountOfOrigin = accountsOfOrigins(target, fd);
        Map<String, String> regions = new LinkedHashMap<>();
        accountOfOrigin.values().forEach(a -> target.arm().accountIfExists(a)
                .ifPresent(info -> regions.put(a, info.region())));
        Origins origins = new Origins(target, regions);
        Assumptions.assumeTrue(origins.attributable(), () -> "accounts share a region (" + origins.sharedRegions()
                + "): answers cannot be told apart without the inside view");

        Optional<FrontDoorState> before = FrontDoorState.read(target);
        int n = InsideView.of(target).isPresent() ? EMBEDDED_SAMPLE
                : Math.min(REAL_SAMPLE, target.budget().remaining() / 2);
        Set<String> setAside = ConcurrentHashMap.newKeySet();
        before.ifPresent(s -> setAside.addAll(s.outsideLatencyBand()));
        List<Response> answers = whileWatching(() -> Traffic.sample(target, n, 20),
                () -> FrontDoorState.read(target).ifPresent(s -> setAside.addAll(s.outsideLatencyBand())));
        Map<String, Integer> observed = new LinkedHashMap<>();
        answers.stream().filter(a -> a.getHeader("x-ms-region") != null).forEach(a ->
                observed.merge(origins.accountOf(a).orElse("an unlisted account"), 1, Integer::sum));
        Assumptions.assumeTrue(!observed.isEmpty(), () -> "cannot judge the spread: no chat reached an account ("
                + GatewayAnswers.explain(answers.get(0)) + ")");
        Assumptions.assumeTrue(answers.stream().filter(a -> a.getHeader("x-ms-region") != null)
                .allMatch(a -> a.getHeader("X-Azure-Ref") != null), "cannot judge Front Door's spread: answers came "
                + "back without X-Azure-Ref, so they bypassed Front Door (see apimReachesAzureOpenAiThroughFrontDoor)");

        Map<String, Double> expected = expectedShares(accountOfOrigin, before, setAside);
        Set<String> accountsSetAside = setAside.stream().map(o -> accountOfOrigin.getOrDefault(o, o))
                .collect(Collectors.toSet());
        accountsSetAside.forEach(observed::remove);
        int total = observed.values().stream().mapToInt(Integer::intValue).sum();

        List<String> off = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>(expected.keySet());
        accounts.addAll(observed.keySet());
        for (String account : accounts) {
            double p = expected.getOrDefault(account, 0.0);
            int got = observed.getOrDefault(account, 0);
            double tolerance = OriginShares.tolerance(total, p, SIGMAS);
            if (Math.abs(got - total * p) > tolerance) {
                off.add(String.format("%s got %d of %d chats, expected %.0f ± %.0f (%.0f%% by the origin group's "
                        + "priorities and weights)", account, got, total, total * p, tolerance, p * 100));
            }
        }
        ContractFailure.unless(off.isEmpty(), "Front Door does not spread requests as origin group %s says: %s — "
                + "check the origins' priorities, weights and health, and whether additionalLatencyInMilliseconds "
                + "leaves distant origins out", fd.originGroup().name(), String.join("; ", off));
        check.detail("%d chats: %s; expected shares %s (4σ binomial)%s", total, observed, expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Math.round(e.getValue() * 100) + "%")),
                accountsSetAside.isEmpty() ? "" : "; set aside (outside Front Door's latency band during the sample): "
                        + accountsSetAside);
    }

    /**
     * Runs the sample while polling Front Door's state (embedded only) every {@value #WATCH_MS} ms: its latency band
     * moves while probe latencies settle after start, and an origin it left out at any moment is set aside.
     */
    private <T> T whileWatching(Supplier<T> sample, Runnable poll) {
        if (InsideView.of(target).isEmpty()) {
            return sample.get();
        }
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        try {
            watcher.scheduleWithFixedDelay(poll, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS);
            return sample.get();
        } finally {
            watcher.shutdownNow();
            poll.run();
        }
    }

    /** Origin name → the target's account whose endpoint it points at (origins pointing elsewhere left out). */
    public static Map<String, String> accountsOfOrigins(ResolvedTarget target, FrontDoorInfo fd) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String account : target.names().accounts()) {
            Optional<String> endpoint = target.arm().accountIfExists(account).map(AccountInfo::endpoint);
            fd.origins().stream().filter(o -> endpoint.isPresent()
                            && Urls.authority(o.url()).equals(Urls.authority(endpoint.get())))
                    .forEach(o -> map.put(o.name(), account));
        }
        return map;
    }

    /** Each account's share by configuration (and, embedded, health), origins set aside left out. */
    private Map<String, Double> expectedShares(Map<String, String> accountOfOrigin, Optional<FrontDoorState> state,
                                               Set<String> setAside) {
        List<FrontDoorInfo.Origin> enabled = fd.origins().stream().filter(FrontDoorInfo.Origin::enabled).toList();
        List<FrontDoorInfo.Origin> healthy = state.map(s -> enabled.stream().filter(o -> s.healthy().contains(o.name()))
                .toList()).orElse(enabled);
        boolean roundRobin = healthy.isEmpty();
        List<FrontDoorInfo.Origin> chosen = (roundRobin ? enabled
                : FrontDoor.preferred(healthy, FrontDoorInfo.Origin::enabled, Spread::priority))
                .stream().filter(o -> !setAside.contains(o.name())).toList();
        return OriginShares.byWeight(chosen, o -> roundRobin ? 1 : weight(o),
                o -> accountOfOrigin.getOrDefault(o.name(), "origin " + o.name()));
    }

    /** Front Door's routing state from the inside view: healthy origins, and healthy ones it currently leaves out. */
    private record FrontDoorState(Set<String> healthy, Set<String> outsideLatencyBand) {
        static Optional<FrontDoorState> read(ResolvedTarget target) {
            return InsideView.of(target).map(view -> {
                JsonNode state = view.frontDoor();
                Set<String> healthy = new HashSet<>();
                Map<Integer, Set<String>> routedByPriority = new HashMap<>();
                Map<Integer, Set<String>> healthyByPriority = new HashMap<>();
                state.path("origins").forEach(o -> {
                    String name = o.path("name").asText();
                    int priority = o.path("priority").asInt();
                    if (o.path("enabled").asBoolean() && o.path("healthy").asBoolean()) {
                        healthy.add(name);
                        healthyByPriority.computeIfAbsent(priority, k -> new HashSet<>()).add(name);
                        if (o.path("effectiveWeight").asInt() > 0) {
                            routedByPriority.computeIfAbsent(priority, k -> new HashSet<>()).add(name);
                        }
                    }
                });
                // within the priority Front Door routes to, healthy origins it gives no weight are outside the band
                Set<String> outside = new HashSet<>();
                routedByPriority.keySet().stream().min(Integer::compare).ifPresent(p -> healthyByPriority.get(p)
                        .stream().filter(o -> !routedByPriority.get(p).contains(o)).forEach(outside::add));
                return new FrontDoorState(healthy, outside);
            });
        }
    }
}
