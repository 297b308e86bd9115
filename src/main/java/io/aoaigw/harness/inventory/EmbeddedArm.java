package io.aoaigw.harness.inventory;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.tls.AzureHttpClients;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.host.LoopbackGuard;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An embedded topology's ARM as a real target sees it: the loopback ARM and identity provider named by an endpoints
 * JSON of {@code emulate}, signed in as its service principal, through a loopback-only HTTP client trusting the
 * emulator's certificate. For rehearsing real-target paths (discover, a target file's {@code arm.endpoints}) on a
 * laptop; anything off loopback is refused.
 *
 * @param armUrl the ARM endpoint, for messages
 */
public record EmbeddedArm(InventoryReader reader, String armUrl, String tenantId, HttpClient http) {
    /**
     * Reads nothing: no AZURE_* variable may redirect the credential (the emulator's own, never Azure's). The
     * no-argument {@code new ConfigurationBuilder()} would still fall back to the process environment.
     */
    public static final Configuration EMPTY_CONFIGURATION =
            new ConfigurationBuilder(p -> Map.of(), p -> Map.of(), p -> Map.of()).build();

    /** @throws IOException the file cannot be read; IllegalArgumentException it is not loopback or incomplete */
    public static EmbeddedArm of(Path endpointsFile) throws IOException {
        return of(endpointsFile, UnaryOperator.identity());
    }

    /** @param wrap wraps the loopback-only client (e.g. to record the calls); the wrapper must not widen it */
    public static EmbeddedArm of(Path endpointsFile, UnaryOperator<HttpClient> wrap) throws IOException {
        Endpoints e = EndpointsFile.read(endpointsFile);
        if (e.arm() == null || e.identity() == null || e.tls() == null) {
            throw new IllegalArgumentException(endpointsFile + ": not an endpoints JSON of `emulate` (no arm, "
                    + "identity or tls)");
        }
        LoopbackGuard.requireLoopback(URI.create(e.arm().endpoint()), endpointsFile + " arm.endpoint");
        LoopbackGuard.requireLoopback(URI.create(e.identity().authorityHost()), endpointsFile
                + " identity.authorityHost");
        HttpClient http = wrap.apply(AzureHttpClients.loopbackOnly(TrustMaterial.load(e.tls())));
        // configuration first: setting it resets the authority host to the public cloud
        TokenCredential token = new ClientSecretCredentialBuilder().configuration(EMPTY_CONFIGURATION)
                .authorityHost(e.identity().authorityHost()).tenantId(e.identity().tenantId())
                .clientId(e.identity().clientId()).clientSecret(e.identity().clientSecret())
                .disableInstanceDiscovery().httpClient(http).build();
        ArmEndpoint arm = new ArmEndpoint(e.arm().endpoint(), e.identity().authorityHost(), e.identity().tenantId());
        return new EmbeddedArm(new InventoryReader(arm, token, http), e.arm().endpoint(), e.identity().tenantId(),
                http);
    }
}
