package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadProfileLoaderTest {
    private static final Path SMOKE = Path.of("scenarios/load/smoke.yaml");

    @Test
    void everyShippedProfileLoadsWithBounds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios/load"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).forEach(f -> {
                LoadProfile p = LoadProfileLoader.load(f, Path.of("")).profile();
                assertThat(p.bounds().maxRequests()).as(f.toString()).isPositive();
                assertThat(p.bounds().maxDurationSec()).as(f.toString()).isPositive();
            });
        }
    }

    @Test
    void unknownFieldNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Path f = broken(dir, "headerShare: 0.5", "headerShare: 0.5\nretires: {max: 2}");
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of("")))
                .isInstanceOf(LoadProfileException.class)
                .hasMessageStartingWith(f + ":12: retires: unknown field 'retires'")
                .hasNoCause();
    }

    @Test
    void unknownDeploymentNamesTheLineAndTheTopology(@TempDir Path dir) throws IOException {
        Path f = broken(dir, "deployments: [gpt-4o]", "deployments: [gpt-5]");
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of("")))
                .hasMessage(f + ":5: deployments[0]: 'gpt-5' is not a chat deployment of account 'aoai-eastus' in "
                        + "topology load");
    }

    @Test
    void boundsAreMandatorySoEveryRunStops(@TempDir Path dir) throws IOException {
        Path f = broken(dir, "bounds: {maxRequests: 200, maxDurationSec: 60}", "bounds: {maxRequests: 200}");
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of("")))
                .hasMessage(f + ":9: bounds.maxDurationSec: required, 1..86400");
    }

    /** A rate that would inject far more users than the request bound is refused before any load (issue 18). */
    @Test
    void aRateThatCannotStayInsideTheBoundsIsRefused(@TempDir Path dir) throws IOException {
        Path f = broken(dir, "usersPerSec: 2,", "usersPerSec: 1e8,");
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of("")))
                .hasMessage(f + ":8: workload.usersPerSec: 1.0E8 users/s brings 1500000000 users, more than "
                        + "bounds.maxRequests 200: lower the rate or raise the bound");
        Path closed = broken(dir, "{model: open, usersPerSec: 2, durationSec: 15}",
                "{model: closed, concurrency: 201, durationSec: 15}");
        assertThatThrownBy(() -> LoadProfileLoader.load(closed, Path.of("")))
                .hasMessage(closed + ":8: workload.concurrency: 201 concurrent users exceed bounds.maxRequests 200");
    }

    @Test
    void aProfileReplaysItsPromptsFileAndABadLineRefusesTheRun(@TempDir Path dir) throws IOException {
        Path replay = Path.of("scenarios/load/replay.yaml");
        assertThat(LoadProfileLoader.load(replay, Path.of("")).prompts()).hasSize(10);

        Path prompts = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(
                Path.of("scenarios/load/prompts/example.jsonl")).replaceFirst("\"POST\"", "\"PUT\""));
        Path f = dir.resolve("replay.yaml");
        Files.writeString(f, Files.readString(replay).replace("scenarios/load/prompts/example.jsonl",
                prompts.toString()));
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of(""))).isInstanceOf(LoadProfileException.class)
                .hasMessage(prompts + ":1: method: must be POST");

        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, Files.readString(replay).replace("scenarios/load/prompts/example.jsonl",
                "scenarios/load/prompts/nope.jsonl"));
        assertThatThrownBy(() -> LoadProfileLoader.load(missing, Path.of("")))
                .hasMessage(missing + ":11: prompts.file: no such file scenarios/load/prompts/nope.jsonl");
    }

    @Test
    void wrongTypeAndBrokenYamlAreOneLine(@TempDir Path dir) throws IOException {
        Path typed = broken(dir, "usersPerSec: 2,", "usersPerSec: fast,");
        assertThatThrownBy(() -> LoadProfileLoader.load(typed, Path.of("")))
                .hasMessageStartingWith(typed + ":8: workload.usersPerSec: ");
        Path yaml = broken(dir, "name: smoke", "name: [smoke");
        assertThatThrownBy(() -> LoadProfileLoader.load(yaml, Path.of("")))
                .hasMessageStartingWith(yaml + ":").hasMessageNotContaining("\n");
    }

    @Test
    void missingTopologyFileIsNamed(@TempDir Path dir) throws IOException {
        Path f = broken(dir, "scenarios/topologies/load.yaml", "scenarios/topologies/nope.yaml");
        assertThatThrownBy(() -> LoadProfileLoader.load(f, Path.of("")))
                .hasMessage(f + ":4: topology: no such file scenarios/topologies/nope.yaml");
    }

    private static Path broken(Path dir, String from, String to) throws IOException {
        String text = Files.readString(SMOKE);
        assertThat(text).contains(from);
        Path f = dir.resolve("profile-" + Math.abs(to.hashCode()) + ".yaml");
        Files.writeString(f, text.replace(from, to));
        return f;
    }
}
