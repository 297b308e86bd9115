package io.aoaigw.harness.topology;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Azure Front Door Standard/Premium: a profile with one endpoint, its routes, and one origin group over the
 * accounts. {@code port} pins the endpoint listener (0 or absent: ephemeral). Without {@code routes}, one route as
 * the portal's setup creates it: {@code default-route}, {@code /*} to the origin group, enabled, on the default
 * domain. {@code originGroups} are further groups of the profile (other applications' hosts): a route may send to
 * them, and then the accounts never see its traffic.
 */
public record FrontDoor(String profile, String endpoint, Integer port, OriginGroup originGroup, List<Origin> origins,
                        List<Route> routes, List<HostOriginGroup> originGroups) {

    public FrontDoor {
        port = Defaults.or(port, 0);
        originGroup = Defaults.or(originGroup, new OriginGroup(null, null, null, null, null));
        origins = Defaults.list(origins);
        routes = Defaults.list(routes).isEmpty()
                ? List.of(new Route("default-route", null, originGroup.name(), null, null, null, null, null, null))
                : Defaults.list(routes);
        originGroups = Defaults.list(originGroups);
    }

    /** Without further origin groups. */
    public FrontDoor(String profile, String endpoint, Integer port, OriginGroup originGroup, List<Origin> origins,
                     List<Route> routes) {
        this(profile, endpoint, port, originGroup, origins, routes, null);
    }

    /** Without routes: the default one. */
    public FrontDoor(String profile, String endpoint, Integer port, OriginGroup originGroup, List<Origin> origins) {
        this(profile, endpoint, port, originGroup, origins, null, null);
    }

    /**
     * The origins an origin group sends to: the usable ones of the lowest (preferred) priority. One rule for every
     * reader of a Front Door, whether it holds the topology's origins or the ones Resource Manager lists.
     */
    public static <O> List<O> preferred(Collection<O> origins, Predicate<O> usable, ToIntFunction<O> priority) {
        List<O> candidates = origins.stream().filter(usable).toList();
        int best = candidates.stream().mapToInt(priority).min().orElse(Integer.MAX_VALUE);
        return candidates.stream().filter(o -> priority.applyAsInt(o) == best).toList();
    }

    /** The route that serves the path on the default domain: the most specific of those that match. */
    public java.util.Optional<Route> routeFor(String path) {
        return routes.stream().filter(r -> r.serves(path))
                .max(java.util.Comparator.comparingInt(r -> RoutePatterns.specificity(r.patternsToMatch(), path)));
    }

    /** Whether the named group is the one over the accounts (the others hold other hosts). */
    public boolean isAccountsGroup(String groupName) {
        return originGroup.name().equals(groupName);
    }

    /** An origin group beyond the accounts' one: origins given by host name only. */
    public record HostOriginGroup(String name, List<HostOrigin> origins) {
        public HostOriginGroup {
            origins = Defaults.list(origins);
        }
    }

    /** An origin by host name (an App Service, a storage account …), never one of the topology's accounts. */
    public record HostOrigin(String name, String hostName, Boolean enabled) {
        public HostOrigin {
            name = Defaults.or(name, hostName);
            enabled = Defaults.or(enabled, Boolean.TRUE);
        }
    }

    /**
     * A route of the endpoint (Microsoft.Cdn afdEndpoints/routes): which request paths it serves
     * ({@code patternsToMatch}: {@code /*} or {@code /openai/*} match by prefix, others exactly), the origin group it
     * sends them to, and its switches. Front Door serves a request only through an enabled route linked to the
     * default domain (the topology has no custom domains) that matches its path; others get Front Door's 404.
     */
    public record Route(String name, List<String> patternsToMatch, String originGroup, Boolean enabled,
                        Boolean linkToDefaultDomain, String forwardingProtocol, List<String> supportedProtocols,
                        Boolean cachingEnabled, Boolean compressionEnabled) {
        public Route {
            patternsToMatch = Defaults.list(patternsToMatch).isEmpty() ? List.of("/*") : Defaults.list(patternsToMatch);
            enabled = Defaults.or(enabled, Boolean.TRUE);
            linkToDefaultDomain = Defaults.or(linkToDefaultDomain, Boolean.TRUE);
            forwardingProtocol = Defaults.or(forwardingProtocol, "HttpsOnly");
            supportedProtocols = Defaults.list(supportedProtocols).isEmpty() ? List.of("Http", "Https")
                    : Defaults.list(supportedProtocols);
            cachingEnabled = Defaults.or(cachingEnabled, Boolean.FALSE);
            compressionEnabled = Defaults.or(compressionEnabled, Boolean.FALSE);
        }

        /** Whether a request path falls under this route's patterns. */
        public boolean matches(String path) {
            return RoutePatterns.matches(patternsToMatch, path);
        }

        /** The route serves traffic on the endpoint's default domain. */
        public boolean serves(String path) {
            return enabled && linkToDefaultDomain && matches(path);
        }
    }

    public record OriginGroup(String name, HealthProbe healthProbe, LoadBalancing loadBalancing,
                              Integer originResponseTimeoutSeconds, Boolean retryOnServerError) {
        public OriginGroup {
            name = Defaults.or(name, "default-origin-group");
            healthProbe = Defaults.or(healthProbe, new HealthProbe(null, null, null, null));
            loadBalancing = Defaults.or(loadBalancing, new LoadBalancing(null, null, null));
            originResponseTimeoutSeconds = Defaults.or(originResponseTimeoutSeconds, 30);
            retryOnServerError = Defaults.or(retryOnServerError, Boolean.FALSE);
        }
    }

    /** Front Door's probe settings; defaults are the portal's (path /, HEAD, Https, 100 s in Standard/Premium). */
    public record HealthProbe(String path, String method, String protocol, Integer intervalSeconds) {
        public HealthProbe {
            path = Defaults.or(path, "/");
            method = Defaults.or(method, "HEAD");
            protocol = Defaults.or(protocol, "Https");
            intervalSeconds = Defaults.or(intervalSeconds, 100);
        }
    }

    public record LoadBalancing(Integer sampleSize, Integer successfulSamplesRequired,
                                Integer additionalLatencyInMilliseconds) {
        public LoadBalancing {
            sampleSize = Defaults.or(sampleSize, 4);
            successfulSamplesRequired = Defaults.or(successfulSamplesRequired, 3);
            additionalLatencyInMilliseconds = Defaults.or(additionalLatencyInMilliseconds, 50);
        }
    }

    /** An origin: an account behind the group, with its priority (1–5, lower first) and weight (1–1000). */
    public record Origin(String name, String account, Integer priority, Integer weight, Boolean enabled,
                         String originHostHeader) {
        public Origin {
            name = Defaults.or(name, account);
            priority = Defaults.or(priority, 1);
            weight = Defaults.or(weight, 1000);
            enabled = Defaults.or(enabled, Boolean.TRUE);
        }
    }
}
