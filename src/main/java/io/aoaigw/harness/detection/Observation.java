package io.aoaigw.harness.detection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contract run against one topology observed, step by step ({@code S1}..{@code S10}); {@code error} is set
 * when the run itself failed (the topology did not start, the suites could not run), and then no step ran.
 */
public record Observation(Map<String, StepObservation> steps, String error) {

    public Observation {
        steps = Map.copyOf(steps);
    }

    public static Observation of(Map<String, StepObservation> steps) {
        return new Observation(steps, null);
    }

    public static Observation failedRun(String error) {
        return new Observation(Map.of(), error);
    }

    /** The step's observation; {@code not-run} when the run did not report it. */
    public StepObservation step(String id) {
        return steps.getOrDefault(id, new StepObservation(StepObservation.NOT_RUN, null));
    }

    /** Every step S1..S10 in order, unreported ones as {@code not-run}. */
    public Map<String, StepObservation> allSteps() {
        Map<String, StepObservation> all = new LinkedHashMap<>();
        Steps.ALL.forEach(id -> all.put(id, step(id)));
        return all;
    }
}
