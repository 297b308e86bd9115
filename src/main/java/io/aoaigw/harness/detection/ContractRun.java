package io.aoaigw.harness.detection;

import java.nio.file.Path;

/**
 * Runs the contract suites against the embedded topology of one YAML file and says what each step observed; with
 * {@code underLoad}, the smoke load runs too and its verdicts join the steps it judges (S6 streaming, S9 spread).
 * The production implementation calls {@code contract.support.ContractRunner} (see
 * {@code docs/detection-runner-draft.java.txt}); tests give fakes.
 */
@FunctionalInterface
public interface ContractRun {
    Observation run(Path topologyFile, boolean underLoad) throws Exception;
}
