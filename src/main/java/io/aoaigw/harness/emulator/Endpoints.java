package io.aoaigw.harness.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The endpoints JSON: a fixed contract that CI, scripts and the harness read to reach a running embedded topology.
 * Sections of components that are not running are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoints(Apim apim, FrontDoor frontDoor, List<Account> accounts, Identity identity, Arm arm,
                        Admin admin, Tls tls) {

    public record Apim(String gatewayUrl, List<Subscription> subscriptions) {
    }

    public record Subscription(String name, String product, String state, String primaryKey) {
    }

    public record FrontDoor(String endpointUrl) {
    }

    public record Account(String name, String region, String endpoint, String apiKey) {
    }

    public record Identity(String authorityHost, String tenantId, String clientId, String clientSecret,
                           String managedIdentityEndpoint, String identityHeader) {
    }

    public record Arm(String endpoint, String subscriptionId, String resourceGroup) {
    }

    public record Admin(String url) {
    }

    /**
     * What clients trust: a password-protected store ({@code type}, for JVMs) and the same certificate as a PEM file
     * ({@code pemFile}, for curl {@code --cacert}, Node {@code NODE_EXTRA_CA_CERTS}, Python {@code REQUESTS_CA_BUNDLE}).
     */
    public record Tls(String trustStore, String trustStorePassword, String type, String pemFile) {
    }
}
