package io.aoaigw.harness.report;

import io.aoaigw.harness.secrets.Redactor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code reports/index.html}: links to every report a run left (Allure, Gatling, contract and load summaries,
 * detection matrix), the contract steps as a strip ({@link ContractStrip}) and table, the load figures with each
 * run's pictures ({@link RunCharts}), and the capacity trend, all drawn as inline SVG. One self-contained file:
 * inline CSS, no script, no network, relative links.
 */
final class IndexPage {
    private static final String CSS = "body{font:14px system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:left}th{background:#f3f3f3}.passed{color:#186a3b}.failed,.broken{color:#a61b1b}"
            + ".muted{color:#777}.charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}"
            + "figcaption{font-weight:600;margin-bottom:.3em}.charts figure{width:430px}.run{margin-bottom:1.5em}"
            + "#fixes{margin:.3em 0 1em}";

    private final Links links;
    private final Redactor redactor;
    private final ExpectedShares expected;
    private final StringBuilder b = new StringBuilder();

    IndexPage(Path out, Redactor redactor, ExpectedShares expected) {
        this.links = new Links(out);
        this.redactor = redactor;
        this.expected = expected;
    }

    String render(ReportSources src, Optional<ContractDigest> contract, List<LoadFigures> loads,
                  CapacityHistory history, List<String> problems) {
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>aoai-gateway-harness reports")
                .append("</title><style>").append(CSS).append("</style></head><body>");
        b.append("<h1>aoai-gateway-harness reports</h1><p class=\"muted\">generated ")
                .append(Html.esc(Instant.now().toString())).append("</p>");
        reports(src);
        contract.ifPresent(this::contract);
        load(loads);
        trend(history);
        if (!problems.isEmpty()) {
            b.append("<h2>Not shown</h2><ul id=\"problems\">");
            problems.forEach(p -> b.append("<li>").append(Html.esc(redactor.redact(p))).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</body></html>\n").toString();
    }

    private void reports(ReportSources src) {
        b.append("<h2>Reports</h2><ul id=\"reports\">");
        if (src.allureReport().isPresent()) {
            item("Allure report (contract suites)", src.allureReport().get());
        } else if (src.allureResults().isPresent()) {
            b.append("<li>Allure results (no report generated: <code>./mvnw allure:report</code>): ")
                    .append(links.a(src.allureResults().get(), null)).append("</li>");
        }
        src.contractSummary().ifPresent(p -> item("Contract summary (JSON)", p));
        src.detectionMatrix().ifPresent(p -> item("Detection matrix", p));
        for (Path p : src.loadSummaries()) {
            item("Load summary " + p.getFileName(), p);
        }
        for (Path p : src.gatlingReports()) {
            item("Gatling report " + p.getParent().getFileName(), p);
        }
        b.append("</ul>");
    }

    private void item(String text, Path target) {
        b.append("<li>").append(links.a(target, text)).append("</li>");
    }

    private void contract(ContractDigest c) {
        b.append("<h2>Contract</h2><p>target <b>").append(Html.esc(c.target())).append("</b>, started ")
                .append(Html.esc(c.startedAt())).append(", ").append(Html.num(c.durationMs() / 1000.0))
                .append(" s</p>").append(ContractStrip.html(c))
                .append("<details><summary>every step and check</summary>")
                .append("<table id=\"contract\"><tr><th>step</th><th>title</th><th>status</th><th>checks passed")
                .append("</th><th>not passed</th></tr>");
        for (ContractDigest.Step s : c.steps()) {
            b.append("<tr><td>").append(Html.esc(s.id())).append("</td><td>").append(Html.esc(s.title()))
                    .append("</td><td class=\"").append(Html.esc(s.status().toLowerCase())).append("\">")
                    .append(Html.esc(s.status())).append("</td><td>").append(s.passed()).append(" / ")
                    .append(s.total()).append("</td><td>");
            for (ContractDigest.Check ch : s.notPassed()) {
                b.append("<div><b>").append(Html.esc(ch.name())).append("</b> (").append(Html.esc(ch.status()))
                        .append("): ").append(Html.esc(ch.detail())).append("</div>");
            }
            b.append("</td></tr>");
        }
        b.append("</table></details>");
    }

    private void load(List<LoadFigures> loads) {
        if (loads.isEmpty()) {
            return;
        }
        b.append("<h2>Load</h2><table id=\"load\"><tr><th>summary</th><th>sources</th><th>TTFT p95 ms</th>")
                .append("<th>ITL p95 ms</th><th>E2E p95 ms</th><th>errors %</th><th>requests/min</th>")
                .append("<th>tokens/min at knee</th><th>knee reached</th></tr>");
        for (LoadFigures l : loads) {
            b.append("<tr><td>").append(links.a(l.file(), l.file().getFileName().toString())).append("</td><td>")
                    .append(Html.esc(redactor.redact(String.join(", ", l.sources())))).append("</td>")
                    .append(cell(l.ttftP95Ms())).append(cell(l.percentile("itl", "p95")))
                    .append(cell(l.percentile("e2e", "p95"))).append(cell(l.figures().path("errorPercent").asDouble()))
                    .append(cell(l.figures().path("requestsPerMin").asDouble())).append(cell(l.kneeTokensPerMin()))
                    .append("<td>").append(l.kneeReached() ? "yes" : "no").append("</td></tr>");
        }
        b.append("</table>");
        for (int i = 0; i < loads.size(); i++) {
            b.append(RunCharts.html(i, loads.get(i), expected, redactor));
        }
    }

    private void trend(CapacityHistory history) {
        b.append("<h2>Capacity trend</h2>");
        if (history.runs().isEmpty()) {
            b.append("<p id=\"no-history\" class=\"muted\">No earlier capacity summaries in reports/history/*.json ")
                    .append("(the capacity workflow puts them there).</p>");
        } else {
            b.append("<p>").append(history.runs().size()).append(" capacity runs from reports/history.</p>")
                    .append("<div class=\"charts\">")
                    .append(TrendChart.svg("trend-tokens", "Output tokens/min at the knee", "tokens/min",
                            history.runs(), LoadFigures::kneeTokensPerMin))
                    .append(TrendChart.svg("trend-ttft", "p95 time to first token", "ms", history.runs(),
                            LoadFigures::ttftP95Ms))
                    .append("</div>");
        }
        history.skipped().forEach(s -> b.append("<p class=\"muted\">skipped ").append(Html.esc(redactor.redact(s)))
                .append("</p>"));
    }

    private static String cell(double v) {
        return "<td>" + (Double.isFinite(v) ? Html.num(v) : "–") + "</td>";
    }
}
