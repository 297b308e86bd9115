package io.aoaigw.harness.detection;

import io.aoaigw.harness.contract.ContractRunner;
import io.aoaigw.harness.contract.ContractSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real {@link ContractRun}: the contract suites, in-process, against one embedded topology file. The mistakes
 * marked {@code underLoad} (buffering, starved origin) are judged by the suites' own S6 and S9 behaviour checks; the
 * runner runs them alone so no other entry's traffic skews those timings.
 */
final class ContractSuitesRun implements ContractRun {

    @Override
    public Observation run(Path topologyFile, boolean underLoad) {
        ContractSummary summary = ContractRunner.run(Map.of("harness.topology", topologyFile.toString()));
        List<StepReports.Step> steps = summary.steps().stream()
                .map(s -> new StepReports.Step(s.id(), s.status(), s.checks().stream()
                        .map(c -> new StepReports.Check(c.name(), c.status(), c.detail())).toList()))
                .toList();
        return StepReports.observation(steps);
    }
}
