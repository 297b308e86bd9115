package io.aoaigw.harness.topology;

import java.util.List;

/**
 * Azure Front Door Standard/Premium: a profile with one endpoint and one origin group over the accounts.
 * {@code port} pins the endpoint listener (0 or absent: ephemeral).
 */
public record FrontDoor(String profile, String endpoint, Integer port, OriginGroup originGroup, List<Origin> origins) {

    public FrontDoor {
        port = Defaults.or(port, 0);
        originGroup = Defaults.or(originGroup, new OriginGroup(null, null, null, null, null));
        origins = Defaults.list(origins);
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
