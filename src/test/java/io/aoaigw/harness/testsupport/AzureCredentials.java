package io.aoaigw.harness.testsupport;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.aoaigw.harness.trust.AzureHttpClients;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.target.TargetArm;

/**
 * azure-identity credentials aimed at the identity emulator and unable to reach anything else: instance discovery
 * off (else MSAL asks login.microsoftonline.com), a configuration that reads nothing (no AZURE_* variables, hence no regional
 * lookup on the metadata endpoint), no proxy, and a loopback-only HTTP client trusting the emulator's certificate.
 */
public final class AzureCredentials {
    /** Reads nothing (no AZURE_* variable, hence no regional lookup on the metadata endpoint). */
    public static final Configuration EMPTY_CONFIGURATION = TargetArm.EMPTY_CONFIGURATION;

    private AzureCredentials() {
    }

    public static TokenCredential clientSecret(String authorityHost, String tenantId, String clientId,
                                               String clientSecret, TrustMaterial trust) {
        return clientSecret(authorityHost, tenantId, clientId, clientSecret, AzureHttpClients.loopbackOnly(trust));
    }

    /** As above with the caller's HTTP client, which must itself be loopback-only (e.g. wrap {@code loopbackOnly}). */
    public static TokenCredential clientSecret(String authorityHost, String tenantId, String clientId,
                                               String clientSecret, HttpClient httpClient) {
        // configuration(...) first: setting it reloads the options from it, resetting authorityHost to the public cloud
        return new ClientSecretCredentialBuilder()
                .configuration(EMPTY_CONFIGURATION)
                .authorityHost(authorityHost)
                .tenantId(tenantId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .disableInstanceDiscovery()
                .httpClient(httpClient)
                .build();
    }
}
