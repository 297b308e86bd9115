package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.RateLimit;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The answers no recording of the corpus shows, shaped after documentation and public reports (docs/emulator.md,
 * Sources): api-version validation, context length, the 429 variants, and the model's own validation errors.
 */
class AzureDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = RunningAccount.chatBody("Hello.", "");

    private static String chat(String apiVersion) {
        return "/openai/deployments/gpt-4o/chat/completions?api-version=" + apiVersion;
    }

    @Test
    void anApiVersionOutsideThePublishedSpecsIsABadRequest() throws Exception {
        try (RunningAccount account = RunningAccount.start(TestAccounts.account())) {
            HttpResponse<String> retired = account.postWithKey(chat("2022-03-01"), HELLO);
            HttpResponse<String> served = account.postWithKey(chat("2024-06-01"), HELLO);

            assertThat(retired.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(retired.body()).get("error")).hasToString(
                    "{\"code\":\"BadRequest\",\"message\":\"API version not supported\"}");
            assertThat(served.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPromptOverTheContextWindowIsContextLengthExceededWithTheRemainingQuota() throws Exception {
        Deployment small = new Deployment("gpt-4o", "gpt-4o", "2024-08-06", Deployment.Kind.chat, null, 1_000_000,
                1_000, null, new Deployment.Completion(5, 10), null, 40, null, null, null);
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(TestAccounts.FAST, small))) {
            HttpResponse<String> longPrompt = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                    RunningAccount.chatBody("word ".repeat(60), ""));
            HttpResponse<String> withMax = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                    RunningAccount.chatBody("Hello.", ",\"max_tokens\":100"));

            for (HttpResponse<String> response : java.util.List.of(longPrompt, withMax)) {
                assertThat(response.statusCode()).isEqualTo(400);
                JsonNode error = JSON.readTree(response.body()).get("error");
                assertThat(error.get("code").asText()).isEqualTo("context_length_exceeded");
                assertThat(error.get("param").asText()).isEqualTo("messages");
                assertThat(error.get("message").asText()).startsWith("This model's maximum context length is 40 "
                        + "tokens. However, ");
                assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).isPresent();
                assertThat(response.headers().firstValue("ms-azureml-model-error-reason")).hasValue("model_error");
            }
            assertThat(JSON.readTree(withMax.body()).at("/error/message").asText()).contains("in the completion");
        }
    }

    @Test
    void the429ComesInTheNewerWordingWithoutRetryAfterMsWhenTheDeploymentSaysSo() throws Exception {
        Deployment newer = TestAccounts.gpt4o().withRateLimit(new RateLimit(null, null, null,
                RateLimit.Wording.newer, false));
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(TestAccounts.FAST, newer))) {
            account.emulator.setFaults(new Faults(null, null, null, null, null, 1, 2_500)).await();
            HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), HELLO);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(response.body()).at("/error/message").asText()).isEqualTo("Requests to the"
                    + " ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token"
                    + " rate limit of your current AIServices S0 pricing tier. Please retry after 3 seconds. Please"
                    + " contact Azure support service if you would like to further increase the default rate limit.");
            assertThat(response.headers().firstValue("retry-after")).hasValue("3");
            assertThat(response.headers().firstValue("retry-after-ms")).isEmpty();
            assertThat(response.headers().firstValue("x-ms-retry-after-ms")).isEmpty();
        }
    }

    @Test
    void theOlderWordingWithRetryAfterMsIsTheDefault() throws Exception {
        try (RunningAccount account = RunningAccount.start(TestAccounts.account())) {
            account.emulator.setFaults(new Faults(null, null, null, null, null, 1, 2_500)).await();
            HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), HELLO);

            assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains(
                    "current OpenAI S0 pricing tier", "Please go here: https://aka.ms/oai/quotaincrease");
            assertThat(response.headers().firstValue("retry-after-ms")).hasValue("2500");
            assertThat(response.headers().firstValue("apim-operation-name")).hasValue("ChatCompletions_Create");
        }
    }

    @Test
    void maxCompletionTokensIsUnrecognisedBeforeItsApiVersion() throws Exception {
        String body = RunningAccount.chatBody("Hello.", ",\"max_completion_tokens\":10");
        try (RunningAccount account = RunningAccount.start(TestAccounts.account())) {
            HttpResponse<String> early = account.postWithKey(chat("2024-09-01-preview"), body);
            HttpResponse<String> later = account.postWithKey(chat("2024-10-21"), body);

            assertThat(early.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(early.body()).at("/error/message").asText())
                    .isEqualTo("Unrecognized request argument supplied: max_completion_tokens");
            assertThat(later.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusalAndUsageDetailsFollowTheApiVersion() throws Exception {
        try (RunningAccount account = RunningAccount.start(TestAccounts.account())) {
            JsonNode old = JSON.readTree(account.postWithKey(chat("2024-03-01-preview"), HELLO).body());
            JsonNode recent = JSON.readTree(account.postWithKey(chat("2025-01-01-preview"), HELLO).body());

            assertThat(old.at("/choices/0/message").has("refusal")).isFalse();
            assertThat(old.get("usage").has("completion_tokens_details")).isFalse();
            assertThat(recent.at("/choices/0/message").has("refusal")).isTrue();
            assertThat(recent.at("/usage/prompt_tokens_details/cached_tokens").asInt(-1)).isZero();
        }
    }
}
