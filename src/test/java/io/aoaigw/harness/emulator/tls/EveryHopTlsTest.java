package io.aoaigw.harness.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.KeyCredentialPolicy;
import com.azure.core.util.Context;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import io.aoaigw.harness.trust.AzureHttpClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hop of the embedded topology speaks HTTPS as Azure does, with a certificate valid for the names it is reached
 * by, so the Azure SDK's key-credential policy (which refuses to send a key over plain HTTP) goes through unchanged;
 * with {@code transport: http} it refuses, as it would against any plain-HTTP endpoint.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class EveryHopTlsTest {
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}";

    /** Each data-plane hop with the key it takes as {@code api-key} (the default topology's API reads that header). */
    private static List<String[]> hops(Endpoints e) {
        List<String[]> hops = new ArrayList<>();
        hops.add(new String[] {e.apim().gatewayUrl(), e.apim().subscriptions().get(0).primaryKey()});
        // Front Door forwards to any origin: its accounts share no key, so the first account's key may meet another
        hops.add(new String[] {e.frontDoor().endpointUrl(), null});
        e.accounts().forEach(a -> hops.add(new String[] {a.endpoint(), a.apiKey()}));
        return hops;
    }

    @Test
    void everyHopAndServiceListensOnHttps(EmbeddedTopology embedded) {
        Endpoints e = embedded.endpoints();
        List<String> urls = new ArrayList<>(List.of(e.apim().gatewayUrl(), e.frontDoor().endpointUrl(),
                e.identity().authorityHost(), e.arm().endpoint()));
        e.accounts().forEach(a -> urls.add(a.endpoint()));
        assertThat(urls).allSatisfy(url -> assertThat(url).startsWith("https://127.0.0.1:"));
        assertThat(e.tls().pemFile()).isNotBlank();
    }

    @Test
    void theAzureSdksKeyCredentialPolicyGets200FromTheGatewayAndEveryAccount(EmbeddedTopology embedded) {
        HttpPipeline plain = pipeline(embedded.trust(), null);
        for (String[] hop : hops(embedded.endpoints())) {
            if (hop[1] == null) {
                continue;
            }
            try (HttpResponse answer = pipeline(embedded.trust(), hop[1]).sendSync(chat(hop[0]), Context.NONE)) {
                assertThat(answer.getStatusCode()).as("AzureKeyCredential at %s", hop[0]).isEqualTo(200);
            }
        }
        // and Front Door answers over TLS too (401 without a key: the account behind it refused, not the handshake)
        try (HttpResponse answer = plain.sendSync(chat(embedded.endpoints().frontDoor().endpointUrl()),
                Context.NONE)) {
            assertThat(answer.getStatusCode()).isEqualTo(401);
        }
    }

    @Test
    void theCertificateIsValidForLocalhostToo(EmbeddedTopology embedded) throws Exception {
        String gateway = embedded.endpoints().apim().gatewayUrl().replace("127.0.0.1", "localhost");
        var answer = TrustedClients.jdk(embedded.trust()).send(java.net.http.HttpRequest.newBuilder(
                URI.create(gateway + CHAT)).header("api-key", embedded.endpoints().apim().subscriptions().get(0)
                .primaryKey()).header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BODY)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void aClientNotGivenTheTrustFailsItsHandshake(EmbeddedTopology embedded) {
        URI account = URI.create(embedded.endpoints().accounts().get(0).endpoint() + CHAT);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(account)
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void withTransportHttpTheAzureSdkRefusesToSendTheKey(@TempDir Path dir) throws Exception {
        Topology plain = TopologyLoader.load(Path.of("scenarios/topologies/default.yaml"))
                .withTransport(Topology.Transport.http);
        try (EmbeddedTopology embedded = EmbeddedTopology.start(plain, Files.createDirectories(dir.resolve("w")))) {
            Endpoints.Account account = embedded.endpoints().accounts().get(0);
            assertThat(account.endpoint()).startsWith("http://127.0.0.1:");
            assertThat(embedded.endpoints().apim().gatewayUrl()).startsWith("http://127.0.0.1:");
            // identity and ARM stay HTTPS: Entra ID and Resource Manager have no plain option
            assertThat(embedded.endpoints().arm().endpoint()).startsWith("https://");

            assertThatThrownBy(() -> pipeline(embedded.trust(), account.apiKey())
                    .sendSync(chat(account.endpoint()), Context.NONE).close())
                    .hasMessageContaining("Key credentials require HTTPS");
        }
    }

    /** The azure-core pipeline Azure SDK clients build for a key: KeyCredentialPolicy sends it as api-key. */
    private static HttpPipeline pipeline(TrustMaterial trust, String key) {
        HttpPipelineBuilder builder = new HttpPipelineBuilder().httpClient(AzureHttpClients.loopbackOnly(trust));
        return key == null ? builder.build()
                : builder.policies(new KeyCredentialPolicy("api-key", new AzureKeyCredential(key))).build();
    }

    private static HttpRequest chat(String base) {
        return new HttpRequest(HttpMethod.POST, base + CHAT)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(BODY);
    }
}
