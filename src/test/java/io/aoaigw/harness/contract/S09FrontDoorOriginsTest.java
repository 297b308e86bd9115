package io.aoaigw.harness.contract;

import static io.aoaigw.harness.contract.Requires.Need.ARM;
import static io.aoaigw.harness.contract.Requires.Need.GATEWAY;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.capacity.DeploymentCapacity;
import io.aoaigw.harness.capacity.WeightFit;
import io.aoaigw.harness.contract.support.GatewayAnswers;
import io.aoaigw.harness.contract.support.InsideView;
import io.aoaigw.harness.contract.support.Spread;
import io.aoaigw.harness.contract.support.Traffic;
import io.aoaigw.harness.contract.support.Urls;
import io.aoaigw.harness.inventory.AccountInfo;
import io.aoaigw.harness.inventory.FrontDoorInfo;
import io.aoaigw.harness.inventory.MetricReading;
import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.testsupport.Await;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** S9: Front Door's origin group over the accounts, and APIM's backend going through it. */
@ContractStep(id = "S9", title = "Front Door origin group",
        correct = "The origin group holds an enabled origin for every account, has a health probe that the origins "
                + "pass, weights that starve no origin of its priority and follow the capacity behind each origin; APIM reaches Azure OpenAI through Front Door "
                + "(not straight to one account) and requests spread over the origins as priorities and weights say.")
class S09FrontDoorOriginsTest {
    /** Below this share of its priority's traffic (1/(4·n) of n origins) an origin is considered starved. */
    private static final double STARVED = 0.25;
    /**
     * A healthy origin answers every probe (100 %); one whose probe path fails shows 0. Below 90 % over the lookback
     * the probe fails often enough for Front Door to take the origin out of rotation.
     */
    private static final double HEALTHY_PERCENT = 90;
    private static final Duration HEALTH_LOOKBACK = Duration.ofMinutes(15);

    private final ResolvedTarget target;

    S09FrontDoorOriginsTest(ResolvedTarget target) {
        this.target = target;
    }

    @Test
    @Requires(ARM)
    void originGroupHoldsEveryAccount(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        List<String> missing = new ArrayList<>();
        for (String account : target.names().accounts()) {
            String endpoint = target.arm().accountIfExists(account).map(AccountInfo::endpoint).orElse(null);
            if (endpoint == null) {
                continue; // an account ARM does not know is S8's finding
            }
            boolean held = fd.origins().stream().anyMatch(o -> o.enabled()
                    && Urls.authority(o.url()).equals(Urls.authority(endpoint)));
            if (!held) {
                missing.add(String.format("origin group %s of Front Door profile %s has no enabled origin for account "
                        + "%s (%s): add the account's endpoint as an origin", fd.originGroup().name(), fd.profile(),
                        account, endpoint));
            }
        }
        ContractFailure.unless(missing.isEmpty(), String.join("; ", missing));
        check.detail("%d origins in %s", fd.origins().size(), fd.originGroup().name());
    }

    @Test
    @Requires(ARM)
    void anEnabledRouteSendsTheOpenAiPathsToTheOriginGroup(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        String path = backendPath() + "/deployments/" + target.chatDeployment() + "/chat/completions";
        List<FrontDoorInfo.Route> matching = fd.routes().stream().filter(r -> r.matches(path)).toList();
        Optional<FrontDoorInfo.Route> serving = matching.stream()
                .filter(r -> r.enabled() && r.linkedToDefaultDomain()).findFirst();

        ContractFailure.unless(serving.isPresent(), "%s", matching.isEmpty()
                ? String.format("no route of Front Door endpoint %s matches %s (patterns %s): Front Door answers 404 — "
                        + "add /* or /openai/* to a route's patterns", fd.endpointName(), path,
                        fd.routes().stream().map(FrontDoorInfo.Route::patternsToMatch).toList())
                : matching.stream().map(r -> !r.enabled()
                        ? String.format("route %s of endpoint %s serves %s but is disabled: enable it", r.name(),
                                fd.endpointName(), path)
                        : String.format("route %s of endpoint %s serves %s but is not linked to the endpoint's "
                                + "default domain %s: turn on 'Link to default domain'", r.name(), fd.endpointName(),
                                path, fd.endpointHostName())).collect(Collectors.joining("; ")));
        FrontDoorInfo.Route route = serving.get();
        ContractFailure.unless(fd.originGroup().name().equals(route.originGroupName()), "route %s of endpoint %s "
                        + "sends %s to origin group %s, not to %s that holds the accounts: point the route at %s",
                route.name(), fd.endpointName(), path, route.originGroupName(), fd.originGroup().name(),
                fd.originGroup().name());
        check.detail("route %s (%s, forwarding %s) serves %s from %s", route.name(), route.patternsToMatch(),
                route.forwardingProtocol(), path, route.originGroupName());
    }

