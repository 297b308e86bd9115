package io.aoaigw.harness.report;

import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@code reports/index.html} (and optionally a Markdown digest for a CI job summary) from what
 * {@link ReportSources} found. Unreadable summaries are listed as not shown rather than failing the whole index.
 */
public final class ReportIndex {
    /** Where the load profiles named by summaries are looked up (the report runs in the project folder). */
    private static final Path PROFILES = Path.of("scenarios/load");
    private final ReportSources sources;
    private final Redactor redactor;
    private final List<String> problems = new ArrayList<>();
    private final Optional<ContractDigest> contract;
    private final List<LoadFigures> loads = new ArrayList<>();
    private final CapacityHistory history;

    public ReportIndex(ReportSources sources, Redactor redactor) {
        this.sources = sources;
        this.redactor = redactor;
        this.contract = sources.contractSummary().flatMap(this::contract);
        for (Path p : sources.loadSummaries()) {
            try {
                loads.add(LoadFigures.read(p));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        this.history = CapacityHistory.read(sources.historyFiles());
    }

    /** Writes the HTML index; returns its path. */
    public Path writeHtml(Path out) throws IOException {
        String html = new IndexPage(out, redactor, new ExpectedShares(PROFILES))
                .render(sources, contract, loads, history, problems);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, html);
        return out;
    }

    /** The Markdown digest (contract steps, load figures, trend size) for {@code $GITHUB_STEP_SUMMARY}. */
    public String markdown() {
        return MarkdownSummary.of(contract, loads, history, problems, redactor);
    }

    private Optional<ContractDigest> contract(Path file) {
        try {
            return Optional.of(ContractDigest.read(file, redactor));
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
