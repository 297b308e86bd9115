package io.aoaigw.harness.detection;

import java.nio.file.Path;

/**
 * Runs the contract suites against the embedded topology of one YAML file and says what each step observed;
 * {@code underLoad} marks mistakes judged from timings or spread (S6 streaming, S9), which the runner runs alone.
 * The real implementation ({@link ContractSuitesRun}) calls {@code contract.ContractRunner}, which finds the suites
 * on the test class path; unit tests give fakes.
 */
@FunctionalInterface
public interface ContractRun {
    Observation run(Path topologyFile, boolean underLoad) throws Exception;
}
