package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reading agrees with the tree reading it replaced (the definition in {@link StreamTimings}) on every
 * frame of the recorded Azure streams and on edge cases: field order, nesting, empty and non-string content, the
 * usage frame, text that is not JSON.
 */
class ChunkFactsTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<String> frames() throws IOException {
        List<String> frames = new ArrayList<>(List.of(
                "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"\"}}]}",
                "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}}]}",
                "{\"choices\":[{\"index\":0,\"content_filter_results\":{\"hate\":{\"filtered\":false}},"
                        + "\"delta\":{\"content\":\" world\"}}],\"id\":\"x\"}",
                "{\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":null}}]}",
                "{\"choices\":[{\"delta\":{\"content\":7}}]}",
                "{\"choices\":[{\"delta\":{\"content\":{\"text\":\"a\"}}}]}",
                "{\"choices\":[{\"delta\":{}},{\"delta\":{\"content\":\"second choice\"}}]}",
                "{\"choices\":[5,{\"delta\":{\"content\":\"b\"}}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":31,\"total_tokens\":40}}",
                "{\"usage\":{\"completion_tokens\":\"12\"},\"choices\":[]}",
                "{\"usage\":{\"completion_tokens\":null}}",
                "{\"usage\":null,\"choices\":[{\"delta\":{\"content\":\"c\"},\"finish_reason\":null}]}",
                "{\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}",
                "[DONE]", "", "not json", "{\"choices\":[", "[1,2]", "{} trailing"));
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/recordings"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (String line : Files.readString(file).split("\\\\n")) {
                    int at = line.indexOf("data: {");
                    if (at >= 0) {
                        frames.add(TREE.readTree("\"" + line.substring(at + 6) + "\"").asText());
                    }
                }
            }
        }
        return frames.stream();
    }

    @ParameterizedTest
    @MethodSource("frames")
    void agreesWithTheTreeReading(String frame) {
        JsonNode node = tree(frame);
        ChunkFacts facts = ChunkFacts.of(frame);
        if (node == null || !node.isObject()) {
            assertThat(facts).isNull();
            return;
        }
        JsonNode text = node.path("choices").path(0).path("delta").path("content");
        assertThat(facts.content()).isEqualTo(text.isTextual() && !text.asText().isEmpty());
        JsonNode usage = node.path("usage");
        assertThat(facts.completionTokens()).isEqualTo(usage.has("completion_tokens")
                ? usage.path("completion_tokens").asInt() : null);
    }

    @Test
    void theRecordedStreamsAreReadAsContentFrames() throws IOException {
        assertThat(frames().map(ChunkFacts::of).filter(f -> f != null && f.content()).count())
                .as("recorded frames carrying text").isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"message\",\"data\":{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}}",
        "{\"data\":{ \"spaced\" : [1, 2] },\"id\":\"1\"}",
        "{\"data\":\"[DONE]\"}",
        "{\"data\":[1,{\"a\":\"}\"}]}",
        "{\"data\":null}",
        "{\"data\":42}",
        "{\"event\":\"message\"}",
        "not json",
        "{\"data\":{\"a\":1}",
    })
    void eventDataIsTheDataFieldAsText(String event) {
        JsonNode node = tree(event);
        String expected = "";
        if (node != null) {
            JsonNode data = node.path("data");
            expected = data.isContainerNode() ? data.toString() : data.asText("");
        }
        String read = ChunkFacts.eventData(event);
        if (expected.startsWith("{") || expected.startsWith("[")) {
            assertThat(tree(read)).as("the same JSON, whitespace aside").isEqualTo(tree(expected));
        } else {
            assertThat(read).isEqualTo(expected);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return TREE.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
