package io.aoaigw.harness.discover;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.tls.AzureHttpClients;
import io.aoaigw.harness.emulator.tls.LoopbackGuard;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.target.ArmCredentials;
import io.aoaigw.harness.target.TargetFile;
import java.net.URI;
import java.util.Map;

/**
 * Where discovery reads ARM and with which credential: Azure itself with one of the target file's credentials, or
 * an embedded topology's loopback ARM (from the endpoints JSON of {@code emulate}) with its service principal,
 * through a loopback-only HTTP client trusting the emulator's certificate.
 *
 * @param credentialName what the drafted target file's {@code authentication.credential} says
 * @param tenantId       the tenant signed in to, or null when the credential's settings decide
 */
record ArmAccess(InventoryReader reader, String armUrl, TargetFile.Authentication.Credential credentialName,
                 String tenantId) {
    static final String AZURE_ARM = "https://management.azure.com/";
    private static final String ENTRA = "https://login.microsoftonline.com/";
    /** Reads nothing: no AZURE_* variable may redirect the emulator's credential (see AzureCredentials in tests). */
    private static final Configuration EMPTY = new ConfigurationBuilder(p -> Map.of(), p -> Map.of(), p -> Map.of())
            .build();

    static ArmAccess azure(TargetFile.Authentication.Credential credential, String tenantId) {
        HttpClient http = HttpClient.createDefault();
        TokenCredential token = ArmCredentials.of(new TargetFile.Authentication(credential, null), tenantId, http);
        return new ArmAccess(new InventoryReader(new ArmEndpoint(AZURE_ARM, ENTRA, tenantId), token, http),
                AZURE_ARM, credential, tenantId);
    }

    /** The embedded topology of an endpoints JSON; refuses anything but loopback. */
    static ArmAccess embedded(Endpoints e, String file) {
        if (e.arm() == null || e.identity() == null || e.tls() == null) {
            throw new DiscoveryException(file + ": not an endpoints JSON of `emulate` (no arm, identity or tls)");
        }
        LoopbackGuard.requireLoopback(URI.create(e.arm().endpoint()), file + " arm.endpoint");
        LoopbackGuard.requireLoopback(URI.create(e.identity().authorityHost()), file + " identity.authorityHost");
        HttpClient http = AzureHttpClients.loopbackOnly(TrustMaterial.load(e.tls()));
        // configuration first: setting it resets the authority host to the public cloud
        TokenCredential token = new ClientSecretCredentialBuilder().configuration(EMPTY)
                .authorityHost(e.identity().authorityHost()).tenantId(e.identity().tenantId())
                .clientId(e.identity().clientId()).clientSecret(e.identity().clientSecret())
                .disableInstanceDiscovery().httpClient(http).build();
        ArmEndpoint arm = new ArmEndpoint(e.arm().endpoint(), e.identity().authorityHost(), e.identity().tenantId());
        return new ArmAccess(new InventoryReader(arm, token, http), e.arm().endpoint(),
                TargetFile.Authentication.Credential.environment, e.identity().tenantId());
    }
}
