package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.LatencyModel;
import io.aoaigw.harness.topology.RateLimit;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-deployment TPM and RPM quotas over the sliding window, with Azure's 429 answer. */
class RateLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LatencyModel INSTANT = new LatencyModel(0, 0, 0);
    private static final Duration WINDOW = EmulatorSettings.DEFAULTS.rateLimitWindow();
    private static final int MAX_TOKENS = 200;

    @Test
    void tokenLimitTripsWithinFivePercentOfTheWindowsShareOfTheQuota() throws Exception {
        int tpm = 60_000;
        // the earlier sliding-window model, kept as a deployment option; the per-minute model: MinuteTokenLimitTest
        Deployment deployment = TestAccounts.gpt4o(tpm, 1_000_000, 20, 40)
                .withRateLimit(RateLimit.slidingWindow((int) WINDOW.toSeconds()));
        long allowance = tpm * WINDOW.toMillis() / 60_000;
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(INSTANT, deployment))) {
            String body = RunningAccount.chatBody("Count the sheep.", ",\"max_tokens\":" + MAX_TOKENS);
            long admittedTokens = 0;
            HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
            String firstId = response.headers().firstValue("x-request-id").orElseThrow();
            long lastRemaining = Long.MAX_VALUE;
            while (response.statusCode() == 200) {
                admittedTokens += JSON.readTree(response.body()).at("/usage/prompt_tokens").asLong() + MAX_TOKENS;
                long remaining = Long.parseLong(response.headers().firstValue("x-ratelimit-remaining-tokens")
                        .orElseThrow());
                assertThat(remaining).isLessThan(lastRemaining);
                lastRemaining = remaining;
                response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
            }

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(admittedTokens).isBetween(Math.round(allowance * 0.95), Math.round(allowance * 1.05));
            assertAzure429(response, "token rate limit", "DeploymentRatelimit-Token");
            // the oldest admission leaves the window first, and it alone frees enough for an equal request
            GroundTruth truth = account.emulator.groundTruth();
            long firstArrival = truth.find(firstId).orElseThrow().arrivalEpochMicros();
            long refusedArrival = truth.find(response.headers().firstValue("x-request-id").orElseThrow())
                    .orElseThrow().arrivalEpochMicros();
            long expectedWaitMs = (firstArrival + WINDOW.toNanos() / 1000 - refusedArrival) / 1000;
            assertThat(retryAfterMs(response)).isBetween(expectedWaitMs, expectedWaitMs + 1)
                    .isLessThanOrEqualTo(WINDOW.toMillis());
        }
    }

    @Test
    void requestLimitTripsAtTheWindowsShareOfRequestsPerMinute() throws Exception {
        int rpm = 60;
        Deployment deployment = TestAccounts.gpt4o(1_000_000, rpm, 5, 10);
        long allowance = rpm * WINDOW.toMillis() / 60_000;
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(INSTANT, deployment))) {
            int admitted = 0;
            HttpResponse<String> response;
            while ((response = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                    RunningAccount.chatBody("Hi.", ",\"max_tokens\":5"))).statusCode() == 200) {
                admitted++;
            }

            assertThat(admitted).isEqualTo(allowance);
            assertAzure429(response, "call rate limit", "DeploymentRatelimit-Call");
            assertThat(account.emulator.counters().throttled()).isEqualTo(1);
        }
    }

    @Test
    void windowIsASettingAndScalesTheAllowance() throws Exception {
        int rpm = 60;
        Deployment deployment = TestAccounts.gpt4o(1_000_000, rpm, 5, 10)
                .withRateLimit(new RateLimit(RateLimit.TokenModel.slidingWindow, null, null, null, null));
        Duration window = Duration.ofSeconds(5);
        Account account = TestAccounts.account(INSTANT, deployment);
        try (RunningAccount running = RunningAccount.start(account,
                EmulatorSettings.DEFAULTS.withRateLimitWindow(window))) {
            int admitted = 0;
            while (running.postWithKey(RunningAccount.chatPath("gpt-4o"),
                    RunningAccount.chatBody("Hi.", ",\"max_tokens\":5")).statusCode() == 200) {
                admitted++;
            }

            assertThat(admitted).isEqualTo(rpm * window.toSeconds() / 60);
        }
    }

    private static void assertAzure429(HttpResponse<String> response, String limit, String policyId)
            throws Exception {
        long retryAfterMs = retryAfterMs(response);
        assertThat(response.headers().firstValue("x-ms-retry-after-ms")).hasValue(String.valueOf(retryAfterMs));
        long retryAfter = Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
        assertThat(retryAfter).isEqualTo(Math.max(1, (retryAfterMs + 999) / 1000));
        assertThat(response.headers().firstValue("policy-id")).hasValue(policyId);
        assertThat(response.headers().firstValue("x-ms-region")).isPresent();
        assertThat(response.headers().firstValue("apim-request-id")).isPresent();
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("429");
        assertThat(error.get("message").asText())
                .startsWith("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                        + RunningAccount.API_VERSION + " have exceeded " + limit)
                .contains("Please retry after " + retryAfter + " second");
    }

    private static long retryAfterMs(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("retry-after-ms").orElseThrow());
    }
}
