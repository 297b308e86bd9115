package io.aoaigw.harness.emulator.apim;

import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.ACTIVE_KEY;
import static io.aoaigw.harness.emulator.apim.testsupport.ApimTopology.OTHER_ACTIVE_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aoaigw.harness.emulator.apim.testsupport.ApimTopology;
import io.aoaigw.harness.emulator.apim.testsupport.Gateway;
import io.aoaigw.harness.emulator.apim.testsupport.Responders;
import io.aoaigw.harness.emulator.apim.testsupport.VertxPerTest;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rate-limit-by-key and azure-openai-token-limit: APIM's own 429s, with Retry-After. */
@ExtendWith(VertxPerTest.class)
class LimitPoliciesAcceptanceTest {
    private static final String CHAT = "/deployments/gpt-4o/chat/completions";
    private static final String SHORT = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static ApimTopology reportingTokensConsumed() {
        return new ApimTopology().inbound("<azure-openai-token-limit counter-key=\"@(context.Subscription.Id)\""
                + " tokens-per-minute=\"1000\" estimate-prompt-tokens=\"true\""
                + " tokens-consumed-header-name=\"x-tokens-consumed\" />");
    }

    private static RequestSpecification keyed(Gateway gateway, String key, String body) {
        return new RequestSpecBuilder().setBaseUri(gateway.apim.apiUrl()).setContentType(ContentType.JSON)
                .addHeader("api-key", key).setBody(body).build();
    }

    @Test
    void rateLimitByKeyRefusesCallsOverTheLimitPerSubscriptionWithRetryAfter(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound("<rate-limit-by-key calls=\"2\""
                + " renewal-period=\"60\" counter-key=\"@(context.Subscription.Id)\""
                + " remaining-calls-header-name=\"x-remaining\" />"), Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200)
                .header("x-remaining", "1");
        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200)
                .header("x-remaining", "0");
        given().spec(keyed(gateway, ACTIVE_KEY, SHORT))
                .when().post(CHAT)
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("statusCode", equalTo(429))
                .body("message", matchesPattern("Rate limit is exceeded\\. Try again in [1-9][0-9]? seconds\\."));
        given().spec(keyed(gateway, OTHER_ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200);

        assertThat(gateway.frontDoor.received()).hasSize(3);
        gateway.records(4);
        assertThat(gateway.apim.stats().throttled()).isEqualTo(1);
    }

    @Test
    void rateLimitByClientIpCountsEveryCallerFromThatAddressTogether(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound("<rate-limit-by-key calls=\"1\""
                + " renewal-period=\"30\" counter-key=\"@(context.Request.IpAddress)\" />"),
                Responders.chatCompletion("eastus", 20));

        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200);
        given().spec(keyed(gateway, OTHER_ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
    }

    @Test
    void tokenLimitRefusesAPromptEstimatedAboveTheRemainingTokens(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound("<azure-openai-token-limit"
                + " counter-key=\"@(context.Subscription.Id)\" tokens-per-minute=\"100\" estimate-prompt-tokens=\"true\""
                + " remaining-tokens-header-name=\"x-remaining-tokens\" />"), Responders.chatCompletion("eastus", 20));
        String longPrompt = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "lorem ipsum ".repeat(100) + "\"}]}";

        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200)
                .header("x-remaining-tokens", matchesPattern("[0-9]+"));
        given().spec(keyed(gateway, ACTIVE_KEY, longPrompt))
                .when().post(CHAT)
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("message", matchesPattern("Token limit is exceeded\\. Try again in [1-9][0-9]? seconds\\."));
        assertThat(gateway.frontDoor.received()).hasSize(1);
    }

    @Test
    void tokenLimitWithoutEstimationBlocksOnceTheAnswersUsageReachedTheLimit(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound("<azure-openai-token-limit"
                + " counter-key=\"@(context.Subscription.Id)\" tokens-per-minute=\"150\" estimate-prompt-tokens=\"false\""
                + " retry-after-header-name=\"x-retry\" />"), Responders.chatCompletion("eastus", 100));

        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200);
        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200);
        given().spec(keyed(gateway, ACTIVE_KEY, SHORT))
                .when().post(CHAT)
                .then().statusCode(429).header("x-retry", matchesPattern("[1-9][0-9]?"));
        given().spec(keyed(gateway, OTHER_ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200);
    }

    @Test
    void streamingRequestsAreAlwaysEstimated(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().inbound("<azure-openai-token-limit"
                + " counter-key=\"@(context.Subscription.Id)\" tokens-per-minute=\"50\" estimate-prompt-tokens=\"false\" />"),
                Responders.sseStream(vertx, 2, 10));
        String longStream = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "lorem ipsum ".repeat(60) + "\"}]}";

        given().spec(keyed(gateway, ACTIVE_KEY, longStream)).when().post(CHAT).then().statusCode(429);
        assertThat(gateway.frontDoor.received()).isEmpty();
    }

    @Test
    void tokensConsumedHeaderCarriesPromptAndCompletionAsTheAnswerReported(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, reportingTokensConsumed(), Responders.chatCompletion("eastus", 137));

        // the answer's usage.total_tokens (137), not the prompt estimate of "hi" (a handful)
        given().spec(keyed(gateway, ACTIVE_KEY, SHORT)).when().post(CHAT).then().statusCode(200)
                .header("x-tokens-consumed", "137").body("usage.total_tokens", equalTo(137));
    }

    @Test
    void aStreamsTokensConsumedHeaderLeavesBeforeItsUsageSoCarriesThePromptEstimate(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, reportingTokensConsumed(), Responders.sseStream(vertx, 3, 5));
        String stream = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        String consumed = given().spec(keyed(gateway, ACTIVE_KEY, stream)).when().post(CHAT).then().statusCode(200)
                .body(containsString("data: [DONE]")).extract().header("x-tokens-consumed");
        assertThat(Long.parseLong(consumed)).isBetween(1L, 20L);
    }

    @Test
    void counterKeyWithoutValueFailsLikeApimsExpressionError(Vertx vertx) throws Exception {
        Gateway gateway = Gateway.start(vertx, new ApimTopology().withOpenProduct().inbound("<rate-limit-by-key"
                + " calls=\"5\" renewal-period=\"60\" counter-key=\"@(context.Subscription.Id)\" />"),
                Responders.chatCompletion("eastus", 20));

        given().baseUri(gateway.apim.apiUrl()).contentType(ContentType.JSON).body(SHORT)
                .when().post(CHAT)
                .then().statusCode(500).body("message", equalTo("Internal server error"));
    }
}
