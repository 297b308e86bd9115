package io.aoaigw.harness.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a contract run's steps (the shape of {@code contract-summary.json}: id, status, checks with name, status,
 * detail) into an {@link Observation}: a step's messages are its failed checks, "name: detail".
 */
public final class StepReports {
    /** One step of a contract summary. */
    public record Step(String id, String status, List<Check> checks) {
    }

    /** One check of a step. */
    public record Check(String name, String status, String detail) {
    }

    private StepReports() {
    }

    public static Observation observation(List<Step> steps) {
        Map<String, StepObservation> observed = new LinkedHashMap<>();
        for (Step s : steps) {
            List<String> messages = s.checks().stream()
                    .filter(c -> StepObservation.FAILED.equals(c.status()))
                    .map(c -> c.name() + ": " + c.detail())
                    .toList();
            observed.merge(s.id(), new StepObservation(s.status(), messages), StepReports::worst);
        }
        return Observation.of(observed);
    }

    /** Two reports of one step (contract suites, then the smoke load): the failure wins, messages add up. */
    static StepObservation worst(StepObservation a, StepObservation b) {
        String status = a.failed() || b.failed() ? StepObservation.FAILED
                : StepObservation.PASSED.equals(a.status()) || StepObservation.PASSED.equals(b.status())
                ? StepObservation.PASSED : a.status();
        List<String> messages = new java.util.ArrayList<>(a.messages());
        messages.addAll(b.messages());
        return new StepObservation(status, messages);
    }
}
