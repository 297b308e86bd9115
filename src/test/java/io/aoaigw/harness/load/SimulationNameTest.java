package io.aoaigw.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./mvnw gatling:test} with an unknown simulation name ends before any build step with one line listing the
 * valid names, and no stack trace (issue 18: {@code -Dsim=bogus} ran the smoke simulation silently,
 * {@code -Dgatling.simulationClass=io.Nope} printed a ClassNotFoundException trace). The check is bound to Maven's
 * validate phase, which {@code gatling:test} runs first; the test runs that phase, offline.
 */
class SimulationNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-Dsim=bogus|-Dsim=bogus: unknown simulation; valid: smoke, capacity, failover, soak",
        "-Dgatling.simulationClass=io.Nope|-Dgatling.simulationClass=io.Nope: unknown simulation; valid: "
                + "io.aoaigw.harness.load.{Smoke,Capacity,Failover,Soak,Storm}Simulation",
        "-Dsim=capacity|"
    })
    void anUnknownNameIsOneLineListingTheValidOnes(String property, String expected, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-o", "-q",
                "validate", property));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();

        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("Maven ended").isTrue();
        String text = Files.readString(out);
        if (expected == null) {
            assertThat(p.exitValue()).as(text).isZero();
            return;
        }
        assertThat(p.exitValue()).as(text).isNotZero();
        assertThat(text.lines()).as(text).anyMatch(l -> l.endsWith(expected))
                .noneMatch(l -> l.strip().startsWith("at ") || l.contains("ClassNotFoundException"));
    }
}
