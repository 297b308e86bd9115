package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prompts files (issue 17): the Batch API and bare-body forms, request classes, bad lines, order and body rules. */
class PromptFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("scenarios/load/prompts/example.jsonl");
    private static final String SECRET_PROMPT = "the-owners-confidential-prompt";
    private static final String GOOD = "{\"custom_id\":\"a-1\",\"method\":\"POST\",\"url\":\"/chat/completions\","
            + "\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"" + SECRET_PROMPT + "\"}]}}";

    @Test
    void theShippedExampleMixesTheShapesOfRealTraffic() {
        List<Prompt> prompts = PromptFile.read(EXAMPLE);

        Map<String, Integer> perClass = new TreeMap<>();
        prompts.forEach(p -> perClass.merge(p.requestClass(), 1, Integer::sum));
        assertThat(perClass).containsOnlyKeys("long", "multi-turn", "short", "system", "tools");
        assertThat(prompts).allMatch(p -> p.promptTokens() > 0 && p.promptChars() > 0);
        int longest = prompts.stream().filter(p -> p.requestClass().equals("long")).mapToInt(Prompt::promptTokens)
                .min().orElseThrow();
        int shortest = prompts.stream().filter(p -> p.requestClass().equals("short")).mapToInt(Prompt::promptTokens)
                .max().orElseThrow();
        assertThat(longest).as("long prompts are long").isGreaterThan(20 * shortest);
        assertThat(prompts).anyMatch(p -> p.body().has("tools"))
                .anyMatch(p -> p.body().path("messages").size() > 4)
                .anyMatch(p -> p.body().path("messages").path(0).path("role").asText().equals("system"));
    }

    @Test
    void aBareBodyIsOneRequestOfClassPlainAndBlankLinesAreSkipped(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("p.jsonl"), GOOD + "\n\n{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"hi\"}]}\n");

        List<Prompt> prompts = PromptFile.read(f);

        assertThat(prompts).extracting(Prompt::requestClass).containsExactly("a", "plain");
        assertThat(prompts).extracting(Prompt::line).containsExactly(1, 3);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"messages\": [ |not JSON (column",
        "[1, 2]|not a JSON object",
        "{\"custom_id\":\"a-2\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{}}|url: must be",
        "{\"custom_id\":\"a-2\",\"method\":\"GET\",\"url\":\"/chat/completions\",\"body\":{}}|method: must be POST",
        "{\"custom_id\":\"a-2\",\"method\":\"POST\",\"url\":\"/chat/completions\"}|body: required",
        "{\"custom_id\":\"a-1\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":{}}|custom_id: 'a-1'",
        "{\"custom_id\":\"a-2\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":{}}|body.messages: required",
        "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}|body.messages[0].role: must be one of",
        "{\"custom_id\":\"a-2\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"extra\":1}|extra: unknown"
    })
    void aBadLineIsNamedByFileAndLineWithoutPromptText(String line, String problem, @TempDir Path dir)
            throws IOException {
        Path f = Files.writeString(dir.resolve("p.jsonl"), GOOD + "\n" + line + "\n");

        assertThatThrownBy(() -> PromptFile.read(f)).isInstanceOf(LoadProfileException.class)
                .hasMessageStartingWith(f + ":2: " + problem).hasMessageNotContaining(SECRET_PROMPT)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyFileOrADirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThatThrownBy(() -> PromptFile.read(empty)).hasMessage(empty + ": prompts: no request in the file");
        assertThatThrownBy(() -> PromptFile.read(dir)).hasMessage(dir + ": prompts: not a regular file");
    }

    @Test
    void streamingIsForcedOnAndTheAnswerLengthCapped() throws IOException {
        List<Prompt> prompts = PromptFile.read(EXAMPLE);
        PromptReplay replay = new PromptReplay(prompts, new LoadProfile.Prompts("f", null, null, null), 100);

        for (Prompt p : prompts) {
            JsonNode body = JSON.readTree(replay.prepare(p.body()).toString());
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
            int asked = p.body().path("max_tokens").asInt(Integer.MAX_VALUE);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(Math.min(asked, 100));
            assertThat(body.path("messages")).isEqualTo(p.body().path("messages"));
        }
        PromptReplay asWritten = new PromptReplay(prompts, new LoadProfile.Prompts("f", null, null, false), 100);
        assertThat(asWritten.prepare(prompts.get(0).body()).has("stream")).as("left as written").isFalse();
        assertThat(prompts.get(0).body().has("max_tokens")).isTrue();
        assertThat(prompts.get(0).body().path("max_tokens").asInt()).as("the file's body is not changed").isEqualTo(20);
    }

    @Test
    void sequentialFollowsTheFileAndShuffledRepeatsForTheSameSeed() {
        List<Prompt> prompts = PromptFile.read(EXAMPLE);
        List<Integer> sequential = lines(prompts, LoadProfile.Prompts.Order.sequential, 1L, 2 * prompts.size());
        assertThat(sequential.subList(0, prompts.size())).isSorted()
                .isEqualTo(sequential.subList(prompts.size(), 2 * prompts.size()));

        List<Integer> shuffled = lines(prompts, LoadProfile.Prompts.Order.shuffled, 7L, 3 * prompts.size());
        assertThat(lines(prompts, LoadProfile.Prompts.Order.shuffled, 7L, 3 * prompts.size())).isEqualTo(shuffled);
        assertThat(lines(prompts, LoadProfile.Prompts.Order.shuffled, 8L, 3 * prompts.size())).isNotEqualTo(shuffled);
        assertThat(shuffled.subList(0, prompts.size())).isNotEqualTo(sequential.subList(0, prompts.size()))
                .containsExactlyInAnyOrderElementsOf(sequential.subList(0, prompts.size()));
    }

    /** The file lines handed out, found by each body's messages. */
    private static List<Integer> lines(List<Prompt> prompts, LoadProfile.Prompts.Order order, long seed, int n) {
        PromptReplay replay = new PromptReplay(prompts, new LoadProfile.Prompts("f", order, seed, null), 1000);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                JsonNode messages = JSON.readTree(replay.next().body()).path("messages");
                out.add(prompts.stream().filter(p -> p.body().path("messages").equals(messages)).findFirst()
                        .orElseThrow().line());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }
}
