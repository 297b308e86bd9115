package io.aoaigw.harness.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The detection matrix: the healthy topology's row first, then one row per catalogue entry, each with what it
 * expected and what the contract run observed. The bar ({@link #barMet()}): the healthy topology fails no step,
 * every entry is caught by all its expected steps, and no step fails unexpectedly (an unexpected failure is either a
 * wrong expectation or a check too broad: examine it).
 */
public record DetectionMatrix(Instant generatedAt, List<DetectionRow> rows) {
    public static final String HEALTHY = "healthy";

    public DetectionMatrix {
        rows = List.copyOf(rows);
    }

    /**
     * Builds the matrix from the runs' observations, keyed by entry name and {@link #HEALTHY}; an entry without an
     * observation counts as a run that did not happen.
     */
    public static DetectionMatrix of(Catalogue catalogue, Map<String, Observation> observed, Instant generatedAt) {
        List<DetectionRow> rows = new ArrayList<>();
        rows.add(DetectionRow.of(HEALTHY, "the healthy topology (" + catalogue.healthyFile() + ")", List.of(),
                List.of(), observed.getOrDefault(HEALTHY, Observation.failedRun("not run"))));
        for (Catalogue.Entry e : catalogue.entries()) {
            rows.add(DetectionRow.of(e.name(), e.entry().description(), e.entry().expectFail(), e.entry().mayFail(),
                    observed.getOrDefault(e.name(), Observation.failedRun("not run"))));
        }
        return new DetectionMatrix(generatedAt, rows);
    }

    public boolean barMet() {
        return rows.stream().allMatch(r -> r.caught() && r.unexpected().isEmpty());
    }

    public long caughtEntries() {
        return rows.stream().filter(r -> !r.entry().equals(HEALTHY) && r.caught()).count();
    }

    public long entries() {
        return rows.stream().filter(r -> !r.entry().equals(HEALTHY)).count();
    }
}
