package io.aoaigw.harness.target;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.host.LoopbackGuard;
import io.aoaigw.harness.inventory.ArmEndpoint;
import io.aoaigw.harness.inventory.InventoryReader;
import io.aoaigw.harness.trust.AzureHttpClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * The one inventory wiring: where ARM is read and with which credential. Either Azure itself, signed in with the
 * credential a target file names, or an embedded topology's loopback ARM and identity provider (named by an endpoints
 * JSON of {@code emulate}), signed in as its service principal through a loopback-only client trusting the emulator's
 * certificate — for rehearsing real-target paths (discover, a target file's {@code arm.endpoints}) on a laptop;
 * anything off loopback is refused there.
 *
 * @param armUrl the ARM endpoint, for messages
 * @param trust  an embedded topology's certificate (its gateway presents it too), or null for Azure
 */
public record TargetArm(InventoryReader reader, String armUrl, String tenantId, HttpClient http,
                        TrustMaterial trust) {
    public static final String AZURE_ARM = "https://management.azure.com/";
    private static final String ENTRA = "https://login.microsoftonline.com/";
    /**
     * Reads nothing: no AZURE_* variable may redirect the credential (the emulator's own, never Azure's). The
     * no-argument {@code new ConfigurationBuilder()} would still fall back to the process environment.
     */
    public static final Configuration EMPTY_CONFIGURATION =
            new ConfigurationBuilder(p -> Map.of(), p -> Map.of(), p -> Map.of()).build();

    /**
     * Azure's ARM with exactly the credential named (never a guessing chain).
     *
     * @param tenantId the tenant to sign in to, or null to let the credential's settings decide
     * @param wrap     wraps the HTTP client (e.g. to record the calls)
     */
    public static TargetArm azure(TargetFile.Authentication auth, String tenantId, UnaryOperator<HttpClient> wrap) {
        HttpClient http = wrap.apply(HttpClient.createDefault());
        TokenCredential token = ArmCredentials.of(auth, tenantId, http);
        return new TargetArm(new InventoryReader(new ArmEndpoint(AZURE_ARM, ENTRA, tenantId), token, http),
                AZURE_ARM, tenantId, http, null);
    }

    /** @throws IOException the file cannot be read; IllegalArgumentException it is not loopback or incomplete */
    public static TargetArm embedded(Path endpointsFile) throws IOException {
        return embedded(endpointsFile, UnaryOperator.identity());
    }

    /** @param wrap wraps the loopback-only client (e.g. to record the calls); the wrapper must not widen it */
    public static TargetArm embedded(Path endpointsFile, UnaryOperator<HttpClient> wrap) throws IOException {
        return embedded(EndpointsFile.read(endpointsFile), endpointsFile.toString(), wrap);
    }

    /** @param source the endpoints' origin, named in messages */
    public static TargetArm embedded(Endpoints e, String source, UnaryOperator<HttpClient> wrap) {
        if (e.arm() == null || e.identity() == null || e.tls() == null) {
            throw new IllegalArgumentException(source + ": not an endpoints JSON of `emulate` (no arm, "
                    + "identity or tls)");
        }
        LoopbackGuard.requireLoopback(URI.create(e.arm().endpoint()), source + " arm.endpoint");
        LoopbackGuard.requireLoopback(URI.create(e.identity().authorityHost()), source + " identity.authorityHost");
        TrustMaterial trust = TrustMaterial.load(e.tls());
        HttpClient http = wrap.apply(AzureHttpClients.loopbackOnly(trust));
        TokenCredential token = readerCredential(e.identity(), source, http);
        ArmEndpoint arm = new ArmEndpoint(e.arm().endpoint(), e.identity().authorityHost(), e.identity().tenantId());
        return new TargetArm(new InventoryReader(arm, token, http), e.arm().endpoint(), e.identity().tenantId(),
                http, trust);
    }

    /**
     * The topology's reader (its first service principal). A topology without one (an account alone, as the pacing
     * benchmarks use) is still a load target; only reading Resource Manager fails, saying why.
     */
    private static TokenCredential readerCredential(Endpoints.Identity id, String source, HttpClient http) {
        if (id.clientId() == null || id.clientSecret() == null) {
            return request -> Mono.error(new IllegalStateException(source + ": the topology declares no service"
                    + " principal, so nothing can sign in to read Resource Manager"));
        }
        // configuration first: setting it resets the authority host to the public cloud
        return new ClientSecretCredentialBuilder().configuration(EMPTY_CONFIGURATION)
                .authorityHost(id.authorityHost()).tenantId(id.tenantId())
                .clientId(id.clientId()).clientSecret(id.clientSecret())
                .disableInstanceDiscovery().httpClient(http).build();
    }
}
