package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.topology.LatencyModel;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a pay-as-you-go chat is charged against the TPM, as Microsoft's quota page says: its estimate, prompt tokens +
 * {@code max_tokens}, once, whatever the answer's length — so a capacity run's binding limit divides the TPM by the
 * estimate, not by the tokens the usage field reports (capacity.BindingLimit).
 */
class TokenEstimateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachChatIsChargedItsPromptPlusMaxTokensOnceNotItsAnswersLength() throws Exception {
        // answers of 20-40 tokens, max_tokens 600
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(new LatencyModel(0, 0, 0),
                TestAccounts.gpt4o(100_000, 100_000, 20, 40)))) {
            long before = 100_000;
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                        RunningAccount.chatBody("Chat " + i + ": count the sheep.", ",\"max_tokens\":600"));
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode usage = JSON.readTree(r.body()).path("usage");
                assertThat(usage.path("completion_tokens").asInt()).isBetween(20, 40);
                long remaining = Long.parseLong(r.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
                assertThat(before - remaining).isEqualTo(usage.path("prompt_tokens").asLong() + 600);
                before = remaining;
            }
        }
    }
}
