package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix judges each row against its expectations and writes JSON and Markdown without any secret. */
class DetectionMatrixWriterTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl";
    private static Catalogue catalogue;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);
    }

    /** Every entry caught exactly by its expected steps, the healthy row clean. */
    private static Map<String, Observation> perfect() {
        Map<String, Observation> observed = new HashMap<>();
        observed.put(DetectionMatrix.HEALTHY, run(List.of()));
        catalogue.entries().forEach(e -> observed.put(e.name(), run(e.entry().expectFail())));
        return observed;
    }

    private static Observation run(List<String> failing, String... messages) {
        Map<String, StepObservation> steps = new HashMap<>();
        for (String s : Steps.ALL) {
            steps.put(s, failing.contains(s)
                    ? new StepObservation(StepObservation.FAILED, messages.length > 0 ? List.of(messages)
                    : List.of("check of " + s + ": broken"))
                    : new StepObservation(StepObservation.PASSED, List.of()));
        }
        return Observation.of(steps);
    }

    @Test
    void aPerfectRunMeetsTheBar() {
        DetectionMatrix matrix = DetectionMatrix.of(catalogue, perfect(), Instant.EPOCH);

        assertThat(matrix.barMet()).isTrue();
        assertThat(matrix.caughtEntries()).isEqualTo(catalogue.entries().size());
        assertThat(matrix.rows().get(0).entry()).isEqualTo(DetectionMatrix.HEALTHY);
    }

    @Test
    void missedExpectedUnexpectedAndFailedRunsAreEachReported() throws Exception {
        Map<String, Observation> observed = perfect();
        observed.put("open-product", run(List.of()));                                    // S7 did not fail
        observed.put("model-version-differs", run(List.of("S10", "S2")));                // S2 fails unexpectedly
        observed.put("apim-identity-off", run(List.of("S4", "S5", "S6")));               // S5 is a tolerated cascade
        observed.put("open-product", run(List.of()));
        observed.put("probe-path-never-200", Observation.failedRun("topology did not start: port in use"));
        observed.put(DetectionMatrix.HEALTHY, run(List.of("S8")));

        DetectionMatrix matrix = DetectionMatrix.of(catalogue, observed, Instant.EPOCH);
        JsonNode json = new ObjectMapper().readTree(Files.readString(DetectionMatrixWriter.write(matrix, dir)));
        String md = Files.readString(dir.resolve(DetectionMatrixWriter.MARKDOWN_FILE));

        assertThat(matrix.barMet()).isFalse();
        assertThat(row(json, "open-product").path("caught").asBoolean()).isFalse();
        assertThat(row(json, "open-product").path("missed").toString()).isEqualTo("[\"S7\"]");
        assertThat(row(json, "model-version-differs").path("caught").asBoolean()).isTrue();
        assertThat(row(json, "model-version-differs").path("unexpected").toString()).isEqualTo("[\"S2\"]");
        assertThat(row(json, "apim-identity-off").path("unexpected")).isEmpty();
        assertThat(row(json, "apim-identity-off").at("/steps/S5/cell").asText()).isEqualTo("fail~");
        assertThat(row(json, "probe-path-never-200").path("error").asText()).contains("port in use");
        assertThat(row(json, DetectionMatrix.HEALTHY).path("caught").asBoolean()).isFalse();
        assertThat(md).contains("Bar **not met**", "healthy topology NOT clean")
                .contains("| open-product | S7 | ok | ok | ok | ok | ok | ok | MISS | ok | ok | ok | **no** |")
                .contains("| model-version-differs | S10 | ok | FAIL! |")
                .contains("- **model-version-differs**: unexpected failure of S2")
                .contains("- **probe-path-never-200**: run failed: topology did not start: port in use");
    }

    @Test
    void theFailingChecksMessageIsInTheRowAndItsMarkdownCell() throws Exception {
        Map<String, Observation> observed = perfect();
        observed.put("role-missing-on-one-account", run(List.of("S4"),
                "role assignment: principal 1f2e…2a of apim-contoso has no 'Cognitive Services OpenAI User' on"
                        + " aoai-swedencentral | assign it at the account's scope"));

        DetectionMatrix matrix = DetectionMatrix.of(catalogue, observed, Instant.EPOCH);
        DetectionMatrixWriter.write(matrix, dir);
        String md = Files.readString(dir.resolve(DetectionMatrixWriter.MARKDOWN_FILE));

        assertThat(md).contains("| yes | S4 role assignment: principal 1f2e…2a of apim-contoso has no 'Cognitive"
                + " Services OpenAI User' on aoai-swedencentral \\| assign it at the account's scope |");
    }

    @Test
    void keysAndTokensInMessagesNeverReachTheFiles() throws Exception {
        Map<String, Observation> observed = perfect();
        observed.put("client-api-key-forwarded", run(List.of("S5", "S6"), "backend received api-key " + KEY,
                "Authorization: Bearer " + JWT));
        observed.put("open-product", Observation.failedRun("cannot start with key " + KEY));

        DetectionMatrixWriter.write(DetectionMatrix.of(catalogue, observed, Instant.EPOCH), dir);

        for (String file : List.of(DetectionMatrixWriter.JSON_FILE, DetectionMatrixWriter.MARKDOWN_FILE)) {
            String text = Files.readString(dir.resolve(file));
            assertThat(text).as(file).doesNotContain(KEY).doesNotContain(JWT).doesNotContain("eyJ")
                    .contains(io.aoaigw.harness.secrets.Redactor.MASK);
        }
        assertThat(Files.readString(dir.resolve(DetectionMatrixWriter.JSON_FILE))).contains(io.aoaigw.harness.secrets.Redactor.MASK);
    }

    private static JsonNode row(JsonNode json, String entry) {
        for (JsonNode r : json.path("rows")) {
            if (r.path("entry").asText().equals(entry)) {
                return r;
            }
        }
        throw new AssertionError("no row " + entry);
    }
}
