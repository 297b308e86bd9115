package io.aoaigw.harness.contract;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a contract run, as written to {@code reports/contract-summary.json}: the target (a file name, never
 * a secret), when it started, how long it took, and per step its checks.
 */
public record ContractSummary(String target, Instant startedAt, long durationMs, List<StepResult> steps) {
    public ContractSummary {
        steps = List.copyOf(steps);
    }

    /** True when no step failed. */
    public boolean passed() {
        return steps.stream().noneMatch(s -> StepResult.FAILED.equals(s.status()));
    }
}
