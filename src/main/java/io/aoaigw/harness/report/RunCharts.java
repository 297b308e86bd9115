package io.aoaigw.harness.report;

import io.aoaigw.harness.load.LoadSummary;
import io.aoaigw.harness.secrets.Redactor;

/**
 * The pictures of one load summary: TTFT and ITL distributions from its HdrHistograms, the answers per origin
 * against the expected shares, and the answers per second by status. Ids are suffixed with the summary's position on
 * the page so several summaries can be shown side by side.
 */
final class RunCharts {
    private RunCharts() {
    }

    static String html(int n, LoadFigures run, ExpectedShares expected, Redactor redactor) {
        LoadSummary s = run.summary();
        return new StringBuilder("<section class=\"run\" id=\"run-").append(n).append("\"><h3>")
                .append(Html.esc(redactor.redact(run.file().getFileName() + " — "
                        + String.join(", ", run.sources()))))
                .append("</h3><div class=\"charts\">")
                .append(DistributionChart.svg("ttft-" + n, "Time to first token", s.histogram(LoadSummary.TTFT)))
                .append(DistributionChart.svg("itl-" + n, "Inter-token latency", s.histogram(LoadSummary.ITL)))
                .append(OriginShareChart.svg("origins-" + n, s.origins(), expected.of(run)))
                .append("</div>")
                .append(TimelineChart.svg("timeline-" + n, s.timeline()))
                .append("</section>").toString();
    }
}
