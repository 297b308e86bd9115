package io.aoaigw.harness.target;

import java.util.List;
import java.util.Map;

/**
 * A real deployment to check, as described by a file in {@code scenarios/targets/}: where its resources live, their
 * names, the deployments expected on every account, how the harness signs in to read ARM, and the names of the
 * environment variables that hold subscription keys (keys themselves never go in the file). Read by
 * {@link TargetLoader}; see {@code scenarios/targets/example.yaml} for every field explained.
 */
public record TargetFile(String name, String subscriptionId, String tenantId, String resourceGroup, Apim apim,
                         FrontDoor frontDoor, List<String> accounts, List<ExpectedDeployment> expectedDeployments,
                         Authentication authentication, Limits limits, Arm arm) {

    public TargetFile {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        expectedDeployments = expectedDeployments == null ? List.of() : List.copyOf(expectedDeployments);
        authentication = authentication == null ? new Authentication(null, null) : authentication;
        limits = limits == null ? new Limits(null, null) : limits;
    }

    /**
     * The APIM service and API; {@code subscriptionKeys} maps a role (active, suspended, …) to the name of the
     * environment variable holding that subscription's key. {@code gatewayUrl} and {@code keyHeader} are what the
     * load simulations use (they read no ARM): by default the service's own host and the {@code api-key} header.
     */
    public record Apim(String service, String apiId, List<String> products, Map<String, String> subscriptionKeys,
                       String gatewayUrl, String keyHeader) {
        public Apim {
            products = products == null ? List.of() : List.copyOf(products);
            subscriptionKeys = subscriptionKeys == null ? Map.of() : Map.copyOf(subscriptionKeys);
            keyHeader = keyHeader == null ? "api-key" : keyHeader;
        }

        /** The gateway's base URL, without the API suffix: {@code gatewayUrl}, else the service's default host. */
        public String gateway() {
            return gatewayUrl != null ? gatewayUrl.replaceFirst("/+$", "") : "https://" + service + ".azure-api.net";
        }
    }

    public record FrontDoor(String profile, String endpoint, String originGroup) {
    }

    /** A deployment every account must carry; a null model or version is not compared. */
    public record ExpectedDeployment(String id, String model, String version) {
    }

    /**
     * How the harness gets its ARM token: an azure-identity credential chosen explicitly (never a chain that could
     * guess): {@code workloadIdentity} (GitHub OIDC after azure/login, or an Azure Pipelines service connection's
     * idToken written to AZURE_FEDERATED_TOKEN_FILE), {@code azureCli} (a developer login),
     * {@code environment} (AZURE_CLIENT_ID/SECRET/TENANT_ID), {@code managedIdentity} (a runner in Azure;
     * {@code clientId} for a user-assigned identity).
     */
    public record Authentication(Credential credential, String clientId) {
        public enum Credential { workloadIdentity, azureCli, environment, managedIdentity }

        public Authentication {
            credential = credential == null ? Credential.workloadIdentity : credential;
        }
    }

    /**
     * A rehearsal on a laptop: read ARM (and sign in) at the loopback endpoints of an embedded topology, named by the
     * endpoints JSON {@code emulate} writes, instead of Azure. Absent for a real deployment; anything but loopback is
     * refused where it is used.
     */
    public record Arm(String endpoints) {
    }

    /**
     * Bounds of every run against this target: real deployments cost money and quota. A bound must be finite in
     * practice too: at most {@link #MAX_REQUESTS} requests and {@link #MAX_DURATION_SECONDS} seconds.
     */
    public record Limits(Integer maxRequests, Integer maxDurationSeconds) {
        public static final int MAX_REQUESTS = 100_000;
        public static final int MAX_DURATION_SECONDS = 4 * 3600;

        public Limits {
            maxRequests = maxRequests == null ? 200 : maxRequests;
            maxDurationSeconds = maxDurationSeconds == null ? 300 : maxDurationSeconds;
        }
    }
}
