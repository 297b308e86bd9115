package io.aoaigw.harness.report;

import io.aoaigw.harness.secrets.Redactor;
import java.util.List;
import java.util.Optional;

/** The index's essentials as GitHub-flavoured Markdown, for a workflow's job summary. */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static String of(Optional<ContractDigest> contract, List<LoadFigures> loads, CapacityHistory history,
                     List<String> problems, Redactor redactor) {
        StringBuilder b = new StringBuilder("## aoai-gateway-harness\n\n");
        contract.ifPresent(c -> {
            b.append("### Contract: ").append(cell(c.target()))
                    .append("\n\n| step | title | status | checks passed |\n")
                    .append("|---|---|---|---|\n");
            for (ContractDigest.Step s : c.steps()) {
                b.append("| ").append(cell(s.id())).append(" | ").append(cell(s.title())).append(" | ")
                        .append(ContractDigest.passed(s.status()) ? "✅ " : "❌ ").append(cell(s.status()))
                        .append(" | ").append(s.passed()).append("/").append(s.total()).append(" |\n");
            }
            c.steps().forEach(s -> s.notPassed().forEach(ch -> b.append("- **").append(cell(s.id())).append(" ")
                    .append(cell(ch.name())).append("**: ").append(cell(ch.detail())).append('\n')));
            b.append('\n');
        });
        if (!loads.isEmpty()) {
            b.append("### Load\n\n| summary | TTFT p95 ms | ITL p95 ms | errors % | tokens/min at knee |\n")
                    .append("|---|---|---|---|---|\n");
            for (LoadFigures l : loads) {
                b.append("| ").append(cell(l.file().getFileName().toString())).append(" | ")
                        .append(num(l.ttftP95Ms())).append(" | ").append(num(l.percentile("itl", "p95")))
                        .append(" | ").append(num(l.figures().path("errorPercent").asDouble())).append(" | ")
                        .append(num(l.kneeTokensPerMin())).append(" |\n");
            }
            b.append('\n');
        }
        b.append("Capacity history: ").append(history.runs().size())
                .append(" runs. Full reports: `reports/index.html` in the run's artifacts.\n");
        problems.forEach(p -> b.append("\n- not shown: ").append(cell(redactor.redact(p))));
        return b.append('\n').toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Html.num(v) : "–";
    }

    /** Table-safe text: no pipe or newline breaks the row, no HTML gets through. */
    private static String cell(String s) {
        return Html.esc(s).replace("|", "\\|").replace("\n", " ");
    }
}
