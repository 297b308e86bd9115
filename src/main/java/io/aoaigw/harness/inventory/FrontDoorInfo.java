package io.aoaigw.harness.inventory;

import java.util.List;

/** The Front Door profile (S9): its endpoint's host name, routes, the origin group and its origins. */
public record FrontDoorInfo(String profile, String endpointName, String endpointHostName, List<Route> routes,
                            OriginGroup originGroup, List<Origin> origins) {

    public FrontDoorInfo {
        routes = List.copyOf(routes);
        origins = List.copyOf(origins);
    }

    /** A route of the endpoint: which origin group (by name) serves which path patterns. */
    public record Route(String name, String originGroupName, List<String> patternsToMatch) {
        public Route {
            patternsToMatch = List.copyOf(patternsToMatch);
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
