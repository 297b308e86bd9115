package io.aoaigw.harness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenRequestContext;
import io.aoaigw.harness.emulator.tls.TrustMaterial;
import io.aoaigw.harness.testsupport.AzureCredentials;
import io.aoaigw.harness.testsupport.ManagedIdentityChild;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.TopologyLoader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real credentials from azure-identity, real tokens from the identity emulator, and the accounts' role check from the
 * topology: APIM's managed identity holds "Cognitive Services OpenAI User" on every account; the reader service
 * principal holds it on one account only (added for this test), so it is admitted there and refused elsewhere.
 */
class AccountsAdmitTokensByRoleTest {
    private static final String SCOPE = "https://cognitiveservices.azure.com/.default";
    private static EmbeddedTopology embedded;

    @BeforeAll
    static void start() throws Exception {
        String yaml = Files.readString(Path.of("scenarios/topologies/default.yaml")).replace(
                "  - {principal: harness-reader, role: Reader, scope: resourceGroup}\n",
                "  - {principal: harness-reader, role: Reader, scope: resourceGroup}\n"
                        + "  - {principal: harness-reader, role: Cognitive Services OpenAI User, "
                        + "scope: \"account:aoai-westeurope\"}\n");
        Path dir = Files.createDirectories(Path.of("target/test-emulator/by-role"));
        embedded = EmbeddedTopology.start(TopologyLoader.parse(Path.of("by-role.yaml"), yaml), dir);
    }

    @AfterAll
    static void stop() {
        embedded.close();
    }

    @Test
    void servicePrincipalTokenIsAdmittedOnlyWhereItHoldsTheRole() {
        Endpoints.Identity id = embedded.endpoints().identity();
        String token = AzureCredentials.clientSecret(id.authorityHost(), id.tenantId(), id.clientId(),
                        id.clientSecret(), TrustMaterial.load(embedded.endpoints().tls()))
                .getTokenSync(new TokenRequestContext().addScopes(SCOPE)).getToken();

        assertThat(chat("aoai-westeurope", token).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = chat("aoai-eastus", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("PermissionDenied");
    }

    @Test
    void apimManagedIdentityTokenIsAdmittedOnEveryAccount() {
        Endpoints.Identity id = embedded.endpoints().identity();
        ManagedIdentityChild.Result result = ManagedIdentityChild.acquireToken(id.managedIdentityEndpoint(),
                id.identityHeader(), embedded.endpoints().tls(), SCOPE);
        String token = result.token().orElseThrow(() -> new AssertionError("no token: " + result.output()));

        embedded.topology().accounts().forEach(a -> assertThat(chat(a.name(), token).statusCode())
                .as("account %s", a.name()).isEqualTo(200));
        assertThat(embedded.identity().issueLog().issuesTo(embedded.topology().apim().identity())).isNotEmpty();
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        Endpoints.Identity id = embedded.endpoints().identity();
        String armToken = AzureCredentials.clientSecret(id.authorityHost(), id.tenantId(), id.clientId(),
                        id.clientSecret(), TrustMaterial.load(embedded.endpoints().tls()))
                .getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"))
                .getToken();

        HttpResponse<String> refused = chat("aoai-westeurope", armToken);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("audience is incorrect");
    }

    private static HttpResponse<String> chat(String account, String token) {
        String url = embedded.account(account).endpoint()
                + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3}"))
                .build();
        try {
            return TrustedClients.jdk(embedded.trust()).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request to " + account + " failed", e);
        }
    }
}
