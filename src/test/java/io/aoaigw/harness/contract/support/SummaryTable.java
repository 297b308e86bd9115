package io.aoaigw.harness.contract.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-screen console table of a contract run: one line per step, and under a failed step one indented line per
 * failed check with its message (shortened to the terminal's width; the JSON has it whole).
 */
public final class SummaryTable {
    private static final int WIDTH = 118;

    private SummaryTable() {
    }

    public static String render(ContractSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("Contract suites — " + summary.target() + " — " + summary.durationMs() + " ms");
        lines.add(String.format("%-4s %-40s %-8s %s", "step", "title", "status", "checks (passed/failed/skipped)"));
        for (StepResult step : summary.steps()) {
            lines.add(String.format("%-4s %-40s %-8s %d/%d/%d", step.id(), shorten(step.title(), 40),
                    step.status().toUpperCase(), count(step, StepResult.PASSED), count(step, StepResult.FAILED),
                    count(step, StepResult.SKIPPED)));
            step.checks().stream().filter(c -> StepResult.FAILED.equals(c.status())).forEach(c ->
                    lines.add(shorten("     ✗ " + c.name() + ": " + firstLine(c.detail()), WIDTH)));
        }
        lines.add(summary.passed() ? "All steps passed." : "Some steps FAILED: details in the summary JSON.");
        return String.join(System.lineSeparator(), lines);
    }

    static long count(StepResult step, String status) {
        return step.checks().stream().filter(c -> status.equals(c.status())).count();
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
