package io.aoaigw.harness.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.target.HarnessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract run whose target cannot be used says why once, in one line, and runs nothing else: one check fails,
 * every other check is skipped (before: the same message for each of the 36 checks, with stack traces).
 */
class ContractFailFastTest {

    private static List<CheckResult> checks(ContractSummary summary) {
        return summary.steps().stream().flatMap(s -> s.checks().stream()).toList();
    }

    private static void saidOnce(Map<String, String> config, String reason) {
        ContractSummary summary = ContractRunner.run(config);
        List<CheckResult> checks = checks(summary);

        assertThat(summary.passed()).isFalse();
        List<CheckResult> failed = checks.stream().filter(c -> StepResult.FAILED.equals(c.status())).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).detail()).contains(reason).doesNotContain("\n").doesNotContain("\tat ")
                .doesNotContain("ParameterResolutionException");
        assertThat(checks).hasSizeGreaterThan(30)
                .filteredOn(c -> !StepResult.FAILED.equals(c.status()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(StepResult.SKIPPED));
    }

    @Test
    void aMissingTopologyIsSaidOnce() {
        saidOnce(Map.of(HarnessConfig.TOPOLOGY, "scenarios/topologies/nope.yaml"),
                "cannot use topology file scenarios/topologies/nope.yaml");
    }

    @Test
    void aBrokenTargetFileIsSaidOnce(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("t.yaml"), "name: x\nname: y\n");
        saidOnce(Map.of(HarnessConfig.TARGET, target.toString()), "cannot use target file " + target);
    }

    @Test
    void anUnreadableEndpointsFileIsSaidOnce(@TempDir Path dir) {
        Path endpoints = dir.resolve("absent.json");
        saidOnce(Map.of(HarnessConfig.ENDPOINTS, endpoints.toString()),
                "cannot read the endpoints file " + endpoints);
    }
}
