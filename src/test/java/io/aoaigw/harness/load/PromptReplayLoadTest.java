package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoaigw.harness.load.InProcessGatling.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped replay profile, shortened, through the embedded topology on both paths: the summary counts chats per
 * request class of the prompts file, and no prompt text reaches a report.
 */
class PromptReplayLoadTest {
    /** Phrases of the example file's prompts; none may appear in a report. */
    private static final List<String> PROMPT_TEXT = List.of("harbour office", "lighthouse keeper", "get_forecast",
            "capital of Norway");

    @BeforeEach
    @AfterEach
    void clearProperties() {
        InProcessGatling.clearProperties();
    }

    @Test
    void theSummaryReportsTheReplayedRequestClassesAndNoPromptText(@TempDir Path dir) throws IOException {
        Path profile = InProcessGatling.profile(dir, "scenarios/load/replay.yaml", Map.of(
                "usersPerSec: 2, durationSec: 15", "usersPerSec: 3, durationSec: 5",
                "ttftP95Ms: 2500, itlP95Ms: 100", "ttftP95Ms: 15000, itlP95Ms: 1000"), "replay-test-key-0123456789");

        Run run = InProcessGatling.run(dir, SmokeSimulation.class, profile);

        assertThat(run.exit()).isZero();
        JsonNode classes = run.summary().at("/figures/requestClasses");
        assertThat(classes.fieldNames()).toIterable().hasSizeGreaterThanOrEqualTo(3)
                .isSubsetOf("short", "long", "system", "multi-turn", "tools");
        long chats = 0;
        long ok = 0;
        for (JsonNode c : (Iterable<JsonNode>) classes::elements) {
            chats += c.path("chats").asLong();
            ok += c.path("ok").asLong();
            assertThat(c.path("promptTokens").asLong()).isPositive();
        }
        assertThat(chats).isEqualTo(run.summary().at("/figures/chats/started").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(ok).isEqualTo(run.summary().at("/data/counters/ok").asLong());
        if (classes.has("long") && classes.has("short")) {
            assertThat(classes.at("/long/meanPromptTokens").asDouble())
                    .isGreaterThan(classes.at("/short/meanPromptTokens").asDouble());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".yaml")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                PROMPT_TEXT.forEach(phrase -> assertThat(text).as(f.toString()).doesNotContain(phrase));
            }
        }
    }
}
