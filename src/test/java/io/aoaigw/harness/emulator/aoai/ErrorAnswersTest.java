package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error the account answers by itself, with Azure's status, body and headers. */
@ExtendWith(DefaultAccountPerClass.class)
class ErrorAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = RunningAccount.chatPath("gpt-4o");
    private static final String HELLO = RunningAccount.chatBody("Hello.", "");

    @Test
    void requestWithoutAnyCredentialIsUnauthorizedWithThePlatformsTokenMessage(RunningAccount account)
            throws Exception {
        HttpResponse<String> response = account.post(CHAT, HELLO);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(401);
        assertThat(body.get("message").asText()).isEqualTo("Unauthorized. Access token is missing, invalid, audience"
                + " is incorrect (https://cognitiveservices.azure.com), or have expired.");
        assertCommonHeaders(response);
    }

    @Test
    void wrongApiKeyIsUnauthorizedWithAzuresKeyMessage(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.post(CHAT, HELLO, "api-key", "0".repeat(32));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("401");
        assertThat(error.get("message").asText()).startsWith("Access denied due to invalid subscription key or wrong"
                + " API endpoint.");
        assertCommonHeaders(response);
    }

    @Test
    void secondKeyIsAcceptedLikeTheFirst(RunningAccount account) {
        HttpResponse<String> response = account.post(CHAT, HELLO, "api-key", account.emulator.account().keys().get(1));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownDeploymentIsDeploymentNotFound(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-5-nowhere"), HELLO);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("DeploymentNotFound");
        assertThat(error.get("message").asText()).startsWith("The API deployment for this resource does not exist.");
        assertCommonHeaders(response);
    }

    @Test
    void missingApiVersionIsResourceNotFound(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey("/openai/deployments/gpt-4o/chat/completions", HELLO);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body())).isEqualTo(
                JSON.readTree("{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}"));
        assertCommonHeaders(response);
    }

    @Test
    void unknownOperationPathIsResourceNotFound(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(
                "/openai/deployments/gpt-4o/images/generations?api-version=" + RunningAccount.API_VERSION, HELLO);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void invalidJsonIsABadRequestSayingTheBodyCouldNotBeParsed(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(CHAT, "{\"messages\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).startsWith("We could not parse the JSON body of your request.");
        assertCommonHeaders(response);
    }

    @Test
    void missingMessagesIsABadRequestNamingTheProperty(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(CHAT, "{\"max_tokens\": 10}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("'messages' is a required property");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void maxTokensBelowOneIsABadRequestNamingTheParameter(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(CHAT, RunningAccount.chatBody("Hi.", ",\"max_tokens\":0"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/param").asText()).isEqualTo("max_tokens");
    }

    @Test
    void chatOnAnEmbeddingsDeploymentIsOperationNotSupported(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("text-embedding-3-small"), HELLO);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("OperationNotSupported");
        assertThat(error.get("message").asText()).startsWith("The chatCompletion operation does not work with the"
                + " specified model, text-embedding-3-small.");
    }

    @Test
    void embeddingsOnAChatDeploymentIsOperationNotSupported(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(RunningAccount.embeddingsPath("gpt-4o"),
                "{\"input\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText())
                .startsWith("The embeddings operation does not work with the specified model, gpt-4o.");
    }

    @Test
    void healthProbeOutsideTheApiIsAnsweredWithoutCredentials(RunningAccount account) {
        HttpResponse<String> get = account.send(HttpRequest.newBuilder(account.uri("/status-0123456789abcdef"))
                .GET().build());
        HttpResponse<String> head = account.send(HttpRequest.newBuilder(account.uri("/status-0123456789abcdef"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEmpty();
        assertThat(head.statusCode()).isEqualTo(200);
        assertCommonHeaders(get);
    }

    @Test
    void probeOfAnyOtherPathOutsideTheApiIsNotFound(RunningAccount account) throws Exception {
        HttpResponse<String> get = account.send(HttpRequest.newBuilder(account.uri("/health")).GET().build());
        HttpResponse<String> head = account.send(HttpRequest.newBuilder(account.uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get.body()).at("/error/message").asText()).isEqualTo("Resource not found");
        assertThat(head.statusCode()).isEqualTo(404);
        assertCommonHeaders(get);
    }

    @Test
    void errorsAreRecordedInGroundTruthWithTheirCodeAndNoCredentialValue(RunningAccount account) {
        String wrongKey = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = account.post(CHAT, HELLO, "api-key", wrongKey);

        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        RequestRecord record = account.emulator.groundTruth().find(requestId).orElseThrow();
        assertThat(record.status()).isEqualTo(401);
        assertThat(record.errorCode()).isEqualTo("401");
        assertThat(record.carriedApiKey()).isTrue();
        assertThat(record.authKind()).isEqualTo(RequestRecord.AuthKind.NONE);
        assertThat(record.deployment()).isEqualTo("gpt-4o");
        assertThat(record.apiVersion()).isEqualTo(RunningAccount.API_VERSION);
        assertThat(record.toString()).doesNotContain(wrongKey);
    }

    /** As recorded live: the region's display name, and an apim-request-id of its own (both UUIDs). */
    private static void assertCommonHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("x-ms-region")).hasValue("Sweden Central");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(UUID.fromString(requestId)).isNotNull();
        String apimRequestId = response.headers().firstValue("apim-request-id").orElseThrow();
        assertThat(UUID.fromString(apimRequestId)).isNotEqualTo(UUID.fromString(requestId));
    }
}
