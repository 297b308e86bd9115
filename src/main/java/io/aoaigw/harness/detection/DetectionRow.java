package io.aoaigw.harness.detection;

import io.aoaigw.harness.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the detection matrix: an entry (or the healthy topology), what it expected per step and what the run
 * observed.
 *
 * @param entry       the entry's name, or {@link DetectionMatrix#HEALTHY} for the healthy topology
 * @param description the mistake (the healthy row: none)
 * @param expectFail  steps that must fail (empty for the healthy row)
 * @param mayFail     steps that may fail as a consequence
 * @param observed    the run's observations
 * @param caught      every step of {@code expectFail} failed (the healthy row: no step failed) and the run did run
 * @param missed      steps of {@code expectFail} that did not fail
 * @param unexpected  failed steps outside {@code expectFail} and {@code mayFail}: to be examined
 * @param messages    the failing checks' messages of the expected steps (the healthy row: of every failed step)
 */
public record DetectionRow(String entry, String description, List<String> expectFail, List<String> mayFail,
                           Observation observed, boolean caught, List<String> missed, List<String> unexpected,
                           List<String> messages) {
    /** Last line of defence for messages copied into reports, whatever check wrote them. */
    private static final Redactor SECRETS = Redactor.patternsOnly();


    static DetectionRow of(String entry, String description, List<String> expectFail, List<String> mayFail,
                           Observation observed) {
        Map<String, StepObservation> steps = observed.allSteps();
        List<String> failed = steps.entrySet().stream().filter(e -> e.getValue().failed()).map(Map.Entry::getKey)
                .toList();
        List<String> missed = expectFail.stream().filter(s -> !failed.contains(s)).toList();
        List<String> unexpected = failed.stream().filter(s -> !expectFail.contains(s) && !mayFail.contains(s))
                .toList();
        List<String> messages = new ArrayList<>();
        (expectFail.isEmpty() ? failed : expectFail).forEach(s -> steps.get(s).messages()
                .forEach(m -> messages.add(s + " " + m)));
        boolean ran = observed.error() == null;
        boolean caught = ran && missed.isEmpty() && (!expectFail.isEmpty() || failed.isEmpty());
        return new DetectionRow(entry, description, List.copyOf(expectFail), List.copyOf(mayFail), observed, caught,
                missed, unexpected, messages.stream().map(SECRETS::redact).toList());
    }

    /** How a step's cell reads: expected vs observed in one token (see {@link DetectionMatrixWriter}). */
    String cell(String step) {
        StepObservation o = observed.step(step);
        boolean expected = expectFail.contains(step);
        if (o.failed()) {
            return expected ? "FAIL" : mayFail.contains(step) ? "fail~" : "FAIL!";
        }
        if (expected) {
            return "MISS";
        }
        return switch (o.status()) {
            case StepObservation.PASSED -> "ok";
            case StepObservation.SKIPPED -> "skip";
            default -> "-";
        };
    }

    String expectedText() {
        return expectFail.isEmpty() ? "none" : String.join(" ", expectFail)
                + (mayFail.isEmpty() ? "" : " (may: " + mayFail.stream().collect(Collectors.joining(" ")) + ")");
    }
}
