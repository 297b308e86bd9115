package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The end of a run: closes the summary's window, compares it with ground truth, prints the chats' figures and writes
 * the summary ({@code -Dsummary.out}, default {@code reports/load-summary.json}).
 */
final class SummaryOutput {
    private SummaryOutput() {
    }

    static void write(LoadRun run, boolean replayed) {
        LoadSummary summary = run.summary();
        summary.window(run.startMs(), System.currentTimeMillis());
        GroundTruthComparison.run(run);
        JsonNode figures = SummaryJson.toJson(summary).path("figures");
        System.out.println("chats: " + figures.path("chats") + " (the error SLO is judged per chat)");
        if (figures.path("requestClasses").size() > 1 || replayed) {
            System.out.println("request classes: " + figures.path("requestClasses"));
        }
        Path out = Path.of(System.getProperty("summary.out", "reports/load-summary.json"));
        try {
            SummaryJson.write(summary, run.record().checks(), out);
            System.out.println("load summary: " + out.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write the load summary " + out + ": " + e.getMessage());
        }
    }
}
