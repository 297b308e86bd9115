package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.topology.ContentFilter;
import io.aoaigw.harness.topology.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code contentFilter.streaming: chunks}: the same text and usage, in frames of several tokens. */
class StreamChunksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void chunkedStreamCarriesTheSameTextInFramesOfChunkTokens() throws Exception {
        Deployment tokens = TestAccounts.gpt4o(1_000_000, 100_000, 20, 20);
        Deployment chunks = tokens.withContentFilter(new ContentFilter(ContentFilter.Streaming.chunks, 8, null));
        String body = RunningAccount.chatBody("Name three rivers.",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
        List<String> perToken;
        List<String> perChunk;
        int usageTokens;
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(TestAccounts.FAST, tokens))) {
            perToken = contents(account.postWithKey(RunningAccount.chatPath("gpt-4o"), body).body());
        }
        try (RunningAccount account = RunningAccount.start(TestAccounts.account(TestAccounts.FAST, chunks))) {
            String answer = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body).body();
            perChunk = contents(answer);
            List<String> events = RunningAccount.events(answer);
            usageTokens = JSON.readTree(events.get(events.size() - 2)).at("/usage/completion_tokens").asInt();
            assertThat(account.emulator.counters().completionTokens()).isEqualTo(20);
        }

        assertThat(perToken).hasSize(20);
        assertThat(perChunk).hasSize(3); // 8 + 8 + 4 tokens
        assertThat(String.join("", perChunk)).isEqualTo(String.join("", perToken));
        assertThat(usageTokens).isEqualTo(20);
    }

    private static List<String> contents(String sse) throws Exception {
        List<String> contents = new ArrayList<>();
        for (String event : RunningAccount.events(sse)) {
            if (event.equals("[DONE]")) {
                continue;
            }
            JsonNode delta = JSON.readTree(event).at("/choices/0/delta");
            if (delta.has("content") && !delta.has("role")) {
                contents.add(delta.get("content").asText());
            }
        }
        return contents;
    }
}
