package io.aoaigw.harness.target;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

/**
 * Exactly the azure-identity credential a target file names (never a chain that could guess); each reads only its
 * own settings. {@code workloadIdentity} reads AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE — the token GitHub's
 * OIDC or an Azure Pipelines service connection (AzureCLI@2 with addSpnToEnvironment: its idToken) hands out.
 */
public final class ArmCredentials {
    private ArmCredentials() {
    }

    /** @param tenantId the tenant to sign in to, or null to let the credential's own settings decide */
    public static TokenCredential of(TargetFile.Authentication auth, String tenantId, HttpClient http) {
        return switch (auth.credential()) {
            case workloadIdentity -> tenantId == null
                    ? new WorkloadIdentityCredentialBuilder().httpClient(http).build()
                    : new WorkloadIdentityCredentialBuilder().tenantId(tenantId).httpClient(http).build();
            case azureCli -> tenantId == null ? new AzureCliCredentialBuilder().build()
                    : new AzureCliCredentialBuilder().tenantId(tenantId).build();
            case environment -> new EnvironmentCredentialBuilder().httpClient(http).build();
            case managedIdentity -> auth.clientId() == null
                    ? new ManagedIdentityCredentialBuilder().httpClient(http).build()
                    : new ManagedIdentityCredentialBuilder().clientId(auth.clientId()).httpClient(http).build();
        };
    }
}
