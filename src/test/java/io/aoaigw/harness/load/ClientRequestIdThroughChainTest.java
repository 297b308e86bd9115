package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.target.AdminClient;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.testsupport.TrustedClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seam the accuracy report stands on: a streamed chat sent through APIM with its own
 * {@code x-ms-client-request-id} reaches an account through Front Door with that header intact, and the account's
 * ground truth — read over the admin API, as the harness reads it — finds exactly that request by it, with the write
 * time of every content frame.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class ClientRequestIdThroughChainTest {
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

    @Test
    void groundTruthOfTheAccountIsFoundByTheClientRequestIdSentToApim(EmbeddedTopology embedded) throws Exception {
        String clientRequestId = "loadacc-" + UUID.randomUUID();
        Endpoints.Apim apim = embedded.endpoints().apim();
        String key = apim.subscriptions().stream().filter(s -> s.name().equals("load")).findFirst().orElseThrow()
                .primaryKey();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apim.gatewayUrl() + CHAT))
                .header("content-type", "application/json")
                .header(embedded.topology().apim().api().subscriptionKey().header(), key)
                .header("x-ms-client-request-id", clientRequestId)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                        + "\"max_tokens\":5,\"stream\":true}"))
                .build();

        HttpResponse<String> answer = TrustedClients.jdk(embedded.trust()).send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("x-ms-client-request-id")).as("echoed back through the chain")
                .contains(clientRequestId);
        List<JsonNode> found = new ArrayList<>();
        AdminClient admin = new AdminClient(embedded.endpoints().admin().url());
        for (Endpoints.Account account : embedded.endpoints().accounts()) {
            admin.get("/admin/accounts/" + account.name() + "/requests?limit=50&clientRequestId=" + clientRequestId)
                    .forEach(found::add);
        }
        assertThat(found).as("records of that client request id over all accounts").hasSize(1);
        JsonNode truth = found.get(0);
        assertThat(truth.path("clientRequestId").asText()).isEqualTo(clientRequestId);
        assertThat(truth.path("requestId").asText()).isEqualTo(answer.headers().firstValue("x-request-id")
                .orElseThrow());
        assertThat(truth.path("presentHeaders").toString()).contains("x-ms-client-request-id", "x-azure-fdid");
        assertThat(truth.path("contentFrameEpochMicros").size()).isEqualTo(truth.path("completionTokens").asInt())
                .isPositive();
        assertThat(truth.path("firstContentFrameEpochMicros").asLong())
                .isEqualTo(truth.path("contentFrameEpochMicros").path(0).asLong());
    }
}