    /** The path APIM sends to Front Door: its serviceUrl's path ("/openai" when the URL has none to read). */
    private String backendPath() {
        try {
            String path = java.net.URI.create(target.arm().api().serviceUrl().trim()).getPath();
            return path == null || path.isEmpty() ? "/openai" : path.replaceFirst("/+$", "");
        } catch (IllegalArgumentException e) {
            return "/openai"; // an unparseable serviceUrl is S3's finding
        }
    }

    @Test
    @Requires(ARM)
    void originGroupHasAHealthProbe(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        FrontDoorInfo.HealthProbe probe = fd.originGroup().healthProbe();

        ContractFailure.unless(probe != null && probe.path() != null, "origin group %s of Front Door profile %s has "
                + "no health probe: enable one (path, HTTPS, interval) so Front Door stops sending traffic to a "
                + "failing account", fd.originGroup().name(), fd.profile());
        check.detail("%s %s every %s s", probe.method(), probe.path(), probe.intervalSeconds());
    }

    @Test
    @Requires(ARM)
    void everyOriginPassesItsHealthProbe(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        check.insideViewOr(InsideView.of(target), view -> {
            JsonNode origins = probedOrigins(view, fd);
            List<String> failing = new ArrayList<>();
            origins.forEach(o -> {
                int last = o.path("probes").path("lastStatus").asInt(0);
                if (last != 200) {
                    failing.add(String.format("origin %s (account %s) fails its health probe %s %s: the last probe "
                                    + "got %s — point the probe at a path every account answers with 200",
                            o.path("name").asText(), o.path("account").asText(), fd.originGroup().healthProbe().method(),
                            fd.originGroup().healthProbe().path(), last == 0 ? o.path("probes").path("lastError")
                                    .asText("no answer") : String.valueOf(last)));
                }
            });
            ContractFailure.unless(failing.isEmpty(), String.join("; ", failing));
        }, "Azure Monitor's OriginHealthPercentage over the last 15 minutes", () -> probeHealthFromAzureMonitor(fd));
    }

    /** Outside the emulator: Front Door's own record of its probes, the OriginHealthPercentage metric per origin. */
    private void probeHealthFromAzureMonitor(FrontDoorInfo fd) {
        MetricReading health = target.arm().metric(target.arm().frontDoorProfileId(), "OriginHealthPercentage",
                HEALTH_LOOKBACK, Duration.ofMinutes(1), "average", "Origin");
        List<String> failing = new ArrayList<>();
        fd.origins().stream().filter(FrontDoorInfo.Origin::enabled).forEach(o -> {
            Double passed = MetricReading.meanOfAverages(health.bySplitValue().getOrDefault(o.name(), List.of()));
            if (passed == null) {
                failing.add(String.format("Azure Monitor has no health-probe results of origin %s for the last %d "
                        + "minutes: enable the origin group's health probe", o.name(), HEALTH_LOOKBACK.toMinutes()));
            } else if (passed < HEALTHY_PERCENT) {
                failing.add(String.format("origin %s passed %.0f%% of its health probes %s %s over the last %d "
                                + "minutes (OriginHealthPercentage): point the probe at a path every account answers "
                                + "with 200", o.name(), passed, fd.originGroup().healthProbe().method(),
                        fd.originGroup().healthProbe().path(), HEALTH_LOOKBACK.toMinutes()));
            }
        });
        ContractFailure.unless(failing.isEmpty(), String.join("; ", failing));
    }

    @Test
    @Requires(GATEWAY)
    void apimReachesAzureOpenAiThroughFrontDoor(Check check) {
        Response answer = Traffic.chat(target, 1);
        Assumptions.assumeTrue(answer.getHeader("x-ms-region") != null, () -> "cannot tell the path: the chat "
                + "reached no account (" + GatewayAnswers.explain(answer) + ")");

        ContractFailure.unless(answer.getHeader("X-Azure-Ref") != null, "an answer from Azure OpenAI (region %s) "
                + "came back through the gateway without Front Door's X-Azure-Ref: APIM calls an account directly — "
                + "point the API's serviceUrl at the Front Door endpoint", answer.getHeader("x-ms-region"));
        check.insideViewOr(InsideView.of(target), view -> {
            InsideView.Served served = view.servedBy(answer.getHeader("x-request-id")).orElseThrow(() ->
                    new ContractFailure("no account recorded the chat that answered from region "
                            + answer.getHeader("x-ms-region")));
            ContractFailure.unless(served.presentHeaders().contains("x-azure-fdid"), "%s received the gateway's "
                    + "request without Front Door's X-Azure-FDID: APIM calls it directly — point the API's "
                    + "serviceUrl at the Front Door endpoint", served.account());
        }, "Front Door's X-Azure-Ref on the answer", () -> { });
    }

