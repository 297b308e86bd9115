package io.aoaigw.harness.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows in {@code .github/workflows} pass SchemaStore's schema and the house rules ({@link WorkflowLint}), so
 * a broken workflow fails here rather than on GitHub; and the lint does reject broken ones.
 */
class WorkflowFilesTest {
    private static final Path WORKFLOWS = Path.of(System.getProperty("harness.projectDir", "."), ".github/workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyWorkflowPassesTheSchemaAndTheHouseRules() throws IOException {
        List<Path> files = workflows();

        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("ci.yml", "post-deploy-smoke.yml", "capacity.yml");
        for (Path f : files) {
            assertThat(WorkflowLint.problems(f)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void capacityRunsNeverOverlapAndKeepTheirSummary() throws IOException {
        JsonNode w = YAML.readTree(WORKFLOWS.resolve("capacity.yml").toFile());

        assertThat(w.at("/concurrency/group").asText()).isEqualTo("capacity");
        assertThat(w.at("/concurrency/cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(w.at("/on/schedule").isArray()).isTrue();
        assertThat(w.at("/on").has("workflow_dispatch")).isTrue();
        assertThat(w.toString()).contains("-Dsim=capacity", "capacity-summary", "reports/history");
    }

    @Test
    void postDeploySmokeSignsInWithOidcAndStoresNoClientSecret() throws IOException {
        JsonNode w = YAML.readTree(WORKFLOWS.resolve("post-deploy-smoke.yml").toFile());

        assertThat(w.at("/on/workflow_call/inputs/target/required").asBoolean()).isTrue();
        assertThat(w.at("/on/workflow_dispatch/inputs/target/required").asBoolean()).isTrue();
        assertThat(w.at("/jobs/smoke/permissions/id-token").asText()).isEqualTo("write");
        assertThat(w.toString()).doesNotContain("client-secret", "AZURE_CLIENT_SECRET", "creds")
                .contains("-Pcontract", "-Dsim=smoke", "GITHUB_STEP_SUMMARY");
    }

    @Test
    void theLintRejectsABrokenWorkflow(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                name: broken
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    permissions:
                      id-token: write
                    stepz:
                      - run: echo typo above
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
                        with: {path: reports/}
                """);

        List<String> problems = WorkflowLint.problems(broken);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("schema:", "stepz"))
                .anySatisfy(p -> assertThat(p).contains("actions/checkout@v4 is not pinned"))
                .anySatisfy(p -> assertThat(p).contains("permissions: missing at the top"))
                .anySatisfy(p -> assertThat(p).contains("id-token: write without azure/login"))
                .anySatisfy(p -> assertThat(p).contains("even after a failed step"))
                .anySatisfy(p -> assertThat(p).contains("no timeout-minutes"))
                .allSatisfy(p -> assertThat(p).startsWith(broken.toString()));
    }

    @Test
    void theSchemaAloneRejectsAWrongType(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("types.yml"), """
                name: types
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    timeout-minutes: soon
                    steps: "not a list"
                """);

        assertThat(WorkflowLint.problems(broken)).anySatisfy(p -> assertThat(p).contains("schema:", "steps"));
    }

    @Test
    void aColonInAStepNameIsNotYamlAndIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("colon.yml"), """
                name: colon
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    timeout-minutes: 5
                    steps:
                      - name: Token (fetched late: it expires)
                        run: echo hi
                """);

        assertThat(WorkflowLint.problems(broken)).singleElement().asString().startsWith(broken + ":9: not YAML:");
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
