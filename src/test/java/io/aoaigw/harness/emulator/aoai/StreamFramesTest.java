package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A streamed chat answer over raw HTTP: Azure's frame kinds, in Azure's order, with Azure's fields. */
@ExtendWith(DefaultAccountPerClass.class)
class StreamFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void streamStartsWithPromptFilterResultsThenRoleThenContentThenFinishThenUsageThenDone(RunningAccount account)
            throws Exception {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"), RunningAccount
                .chatBody("Name three rivers.", ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = RunningAccount.events(response.body());
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> frames = parse(events.subList(0, events.size() - 1));

        JsonNode first = frames.get(0);
        assertThat(first.get("choices")).isEmpty();
        assertThat(first.get("id").asText()).isEmpty();
        assertThat(first.get("created").asLong()).isZero();
        JsonNode promptFilter = first.get("prompt_filter_results").get(0);
        assertThat(promptFilter.get("prompt_index").asInt()).isZero();
        // the default filter's four categories, as recorded (jailbreak only with full annotations)
        assertThat(promptFilter.path("content_filter_results").has("jailbreak")).isFalse();
        assertThat(promptFilter.at("/content_filter_results/hate/severity").asText()).isEqualTo("safe");

        JsonNode role = frames.get(1);
        assertThat(role.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        String id = role.get("id").asText();
        assertThat(id).startsWith("chatcmpl-");

        List<JsonNode> content = frames.subList(2, frames.size() - 2);
        assertThat(content).isNotEmpty().allSatisfy(frame -> {
            assertThat(frame.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(frame.get("id").asText()).isEqualTo(id);
            assertThat(frame.get("model").asText()).isEqualTo("gpt-4o-2024-08-06");
            assertThat(frame.get("system_fingerprint").asText()).startsWith("fp_");
            assertThat(frame.at("/choices/0/delta/content").asText()).isNotEmpty();
            assertThat(frame.at("/choices/0/finish_reason").isNull()).isTrue();
            assertThat(frame.at("/choices/0/content_filter_results/violence/filtered").asBoolean(true)).isFalse();
            assertThat(frame.has("usage") && frame.get("usage").isNull()).isTrue();
        });

        JsonNode finish = frames.get(frames.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/choices/0/delta").isEmpty()).isTrue();

        JsonNode usage = frames.get(frames.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        String text = content.stream().map(f -> f.at("/choices/0/delta/content").asText())
                .reduce("", String::concat);
        int counted = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE).countTokens(text);
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(content.size()).isEqualTo(counted);
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(
                usage.at("/usage/prompt_tokens").asInt() + counted);
    }

    @Test
    void withoutIncludeUsageNoFrameCarriesAUsageField(RunningAccount account) throws Exception {
        HttpResponse<String> response = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                RunningAccount.chatBody("Name three lakes.", ",\"stream\":true"));

        List<String> events = RunningAccount.events(response.body());
        List<JsonNode> frames = parse(events.subList(0, events.size() - 1));
        assertThat(frames).noneMatch(frame -> frame.has("usage"));
        assertThat(frames.get(frames.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void twoAnswersOfOneDeploymentShareTheirFramesButNotTheirIdentity(RunningAccount account) throws Exception {
        String body = RunningAccount.chatBody("Name a sea.", ",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
        List<JsonNode> one = answerFrames(account, body);
        List<JsonNode> two = answerFrames(account, body);

        for (List<JsonNode> frames : List.of(one, two)) {
            List<JsonNode> afterPromptFilter = frames.subList(1, frames.size());
            assertThat(afterPromptFilter).extracting(f -> f.get("id").asText()).containsOnly(
                    afterPromptFilter.get(0).get("id").asText());
            assertThat(afterPromptFilter).extracting(f -> f.get("created").asLong()).containsOnly(
                    afterPromptFilter.get(0).get("created").asLong()).doesNotContain(0L);
        }
        assertThat(one.get(1).get("id")).isNotEqualTo(two.get(1).get("id"));
        assertThat(two.get(two.size() - 1).at("/usage/completion_tokens").asInt()).isEqualTo(two.size() - 4);
    }

    private static List<JsonNode> answerFrames(RunningAccount account, String body) throws Exception {
        List<String> events = RunningAccount.events(account.postWithKey(RunningAccount.chatPath("gpt-4o"), body)
                .body());
        return parse(events.subList(0, events.size() - 1));
    }

    @Test
    void streamedAndWholeAnswersToTheSameMessagesCarryTheSameText(RunningAccount account) throws Exception {
        String body = RunningAccount.chatBody("Describe a harbour.", "");
        HttpResponse<String> whole = account.postWithKey(RunningAccount.chatPath("gpt-4o"), body);
        HttpResponse<String> streamed = account.postWithKey(RunningAccount.chatPath("gpt-4o"),
                body.substring(0, body.length() - 1) + ",\"stream\":true}");

        JsonNode completion = JSON.readTree(whole.body());
        List<String> events = RunningAccount.events(streamed.body());
        String streamedText = parse(events.subList(2, events.size() - 1)).stream()
                .map(f -> f.at("/choices/0/delta/content").asText("")).reduce("", String::concat);
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(streamedText).isNotBlank();
        assertThat(completion.at("/prompt_filter_results/0/content_filter_results/sexual/filtered").isBoolean())
                .isTrue();
        assertThat(completion.at("/choices/0/content_filter_results/self_harm/severity").asText()).isEqualTo("safe");
        assertThat(whole.headers().firstValue("x-ratelimit-remaining-tokens")).isPresent();
        assertThat(whole.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
    }

    private static List<JsonNode> parse(List<String> events) throws Exception {
        List<JsonNode> frames = new java.util.ArrayList<>();
        for (String event : events) {
            frames.add(JSON.readTree(event));
        }
        return frames;
    }
}