    @Test
    @Requires(ARM)
    void noOriginIsStarvedByItsWeight(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        List<String> starved = new ArrayList<>();
        Spread.byPriority(fd.origins()).forEach((priority, origins) -> {
            double total = origins.stream().mapToInt(o -> Spread.weight(o)).sum();
            origins.forEach(o -> {
                double share = Spread.weight(o) / total;
                if (origins.size() > 1 && share < STARVED / origins.size()) {
                    starved.add(String.format("origin %s of %s has weight %d of %.0f in priority %d (%.2f%% of that "
                                    + "priority's traffic): give it a weight comparable to the others, or a priority of "
                                    + "its own if it is meant as a standby", o.name(), fd.originGroup().name(),
                            Spread.weight(o), total, priority, share * 100));
                }
            });
        });
        ContractFailure.unless(starved.isEmpty(), String.join("; ", starved));
        check.detail("weights by priority: %s", Spread.byPriority(fd.origins()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stream().map(o -> o.name() + ":" + Spread.weight(o)).toList())
                .toList());
    }

    @Test
    @Requires(ARM)
    void weightsFollowTheAccountsCapacity(Check check) {
        FrontDoorInfo fd = target.arm().frontDoor();
        Map<String, String> accountOf = Spread.accountsOfOrigins(target, fd);
        List<String> misfits = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        Spread.byPriority(fd.origins()).forEach((priority, all) -> {
            List<FrontDoorInfo.Origin> origins = all.stream().filter(o -> accountOf.containsKey(o.name())
                    && target.arm().accountIfExists(accountOf.get(o.name())).isPresent()).toList();
            if (origins.size() < 2) {
                return;
            }
            for (String id : commonDeployments(origins, accountOf)) {
                Map<String, DeploymentCapacity> capacity = new LinkedHashMap<>();
                origins.forEach(o -> capacity.put(o.name(), capacityOf(accountOf.get(o.name()), id)));
                if (capacity.values().stream().anyMatch(Objects::isNull) || capacity.values().stream()
                        .map(DeploymentCapacity::unit).distinct().count() > 1) {
                    continue; // unknown or incomparable capacity: S10's finding
                }
                Map<String, Integer> weights = new LinkedHashMap<>();
                origins.forEach(o -> weights.put(o.name(), Spread.weight(o)));
                WeightFit fit = WeightFit.of(weights, capacity.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().amount(), (a, b) -> a, LinkedHashMap::new)));
                judged.add(String.format("%s in priority %d: %.2f", id, priority, fit.efficiency()));
                if (!fit.withinTolerance()) {
                    misfits.add(String.format("deployment '%s' has %s behind weights %s in priority %d of %s: the "
                                    + "priority throttles at %.0f%% of its quota — set the weights to %s", id,
                            capacity.values(), weights, priority, fd.originGroup().name(), fit.efficiency() * 100,
                            fit.suggestedWeights()));
                }
            }
        });
        ContractFailure.unless(misfits.isEmpty(), String.join("; ", misfits));
        check.detail("weights against capacity (1 = proportional, at least %.1f): %s", WeightFit.TOLERANCE, judged);
    }

    private Set<String> commonDeployments(List<FrontDoorInfo.Origin> origins, Map<String, String> accountOf) {
        Set<String> common = null;
        for (FrontDoorInfo.Origin o : origins) {
            Set<String> ids = target.arm().accountIfExists(accountOf.get(o.name())).orElseThrow().deployments()
                    .stream().map(AccountInfo.Deployment::id).collect(Collectors.toCollection(TreeSet::new));
            if (common == null) {
                common = ids;
            } else {
                common.retainAll(ids);
            }
        }
        return common == null ? Set.of() : common;
    }

    private DeploymentCapacity capacityOf(String account, String deployment) {
        return target.arm().accountIfExists(account).flatMap(a -> a.deployment(deployment))
                .map(d -> DeploymentCapacity.of(d.sku(), d.capacity(), d.tokensPerMinute())).orElse(null);
    }

    @Test
    @Requires({ARM, GATEWAY})
    void requestsSpreadAsPrioritiesAndWeightsSay(Check check) {
        new Spread(target, target.arm().frontDoor()).check(check);
    }

    /** Front Door's origins, once each has been probed (the first round goes out at start). */
    private static JsonNode probedOrigins(InsideView view, FrontDoorInfo fd) {
        try {
            Await.until("every origin probed once", Duration.ofSeconds(fd.originGroup().healthProbe()
                    .intervalSeconds() + 10L), () -> !hasUnprobed(view.frontDoor().path("origins")));
        } catch (AssertionError e) {
            // judged on what is known: an origin never probed shows as failing with "no answer"
        }
        return view.frontDoor().path("origins");
    }

    private static boolean hasUnprobed(JsonNode origins) {
        for (JsonNode o : origins) {
            if (o.path("probes").path("lastStatus").isNull() && o.path("probes").path("lastError").isNull()) {
                return true;
            }
        }
        return false;
    }
}
