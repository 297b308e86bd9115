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

/**
 * The templates in {@code azure-pipelines/} pass Microsoft's Azure Pipelines schema and the house rules
 * ({@link PipelineLint}); their broken twins in {@code src/test/resources/azure-pipelines-broken} do not.
 */
class AzurePipelinesTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    private static final Path PIPELINES = PROJECT.resolve("azure-pipelines");
    private static final Path BROKEN = PROJECT.resolve("src/test/resources/azure-pipelines-broken");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyTemplatePassesTheSchemaAndTheHouseRules() throws IOException {
        List<Path> files = yamlFiles(PIPELINES);

        assertThat(files).extracting(f -> PIPELINES.relativize(f).toString()).containsExactlyInAnyOrder(
                "ci.yml", "capacity.yml", "post-deploy-smoke.yml", "templates/post-deploy-smoke-stage.yml");
        for (Path f : files) {
            assertThat(PipelineLint.problems(f)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void capacityIsScheduledOnlyForChangesAndKeepsItsSummary() throws IOException {
        JsonNode p = YAML.readTree(PIPELINES.resolve("capacity.yml").toFile());

        assertThat(p.at("/schedules/0/cron").asText()).isNotBlank();
        assertThat(p.at("/schedules/0/always").isBoolean()).isTrue();
        assertThat(p.at("/schedules/0/always").asBoolean(true)).isFalse();
        assertThat(p.path("lockBehavior").asText()).isEqualTo("sequential");
        assertThat(p.toString()).contains("-Dsim=capacity", "capacity-summary", "reports/history",
                "##vso[task.uploadsummary]");
    }

    @Test
    void postDeploySmokeIsAStageTemplateSigningInWithWorkloadIdentity() throws IOException {
        JsonNode t = YAML.readTree(PIPELINES.resolve("templates/post-deploy-smoke-stage.yml").toFile());
        JsonNode steps = t.at("/stages/0/jobs/0/steps");
        JsonNode cli = Stream.iterate(0, i -> i < steps.size(), i -> i + 1).map(steps::get)
                .filter(s -> s.path("task").asText().equals("AzureCLI@2")).findFirst().orElseThrow();

        assertThat(t.at("/stages/0/variables/0/group").asText()).isEqualTo("${{ parameters.keysVariableGroup }}");
        assertThat(cli.at("/inputs/addSpnToEnvironment").asBoolean()).isTrue();
        assertThat(cli.at("/inputs/inlineScript").asText()).contains("AZURE_FEDERATED_TOKEN_FILE", "idToken",
                "-Pcontract");
        assertThat(t.toString()).contains("PublishTestResults@2", "PublishPipelineArtifact@1",
                "##vso[task.uploadsummary]", "-Dsim=smoke");
        JsonNode caller = YAML.readTree(PIPELINES.resolve("post-deploy-smoke.yml").toFile());
        assertThat(caller.at("/stages/0/template").asText()).isEqualTo("templates/post-deploy-smoke-stage.yml");
    }

    @Test
    void theBrokenStageTemplateBreaksEveryHouseRule() {
        Path broken = BROKEN.resolve("post-deploy-smoke-stage.yml");

        assertThat(PipelineLint.problems(broken))
                .anySatisfy(p -> assertThat(p).contains("task AzureCLI is not pinned"))
                .anySatisfy(p -> assertThat(p).contains("AOAI_HARNESS_KEY: a secret written inline"))
                .anySatisfy(p -> assertThat(p).contains("names a stored client secret"))
                .anySatisfy(p -> assertThat(p).contains("/jobs/0: no timeoutInMinutes"))
                .anySatisfy(p -> assertThat(p).contains("idToken is only set by AzureCLI@2"))
                .anySatisfy(p -> assertThat(p).contains("published even after a failed step"))
                .anySatisfy(p -> assertThat(p).contains("schema:"))
                .allSatisfy(p -> assertThat(p).startsWith(broken.toString()));
    }

    @Test
    void theSchemaAloneRejectsTheBrokenCapacityPipeline() {
        List<String> problems = PipelineLint.problems(BROKEN.resolve("capacity.yml"));

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains(": schema: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("stepz"))
                .anySatisfy(p -> assertThat(p).contains("always"))
                .anySatisfy(p -> assertThat(p).contains("timeoutInMinutes"));
    }

    @Test
    void aFileThatIsNotYamlIsOneLineWithItsLine() {
        Path broken = BROKEN.resolve("ci.yml");

        assertThat(PipelineLint.problems(broken)).singleElement().asString().startsWith(broken + ":10: not YAML:");
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
