package io.aoaigw.harness.inventory;

import io.aoaigw.harness.topology.RoutePatterns;
import java.util.List;

/**
 * The Front Door profile (S9): its endpoint's host name, routes, the origin group over the accounts and its origins,
 * and the names of every origin group of the profile.
 */
public record FrontDoorInfo(String profile, String endpointName, String endpointHostName, List<Route> routes,
                            OriginGroup originGroup, List<Origin> origins, List<String> originGroupNames) {

    public FrontDoorInfo {
        routes = List.copyOf(routes);
        origins = List.copyOf(origins);
        originGroupNames = List.copyOf(originGroupNames);
    }

    /**
     * A route of the endpoint: which origin group (by name) serves which path patterns, whether it is enabled and
     * linked to the endpoint's default domain, the protocol towards the origins, whether it caches.
     */
    public record Route(String name, String originGroupName, List<String> patternsToMatch, boolean enabled,
                        boolean linkedToDefaultDomain, String forwardingProtocol, boolean caching) {
        public Route {
            patternsToMatch = List.copyOf(patternsToMatch);
        }

        /** Whether a request path falls under the route's patterns ({@code /x/*} by prefix, others exactly). */
        public boolean matches(String path) {
            return RoutePatterns.matches(patternsToMatch, path);
        }
    }

    public record OriginGroup(String name, HealthProbe healthProbe, LoadBalancing loadBalancing) {
    }

    /** Null fields mean the group has no probe of that kind configured. */
    public record HealthProbe(String path, String method, String protocol, Integer intervalSeconds) {
    }

    public record LoadBalancing(Integer sampleSize, Integer successfulSamplesRequired,
                                Integer additionalLatencyInMilliseconds) {
    }

    /** An origin: host and HTTPS port (together the account endpoint it points at), priority, weight. */
    public record Origin(String name, String hostName, Integer httpsPort, String originHostHeader, Integer priority,
                         Integer weight, boolean enabled) {

        /** {@code https://host[:port]/}, comparable with an account's endpoint. */
        public String url() {
            return "https://" + hostName + (httpsPort == null || httpsPort == 443 ? "" : ":" + httpsPort) + "/";
        }
    }
}
