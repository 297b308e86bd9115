package io.aoaigw.harness.capacity;

import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.FrontDoor;
import io.aoaigw.harness.topology.ProvisionedThroughput;
import io.aoaigw.harness.topology.RateLimit;
import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The limit a capacity run should find: requests per minute that one deployment carries behind Front Door before it
 * throttles, for one request shape. Front Door sends everything to the lowest priority among the enabled, available
 * origins and splits it by weight; origin i carries {@code cap_i} requests/min (its RPM, its TPM over the tokens each
 * request is charged, or its PTUs' drain over each request's cost), so the priority throttles at
 * {@code min_i(cap_i / share_i)} — the binding origin and limit are the minimum's. A 429 is not spilled to the next
 * priority (Front Door fails over on health, not on throttling), so lower priorities add nothing here.
 *
 * @param requestsPerMin what the priority carries before its first origin throttles
 * @param limit          {@code rpm}, {@code tpm} or {@code ptu}: which limit of the binding origin binds
 * @param origin         the binding origin
 * @param origins        every origin of the serving priority, with its share and limits
 */
public record BindingLimit(double requestsPerMin, String limit, String origin, int priority,
                           List<OriginLimit> origins) {

    public BindingLimit {
        origins = List.copyOf(origins);
    }

    /**
     * The request as the account charges it: prompt tokens as it counts them (chat format included) and
     * {@code max_tokens}.
     */
    public record Shape(int promptTokens, int maxTokens) {
    }

    /** One origin: its share of the priority's traffic, what it carries and which of its limits binds. */
    public record OriginLimit(String origin, String account, double share, double requestsPerMin, String limit,
                              double tokensPerRequest) {
    }

    /**
     * @param unavailable origins Front Door does not use now (disabled at run time or unhealthy), by name
     * @return empty without Front Door or without an enabled, available origin
     */
    public static Optional<BindingLimit> of(Topology topology, String deploymentId, Shape shape,
                                            Set<String> unavailable) {
        FrontDoor fd = topology.frontDoor();
        if (fd == null) {
            return Optional.empty();
        }
        List<FrontDoor.Origin> tier = FrontDoor.preferred(fd.origins(),
                o -> o.enabled() && !unavailable.contains(o.name()), FrontDoor.Origin::priority);
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        double totalWeight = tier.stream().mapToInt(FrontDoor.Origin::weight).sum();
        List<OriginLimit> limits = new ArrayList<>();
        OriginLimit binding = null;
        double carried = Double.POSITIVE_INFINITY;
        for (FrontDoor.Origin o : tier) {
            OriginLimit limit = originLimit(o, o.weight() / totalWeight,
                    topology.account(o.account()).flatMap(a -> a.deployment(deploymentId)), shape);
            limits.add(limit);
            if (limit.requestsPerMin() / limit.share() < carried) {
                carried = limit.requestsPerMin() / limit.share();
                binding = limit;
            }
        }
        return Optional.of(new BindingLimit(carried, binding.limit(), binding.origin(), tier.get(0).priority(),
                limits));
    }

    private static OriginLimit originLimit(FrontDoor.Origin o, double share, Optional<Deployment> found,
                                           Shape shape) {
        if (found.isEmpty()) {
            return new OriginLimit(o.name(), o.account(), share, 0, "missing", 0);
        }
        Deployment d = found.get();
        if (d.provisioned()) {
            ProvisionedThroughput.Rate rate = ProvisionedThroughput.rateOf(d.model());
            double cost = shape.promptTokens() + expectedOutput(d, shape.maxTokens()) * rate.outputWeight();
            return new OriginLimit(o.name(), o.account(), share,
                    ProvisionedThroughput.tokensPerMinute(d.model(), d.ptu()) / cost, "ptu", cost);
        }
        // the account charges the estimate (prompt + max_tokens), whatever is generated (Microsoft's quota page)
        double cost = shape.promptTokens() + shape.maxTokens();
        double byTokens = d.tpm() / cost;
        double byRequests = requestsPerMinute(d);
        return byRequests <= byTokens
                ? new OriginLimit(o.name(), o.account(), share, byRequests, "rpm", cost)
                : new OriginLimit(o.name(), o.account(), share, byTokens, "tpm", cost);
    }

    /** RPM as the request window admits it: whole requests per window, RPM × window / 60 s rounded down. */
    private static double requestsPerMinute(Deployment d) {
        RateLimit r = d.rateLimit();
        int window = r.tokens() == RateLimit.TokenModel.slidingWindow && r.slidingWindowSeconds() != null
                ? r.slidingWindowSeconds() : r.requestWindowSeconds();
        return Math.max(1, Math.floor(d.rpm() * window / 60.0)) * 60.0 / window;
    }

    /**
     * The tokens an answer really has on average, which a provisioned deployment settles to: the emulator draws the
     * natural length uniformly from the deployment's completion range and cuts it at {@code max_tokens}.
     */
    static double expectedOutput(Deployment d, int maxTokens) {
        int min = d.completion().minTokens();
        int max = d.completion().maxTokens();
        double sum = 0;
        for (int n = min; n <= max; n++) {
            sum += Math.min(n, maxTokens);
        }
        return sum / (max - min + 1);
    }

    /** One line for people: {@code 1,800 requests/min (rpm of aoai-eastus, priority 1)}. */
    public String describe() {
        return String.format("%,.0f requests/min (%s of %s, priority %d)", requestsPerMin, limit, origin, priority);
    }
}
