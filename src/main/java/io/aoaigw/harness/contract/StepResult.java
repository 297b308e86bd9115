package io.aoaigw.harness.contract;

import java.util.List;

/**
 * One setup step's result: {@code failed} when a check failed, {@code skipped} when every check was skipped (or none
 * ran), else {@code passed}.
 */
public record StepResult(String id, String title, String status, List<CheckResult> checks) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public StepResult {
        checks = List.copyOf(checks);
    }

    /** The status a step has with these checks. */
    public static String statusOf(List<CheckResult> checks) {
        if (checks.stream().anyMatch(c -> FAILED.equals(c.status()))) {
            return FAILED;
        }
        return checks.stream().anyMatch(c -> PASSED.equals(c.status())) ? PASSED : SKIPPED;
    }
}
