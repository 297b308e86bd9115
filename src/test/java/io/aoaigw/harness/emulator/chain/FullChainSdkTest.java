package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import io.aoaigw.harness.testsupport.TrustedClients;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official SDK through the whole embedded chain (APIM → Front Door → accounts), unchanged: Azure mode, endpoint =
 * the gateway, key = a subscription key sent as {@code api-key} (the API's renamed key header).
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class FullChainSdkTest {
    private OpenAIClient client;

    @BeforeEach
    void client(EmbeddedTopology embedded) {
        // a fresh chain's first call also fetches APIM's token and the accounts' JWKS: keep that out of timings
        org.assertj.core.api.Assertions.assertThat(new ChainClient(embedded).chat("smoke", 1).status()).isEqualTo(200);
        client = TrustedClients.openAi(embedded.trust())
                .baseUrl(embedded.endpoints().apim().gatewayUrl())
                .credential(AzureApiKeyCredential.create(new ChainClient(embedded).key("smoke")))
                // the SDK recognises Azure by host name; on loopback the legacy /openai/deployments paths are explicit
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
        // and the one-off TLS handshakes (the SDK's connection, Front Door's to each origin it picks) out of them too
        for (int i = 0; i < 3; i++) {
            try (StreamResponse<ChatCompletionChunk> warm = client.chat().completions().createStreaming(params()
                    .maxCompletionTokens(2).build())) {
                warm.stream().forEach(chunk -> { });
            }
        }
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void nonStreamingChatCompletesWithUsage(EmbeddedTopology embedded) {
        ChatCompletion completion = client.chat().completions().create(params().maxCompletionTokens(20).build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c).isNotBlank());
        assertThat(completion.choices().get(0).finishReason()).hasToString("length");
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(20));
    }

    @Test
    void streamedFirstTokenArrivesAtTimeToFirstTokenNotAtTheEnd(EmbeddedTopology embedded) {
        int maxTokens = 40;
        long sent = System.nanoTime();
        AtomicLong firstToken = new AtomicLong();
        AtomicReference<Long> completionTokens = new AtomicReference<>();
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params()
                .maxCompletionTokens(maxTokens)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> choice.delta().content().filter(c -> !c.isEmpty()).ifPresent(c -> {
                    firstToken.compareAndSet(0, System.nanoTime());
                    text.append(c);
                }));
                chunk.usage().ifPresent(u -> completionTokens.set(u.completionTokens()));
            });
        }
        long end = System.nanoTime();

        assertThat(completionTokens.get()).isEqualTo(maxTokens);
        assertThat(text).isNotEmpty();
        // the slowest account's schedule: first token at its TTFT, then (n-1) tokens at its inter-token interval;
        // streaming is intact when the first token comes well before the last (buffering makes the share ~1)
        double share = (double) (firstToken.get() - sent) / (end - sent);
        assertThat(share).as("time to first token / total time").isLessThan(0.5);
        Set<Integer> ttfts = embedded.topology().accounts().stream()
                .map(a -> a.latency().timeToFirstTokenMs()).collect(Collectors.toSet());
        long ttftMs = (firstToken.get() - sent) / 1_000_000;
        assertThat(ttftMs).as("time to first token (ms)").isGreaterThanOrEqualTo(
                ttfts.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }

    private static ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello through APIM");
    }
}
