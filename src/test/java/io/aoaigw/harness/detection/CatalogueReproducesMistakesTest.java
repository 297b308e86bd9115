package io.aoaigw.harness.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue entry, started as an embedded topology, really carries its mistake — in ARM and in behaviour, as
 * Azure would show it — so a check that misses it cannot blame the emulator. And each proof fails on the healthy
 * topology, so a proof cannot pass by proving nothing.
 */
class CatalogueReproducesMistakesTest {
    private static BrokenDeployment healthy;

    static Stream<String> entries() throws Exception {
        return catalogue().entries().stream().map(Catalogue.Entry::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void mistakeIsPresentInTheStartedTopology(String name) throws Exception {
        Catalogue.Entry entry = catalogue().entry(name);
        MistakeEvidence.Proof proof = MistakeEvidence.BY_ENTRY.get(name);
        assertThat(proof).as("evidence for entry " + name).isNotNull();
        Path dir = Files.createDirectories(Path.of("target/test-emulator/detection", name));

        try (BrokenDeployment deployment = new BrokenDeployment(EmbeddedTopology.start(
                TopologyLoader.parse(entry.file(), entry.topologyYaml()), dir))) {
            proof.check(deployment);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void proofFailsOnTheHealthyTopology(String name) throws Exception {
        BrokenDeployment deployment = healthy();
        try {
            assertThatThrownBy(() -> MistakeEvidence.BY_ENTRY.get(name).check(deployment))
                    .isInstanceOf(AssertionError.class);
        } finally {
            deployment.enableEveryOrigin();
        }
    }

    @AfterAll
    static void stopHealthy() {
        if (healthy != null) {
            healthy.close();
        }
    }

    private static synchronized BrokenDeployment healthy() throws Exception {
        if (healthy == null) {
            Catalogue catalogue = catalogue();
            healthy = new BrokenDeployment(EmbeddedTopology.start(TopologyLoader.parse(catalogue.healthyFile(),
                    catalogue.healthyYaml()), Files.createDirectories(Path.of("target/test-emulator/detection/healthy"))));
        }
        return healthy;
    }

    @Test
    void everyProofBelongsToAnEntry() throws Exception {
        assertThat(MistakeEvidence.BY_ENTRY.keySet())
                .containsExactlyInAnyOrderElementsOf(entries().toList());
    }

    private static Catalogue catalogue() throws Exception {
        return Catalogue.load(Catalogue.DEFAULT_FOLDER, Catalogue.DEFAULT_HEALTHY);
    }
}
