package io.aoaigw.harness.bench;

import io.aoaigw.harness.contract.ContractRunner;
import io.aoaigw.harness.contract.ContractSummary;
import io.aoaigw.harness.contract.StepResult;
import io.aoaigw.harness.contract.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wall time of the whole contract run (S1–S10) against an embedded topology, through {@link ContractRunner}: the
 * first run in a fresh JVM (class loading, JIT, the emulator's first TLS handshakes included — what
 * {@code ./mvnw verify -Pcontract} pays), then warm runs in the same JVM. Each run starts and stops its own topology.
 * Exits 1 unless every run passed every step. Not a test:
 * <pre>{@code
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.aoaigw.harness.bench.ContractRunBench --runs 3
 * }</pre>
 * Arguments: {@code --runs N} (3), {@code --topology FILE} (scenarios/topologies/default.yaml).
 */
public final class ContractRunBench {
    private ContractRunBench() {
    }

    public static void main(String[] argv) {
        BenchArgs a = new BenchArgs(argv);
        int runs = a.integer("runs", 3);
        String topology = a.text("topology", "scenarios/topologies/default.yaml");
        List<Long> wallMs = new ArrayList<>();
        boolean allPassed = true;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            ContractSummary summary = ContractRunner.run(Map.of("harness.topology", topology));
            long ms = (System.nanoTime() - started) / 1_000_000;
            wallMs.add(ms);
            allPassed &= summary.passed() && summary.steps().stream()
                    .noneMatch(s -> StepResult.SKIPPED.equals(s.status()));
            System.out.printf("run %d (%s): wall %d ms, launcher execution %d ms%n", i + 1, i == 0 ? "cold JVM" : "warm",
                    ms, summary.durationMs());
            if (!summary.passed()) {
                System.out.println(SummaryTable.render(summary));
            }
        }
        List<Long> warm = wallMs.subList(Math.min(1, wallMs.size()), wallMs.size());
        System.out.printf("contract run wall time: cold %d ms; warm median %s ms over %d run(s); all passed: %s%n",
                wallMs.get(0), warm.isEmpty() ? "-" : String.valueOf(warm.stream().sorted().toList()
                        .get(warm.size() / 2)), warm.size(), allPassed);
        System.exit(allPassed ? 0 : 1);
    }
}
