package io.aoaigw.harness.emulator.arm;

import io.aoaigw.harness.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table: each route is a path template of one provider and a handler. Templates are matched ignoring
 * case, as ARM matches paths; {@code {sub}} and {@code {rg}} are checked against the topology before the handler
 * runs (SubscriptionNotFound, ResourceGroupNotFound), then the provider's api-version.
 */
final class ArmRoutes {
    /** A subscription-or-below scope, e.g. of role assignments: subscription, resource group or resource. */
    static final String SCOPE = "(?<scope>/subscriptions/(?<sub>[^/]+)(?:/resourceGroups/(?<rg>[^/]+)(?:/providers/.+?)?)?)";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private record Route(String provider, Pattern pattern, BiFunction<ArmExchange, Matcher, ArmResult> handler) {
    }

    private final Topology topology;
    private final List<Route> routes = new ArrayList<>();

    ArmRoutes(Topology topology) {
        this.topology = topology;
    }

    /**
     * Adds a route; in {@code template}, {@code {name}} matches one path segment into group {@code name}, and
     * {@code ${SCOPE}} stands for {@link #SCOPE}.
     */
    ArmRoutes get(String provider, String template, BiFunction<ArmExchange, Matcher, ArmResult> handler) {
        String regex = PLACEHOLDER.matcher(template.replace("${SCOPE}", "\u0000"))
                .replaceAll(m -> "(?<" + m.group(1) + ">[^/]+)")
                .replace("\u0000", SCOPE);
        routes.add(new Route(provider, Pattern.compile(regex + "/?", Pattern.CASE_INSENSITIVE), handler));
        return this;
    }

    ArmResult dispatch(ArmExchange exchange) {
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(exchange.path());
            if (m.matches()) {
                return scopeError(m)
                        .or(() -> ApiVersions.check(route.provider(), exchange.param("api-version")))
                        .map(ArmResult::of)
                        .orElseGet(() -> route.handler().apply(exchange, m));
            }
        }
        return ArmResult.of(ArmError.noRoute(exchange.path()));
    }

    private Optional<ArmError> scopeError(Matcher m) {
        String sub = group(m, "sub");
        if (sub != null && !sub.equalsIgnoreCase(topology.subscriptionId())) {
            return Optional.of(ArmError.subscriptionNotFound(sub));
        }
        String rg = group(m, "rg");
        if (rg != null && !rg.equalsIgnoreCase(topology.resourceGroup())) {
            return Optional.of(ArmError.resourceGroupNotFound(rg));
        }
        return Optional.empty();
    }

    /** The named group's value, or null when the pattern has no such group or it did not take part. */
    static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
