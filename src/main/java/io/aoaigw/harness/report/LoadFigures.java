package io.aoaigw.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.load.LoadSummary;
import io.aoaigw.harness.load.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A load summary's figures, recomputed from its mergeable data by {@link SummaryJson} (so summaries written by older
 * versions, or merged ones, read the same), with the few values the reports show.
 *
 * @param file    where it was read
 * @param sources the simulations and profiles that produced it
 * @param figures {@code figures} as {@link SummaryJson} computes them
 * @param startEpochMs when the run started
 * @param summary the summary itself (histograms, origins, timeline) for the index's charts
 * @param checks  the run's after-run checks (name → problem, "" when it held); empty when none were written
 */
public record LoadFigures(Path file, List<String> sources, JsonNode figures, long startEpochMs, LoadSummary summary,
                          JsonNode checks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a summary; a file of another shape fails naming the file. */
    public static LoadFigures read(Path file) throws IOException {
        LoadSummary summary = SummaryJson.read(file);
        // valueToTree turns the summary's POJO parts (its sources) into plain JSON
        JsonNode json = JSON.valueToTree(SummaryJson.toJson(summary));
        List<String> sources = new ArrayList<>();
        json.path("sources").forEach(n -> sources.add(n.asText()));
        // checks are not part of the mergeable data, so SummaryJson.read leaves them: read them from the file
        JsonNode checks = JSON.readTree(file.toFile()).path("checks");
        return new LoadFigures(file, sources, json.path("figures"), json.path("startEpochMs").asLong(), summary,
                checks);
    }

    static boolean isLoadSummary(Path file) {
        try {
            read(file);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Output tokens per minute sustained just before the knee (or at the busiest window when it was not reached). */
    public double kneeTokensPerMin() {
        return figures.at("/capacity/outputTokensPerMin").asDouble(Double.NaN);
    }

    public boolean kneeReached() {
        return figures.at("/capacity/kneeReached").asBoolean(false);
    }

    /** p95 time to first token in ms; NaN when no stream was timed. */
    public double ttftP95Ms() {
        JsonNode p95 = figures.at("/latencyMs/ttft/p95");
        return p95.isNumber() ? p95.asDouble() : Double.NaN;
    }

    public double percentile(String latency, String p) {
        JsonNode n = figures.path("latencyMs").path(latency).path(p);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
