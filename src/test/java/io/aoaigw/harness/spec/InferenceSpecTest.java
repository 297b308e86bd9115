package io.aoaigw.harness.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.Endpoints;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.testsupport.TrustedClients;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published inference spec as the oracle: every data-plane answer of the embedded topology, from an account
 * directly, through Front Door and through APIM, validates against the 2024-10-21 inference spec; and the validator
 * does find a violation.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class InferenceSpecTest {
    private static final String VERSION = "?api-version=2024-10-21";
    private static final String CHAT = "/openai/deployments/gpt-4o/chat/completions" + VERSION;
    private static final String EMBEDDINGS = "/openai/deployments/text-embedding-3-small/embeddings" + VERSION;
    private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":8";
    private static final Map<String, String> REQUESTS = Map.of(
            "chat", HELLO + "}",
            "stream", HELLO + ",\"stream\":true}",
            "stream with usage", HELLO + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
            "missing messages", "{\"max_tokens\":8}",
            "unknown deployment", HELLO + "}");

    @Test
    void everyAnswerOfAnAccountAndThroughFrontDoorAndApimValidatesAgainstTheSpec(EmbeddedTopology embedded)
            throws Exception {
        Endpoints endpoints = embedded.endpoints();
        Endpoints.Account account = endpoints.accounts().get(0);
        String apimHeader = embedded.topology().apim().api().subscriptionKey().header();
        String apimKey = endpoints.apim().subscriptions().stream().filter(s -> "active".equals(s.state()))
                .findFirst().orElseThrow().primaryKey();
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (String[] entry : List.of(new String[] {account.endpoint(), "api-key", account.apiKey()},
                new String[] {endpoints.frontDoor().endpointUrl(), "api-key", account.apiKey()},
                new String[] {endpoints.apim().gatewayUrl(), apimHeader, apimKey})) {
            for (Map.Entry<String, String> request : REQUESTS.entrySet()) {
                String path = request.getKey().equals("unknown deployment")
                        ? CHAT.replace("gpt-4o", "no-such-deployment") : CHAT;
                problems.addAll(check(embedded, entry[0], path, entry[1], entry[2], request.getValue()));
                validated++;
            }
            problems.addAll(check(embedded, entry[0], EMBEDDINGS, entry[1], entry[2], "{\"input\":\"Hello\"}"));
            validated++;
        }
        assertThat(validated).isEqualTo(18);
        assertThat(problems).as("answers that do not match the inference spec 2024-10-21").isEmpty();
    }

    @Test
    void theValidatorFindsAnAnswerThatBreaksTheSpec() {
        String broken = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":\"yesterday\","
                + "\"model\":\"gpt-4o\",\"choices\":\"none\"}";
        assertThat(InferenceSpec.get().validate(CHAT, 200, "application/json", broken)).isNotEmpty();
        String brokenFrame = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":\"first\",\"delta\":{}}]}\n\ndata: [DONE]\n\n";
        assertThat(InferenceSpec.get().validate(CHAT, 200, "text/event-stream", brokenFrame)).isNotEmpty();
        assertThat(InferenceSpec.get().covers("/openai/deployments/x/audio/unknown")).isFalse();
    }

    @Test
    void theRestAssuredFilterPassesConformingAnswers(EmbeddedTopology embedded) {
        Endpoints.Account account = embedded.endpoints().accounts().get(0);
        RequestSpecification spec = new RequestSpecBuilder().setBaseUri(account.endpoint())
                .setConfig(TrustedClients.restAssured(embedded.trust()))
                .setContentType(ContentType.JSON).addHeader("api-key", account.apiKey())
                .addFilter(new SpecValidationFilter()).build();

        int status = io.restassured.RestAssured.given(spec).body(HELLO + "}").post(CHAT).statusCode();

        assertThat(status).isEqualTo(200);
    }

    private List<String> check(EmbeddedTopology embedded, String base, String path, String header, String key,
                               String body) throws Exception {
        HttpResponse<String> answer = TrustedClients.jdk(embedded.trust()).send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json").header(header, key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String contentType = answer.headers().firstValue("content-type").orElse("");
        List<String> problems = new ArrayList<>();
        InferenceSpec.get().validate(path, answer.statusCode(), contentType, answer.body())
                .forEach(p -> problems.add(base + " " + p));
        return problems;
    }
}
