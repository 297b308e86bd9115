package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The end of a run: closes the summary's window, compares it with ground truth, reads the accounts' own view
 * ({@link AccountMetricsView}), prints the chats' figures and writes the summary ({@code -Dsummary.out}, default
 * {@code reports/load-summary.json}) with the accounts' view as Markdown beside it ({@code .md}).
 */
final class SummaryOutput {
    private SummaryOutput() {
    }

    static void write(LoadRun run, boolean replayed) {
        LoadSummary summary = run.summary();
        long endMs = System.currentTimeMillis();
        summary.window(run.startMs(), endMs);
        GroundTruthComparison.run(run);
        ObjectNode accountsView = AccountMetricsView.read(run, endMs);
        System.out.println("accounts' view: " + (accountsView.path("available").asBoolean()
                ? accountsView.path("accounts") : accountsView.path("reason").asText()));
        JsonNode figures = SummaryJson.toJson(summary).path("figures");
        System.out.println("chats: " + figures.path("chats") + " (the error SLO is judged per chat)");
        if (figures.path("requestClasses").size() > 1 || replayed) {
            System.out.println("request classes: " + figures.path("requestClasses"));
        }
        Path out = Path.of(System.getProperty("summary.out", "reports/load-summary.json"));
        Path md = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        try {
            SummaryJson.write(summary, run.record().checks(), Map.of("accountsView", accountsView), out);
            Files.writeString(md, AccountsView.markdown(accountsView));
            System.out.println("load summary: " + out.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write the load summary " + out + ": " + e.getMessage());
        }
    }
}
