package io.aoaigw.harness.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.target.HarnessConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a summary goes: JSON, console table and the GitHub job summary (found through $GITHUB_STEP_SUMMARY). */
class SummaryOutputsTest {
    private static final ContractSummary SUMMARY = new ContractSummary("embedded topology x.yaml",
            Instant.parse("2026-01-01T00:00:00Z"), 1234, List.of(
            new StepResult("S1", "API Management service", StepResult.PASSED,
                    List.of(new CheckResult("gatewayAnswersHttp", StepResult.PASSED, "GET / answered 404"))),
            new StepResult("S4", "Managed identity and role", StepResult.FAILED, List.of(
                    new CheckResult("a", StepResult.FAILED, "S4: principal p has no role on aoai-x: assign it"),
                    new CheckResult("b", StepResult.FAILED, "S4: second"),
                    new CheckResult("c", StepResult.FAILED, "S4: third | with a pipe")))));

    @TempDir
    Path dir;

    @Test
    void topLevelRunWritesJsonPrintsTheTableAndAppendsToTheGithubStepSummary() throws IOException {
        Path json = dir.resolve("reports/summary.json");
        Path github = dir.resolve("github-summary.md");
        Files.writeString(github, "before\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        new SummaryOutputs(config(Map.of(HarnessConfig.SUMMARY_OUT, json.toString())),
                name -> "GITHUB_STEP_SUMMARY".equals(name) ? github.toString() : null,
                new PrintStream(console, true, StandardCharsets.UTF_8)).topLevel(SUMMARY);

        assertThat(SummaryJson.read(json)).isEqualTo(SUMMARY);
        String table = console.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("S4   Managed identity and role").contains("FAILED")
                .contains("✗ a: S4: principal p has no role on aoai-x: assign it").contains("… and 1 more failed check")
                .doesNotContain("third");
        assertThat(table.lines().count()).isLessThanOrEqualTo(25);
        assertThat(Files.readString(github)).startsWith("before\n").contains("### Contract suites: FAILED")
                .contains("| S4 | Managed identity and role | ❌ failed | 0 | 3 | 0 |")
                .contains("- **S4 c**: S4: third \\| with a pipe");
    }

    @Test
    void nestedRunWritesOnlyWhatItsConfigurationNames() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path github = dir.resolve("github.md");

        new SummaryOutputs(config(Map.of()), name -> github.toString(), new PrintStream(console, true,
                StandardCharsets.UTF_8)).nested(SUMMARY);

        assertThat(console.size()).isZero();
        assertThat(github).doesNotExist();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void blankOrUninterpolatedValuesCountAsUnset() {
        HarnessConfig config = config(Map.of(HarnessConfig.TARGET, "${harness.target}", HarnessConfig.TOPOLOGY, " "));

        assertThat(config.value(HarnessConfig.TARGET)).isEmpty();
        assertThat(config.describeTarget()).isEqualTo("embedded topology " + HarnessConfig.DEFAULT_TOPOLOGY);
    }

    private static HarnessConfig config(Map<String, String> values) {
        return new HarnessConfig(key -> Optional.ofNullable(values.get(key)));
    }
}
