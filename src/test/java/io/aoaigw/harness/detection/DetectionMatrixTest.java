package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Issue 8's bar, in the build: every entry caught by its expected steps, the healthy topology clean. */
class DetectionMatrixTest {
    @Test
    void everyBrokenDeploymentIsCaughtByItsStepsAndTheHealthyOneByNone() throws Exception {
        Catalogue catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);
        // parallelism 2 assumes ContractRunner.run is re-entrant (no shared static state across runs: Allure
        // lifecycle, RestAssured globals, report files). If it is not, use 1: ~18 runs × the suites' time.
        DetectionMatrix matrix = new DetectionRunner(catalogue, Path.of("target/detection"), new ContractSuitesRun(),
                DetectionRunner.DEFAULT_PARALLELISM, Clock.systemUTC()).run();
        DetectionMatrixWriter.write(matrix, Path.of("reports"));

        assertThat(matrix.barMet())
                .as(Files.readString(Path.of("reports", DetectionMatrixWriter.MARKDOWN_FILE)))
                .isTrue();
    }
}
