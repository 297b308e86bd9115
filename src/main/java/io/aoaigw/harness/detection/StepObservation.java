package io.aoaigw.harness.detection;

import java.util.List;

/**
 * What one step of a contract run said: {@code passed}, {@code failed}, {@code skipped}, or {@code not-run} (the run
 * did not happen); {@code messages} are the failing checks' messages, "check: detail".
 */
public record StepObservation(String status, List<String> messages) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String NOT_RUN = "not-run";

    public StepObservation {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
