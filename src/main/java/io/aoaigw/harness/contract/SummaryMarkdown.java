package io.aoaigw.harness.contract;

/** The Markdown summary of a run, as appended to a GitHub Actions job summary ($GITHUB_STEP_SUMMARY). */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(ContractSummary summary) {
        StringBuilder md = new StringBuilder()
                .append("### Contract suites: ").append(summary.passed() ? "passed" : "FAILED").append("\n\n")
                .append("Target: ").append(cell(summary.target())).append(" · ").append(summary.durationMs())
                .append(" ms\n\n| step | title | status | passed | failed | skipped |\n|---|---|---|---|---|---|\n");
        for (StepResult step : summary.steps()) {
            md.append("| ").append(step.id()).append(" | ").append(cell(step.title())).append(" | ")
                    .append(StepResult.FAILED.equals(step.status()) ? "❌ failed" : step.status()).append(" | ")
                    .append(SummaryTable.count(step, StepResult.PASSED)).append(" | ")
                    .append(SummaryTable.count(step, StepResult.FAILED)).append(" | ")
                    .append(SummaryTable.count(step, StepResult.SKIPPED)).append(" |\n");
        }
        summary.steps().forEach(step -> step.checks().stream()
                .filter(c -> StepResult.FAILED.equals(c.status()))
                .forEach(c -> md.append("\n- **").append(step.id()).append(" ").append(c.name()).append("**: ")
                        .append(cell(SummaryTable.firstLine(c.detail())))));
        return md.append("\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
