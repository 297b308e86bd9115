package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.detection.Catalogue;
import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.EndpointsFile;
import io.aoaigw.harness.topology.Topology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code discover} cannot decide stays a commented choice: on broken deployments of the catalogue it still
 * drafts a file {@code check-target} accepts, and says where the deployment departs from the expected shape.
 */
class DiscoverChoicesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "service-url-one-account           | # CHOOSE: the API's serviceUrl",
            "api-suffix-not-openai             | # CHOOSE: no API at URL suffix 'openai'",
            "deployment-missing-on-one-account | # only on aoai-eastus, aoai-westeurope: text-embedding-3-small"})
    void aDepartureFromTheShapeIsACommentedChoice(String broken, String comment, @TempDir Path dir)
            throws Exception {
        Catalogue catalogue = Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);
        Path file = Files.writeString(dir.resolve(broken + ".yaml"), catalogue.entry(broken).topologyYaml());
        Topology topology = TopologyLoader.load(file);
        Path out = dir.resolve("draft.yaml");
        try (EmbeddedTopology embedded = EmbeddedTopology.start(topology, Files.createDirectories(dir.resolve("e")))) {
            Path endpoints = dir.resolve("endpoints.json");
            EndpointsFile.write(embedded.endpoints(), endpoints);

            assertThat(run("discover", "--subscription", topology.subscriptionId(), "--resource-group",
                    topology.resourceGroup(), "--endpoints", endpoints.toString(), "--out", out.toString()))
                    .isZero();
        }

        assertThat(Files.readString(out)).contains(comment);
        assertThat(run("check-target", "--skip-keys", out.toString())).isZero();
    }

    private static int run(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
