package io.aoaigw.harness.inventory;

import com.azure.core.management.AzureEnvironment;
import java.util.Map;

/**
 * Where Resource Manager and Entra ID are for the management SDK. Tokens are always asked for
 * {@code https://management.azure.com/.default}, the audience ARM accepts, whatever host ARM is reached on.
 *
 * @param resourceManagerEndpoint e.g. the ARM emulator's {@code https://127.0.0.1:PORT/}
 * @param activeDirectoryEndpoint the authority host, e.g. the identity emulator's {@code https://127.0.0.1:PORT}
 * @param tenantId                the tenant the credential authenticates in
 */
public record ArmEndpoint(String resourceManagerEndpoint, String activeDirectoryEndpoint, String tenantId) {
    static final String MANAGEMENT_AUDIENCE = "https://management.azure.com/";
    /**
     * The SDK builds a Microsoft Graph client beside the ARM ones and needs its endpoint; the inventory never calls
     * Graph, and this unreachable loopback address keeps even a stray call on the machine.
     */
    static final String UNUSED_GRAPH = "https://localhost:1/unused-graph/";

    /**
     * An environment naming only these endpoints. The SDK picks a token scope by matching request URLs against every
     * endpoint of the environment, so leaving the public cloud's others out keeps the scope ARM's.
     */
    AzureEnvironment environment() {
        return new AzureEnvironment(Map.of(
                "resourceManagerEndpointUrl", withSlash(resourceManagerEndpoint),
                "activeDirectoryEndpointUrl", withSlash(activeDirectoryEndpoint),
                "managementEndpointUrl", MANAGEMENT_AUDIENCE,
                "microsoftGraphResourceId", UNUSED_GRAPH));
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
