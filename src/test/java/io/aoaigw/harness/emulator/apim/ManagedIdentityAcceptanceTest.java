package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.RecordingBackend;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.aoaigw.harness.testsupport.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** S5: APIM authenticates to the backend with its managed identity, never with the client's key. */
@ExtendWith(VertxPerTest.class)
class ManagedIdentityAcceptanceTest {
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void createClient(Vertx vertx) {
        this.vertx = vertx;
        client = vertx.createHttpClient();
    }

    private Future<Integer> post(Gateway gateway, String pathAndQuery, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(gateway.apim.apiUrl() + pathAndQuery).putHeader("Content-Type", "application/json");
        headers.forEach(options::putHeader);
        return Futures.onEventLoop(vertx, () -> client.request(options).compose(r -> r.send(Buffer.buffer(BODY)))
                .compose(resp -> resp.body().map(b -> resp.statusCode())));
    }

    @Test
    void backendReceivesTheIdentityTokenAndNeverTheClientsKeyInHeaderOrQuery(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));

        assertThat(Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                Map.of("api-key", ACTIVE_KEY)))).isEqualTo(200);
        assertThat(Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
                + "&subscription-key=" + ACTIVE_KEY, Map.of()))).isEqualTo(200);

        String token = gateway.identity.issuedTokens().get(0);
        assertThat(gateway.frontDoor.received()).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(r.header("api-key")).isNull();
            assertThat(r.header("Ocp-Apim-Subscription-Key")).isNull();
            assertThat(r.uri()).doesNotContain(ACTIVE_KEY).contains("api-version=2024-10-21");
            assertThat(r.body()).isEqualTo(BODY);
        });
        assertThat(gateway.identity.requestedResources()).containsOnly("https://cognitiveservices.azure.com/");
        assertThat(gateway.records(2)).allSatisfy(r -> assertThat(r.bearerAttached()).isTrue());
    }

    @Test
    void tokenIsFetchedOnceForConcurrentAndLaterRequests(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));
        String path = "/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

        List<Future<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(post(gateway, path, Map.of("api-key", ACTIVE_KEY)));
        }
        Gateway.await(Future.all(burst));
        Gateway.await(post(gateway, path, Map.of("api-key", ACTIVE_KEY)));

        assertThat(burst).allSatisfy(f -> assertThat(f.result()).isEqualTo(200));
        assertThat(gateway.identity.fetches()).isEqualTo(1);
        assertThat(gateway.apim.stats().tokenFetches()).isEqualTo(1);
        assertThat(gateway.frontDoor.received()).extracting(r -> r.header("Authorization")).containsOnly(
                "Bearer " + gateway.identity.issuedTokens().get(0));
    }

    @Test
    void tokenWithinFiveMinutesOfExpiryIsFetchedAgain(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20), 240,
                Map.of());
        String path = "/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

        Gateway.await(post(gateway, path, Map.of("api-key", ACTIVE_KEY)));
        Gateway.await(post(gateway, path, Map.of("api-key", ACTIVE_KEY)));

        assertThat(gateway.identity.fetches()).isEqualTo(2);
        assertThat(gateway.frontDoor.received()).extracting(r -> r.header("Authorization"))
                .containsExactlyElementsOf(gateway.identity.issuedTokens().stream().map(t -> "Bearer " + t).toList());
    }

    /** As Azure does: the subscription key, header or query, goes on to the backend unless a policy removes it. */
    @Test
    void withoutARemovingPolicyTheSubscriptionKeyHeaderReachesTheBackend(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound(ApimTopology.MANAGED_IDENTITY),
                Responders.chatCompletion("eastus", 20));

        assertThat(Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                Map.of("api-key", ACTIVE_KEY)))).isEqualTo(200);

        assertThat(gateway.frontDoor.last().header("api-key")).isEqualTo(ACTIVE_KEY);
        assertThat(gateway.frontDoor.last().header("Authorization")).startsWith("Bearer ");

        assertThat(Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
                + "&subscription-key=" + ACTIVE_KEY, Map.of()))).isEqualTo(200);

        assertThat(gateway.frontDoor.last().uri())
                .contains("subscription-key=" + ACTIVE_KEY, "api-version=2024-10-21");
    }

    @Test
    void withoutTheIdentityPolicyNoBearerIsAttached(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound(""), Responders.chatCompletion("eastus", 20));

        Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions", Map.of("api-key", ACTIVE_KEY)));

        assertThat(gateway.frontDoor.last().header("Authorization")).isNull();
        assertThat(gateway.identity.fetches()).isZero();
        assertThat(gateway.records(1)).last().extracting(ApimRequestRecord::bearerAttached)
                .isEqualTo(false);
    }

    @Test
    void recordsAndStatsNeverContainKeysOrTokens(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));
        Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions?subscription-key=" + ACTIVE_KEY, Map.of()));
        Gateway.await(post(gateway, "/deployments/gpt-4o/chat/completions", Map.of("api-key", ACTIVE_KEY)));

        ObjectMapper json = new ObjectMapper();
        String shown = json.writeValueAsString(Map.of("records", gateway.records(2),
                "stats", gateway.apim.stats(), "unknown", gateway.apim.unknownPolicyElements()));

        assertThat(shown).contains("\"subscription\":\"smoke\"", "\"keySource\":\"query\"", "\"keySource\":\"header\"",
                "\"bearerAttached\":true", "\"backendUrl\":\"" + gateway.frontDoor.url() + "/openai/deployments/");
        assertThat(shown).doesNotContain(ACTIVE_KEY).doesNotContain(gateway.identity.issuedTokens().get(0));
    }

    @Test
    void failingIdentityEndpointMakesTheRequestFailWithApimsInternalError(Vertx vertx) throws Exception {
        RecordingBackend account = Gateway.await(RecordingBackend.start(vertx, Responders.chatCompletion("x", 1)));
        Gateway gateway = Gateway.start(vertx, new ApimTopology(), Responders.chatCompletion("eastus", 20));
        ApimEmulator wrongHeader = Gateway.await(ApimEmulator.start(vertx, new ApimTopology().build(),
                new ApimBackends(java.net.URI.create(account.url()), Map.of(), java.net.URI.create(gateway.identity.url()),
                        "not-the-identity-header", null)));

        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(wrongHeader.apiUrl() + "/deployments/gpt-4o/chat/completions")
                .putHeader("api-key", ACTIVE_KEY);
        String answer = Gateway.await(Futures.onEventLoop(vertx, () -> client.request(options)
                .compose(r -> r.send(Buffer.buffer(BODY)))
                .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))));

        assertThat(answer).startsWith("500 ").contains("\"message\":\"Internal server error\"", "\"activityId\"");
        assertThat(account.received()).isEmpty();
    }
}
