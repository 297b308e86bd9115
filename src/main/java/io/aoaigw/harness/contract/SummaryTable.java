package io.aoaigw.harness.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-screen console table of a contract run: one line per step, and under a failed step an indented line for
 * each of its first failed checks with the message (shortened to the terminal's width; the JSON has it all).
 */
public final class SummaryTable {
    private static final int WIDTH = 118;
    /** Failed checks listed per step, so that ten failed steps still fit one screen. */
    private static final int FAILURES_SHOWN = 2;

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
            List<CheckResult> failed = step.checks().stream().filter(c -> StepResult.FAILED.equals(c.status())).toList();
            failed.stream().limit(FAILURES_SHOWN).forEach(c ->
                    lines.add(shorten("     ✗ " + c.name() + ": " + firstLine(c.detail()), WIDTH)));
            if (failed.size() > FAILURES_SHOWN) {
                lines.add("     … and " + (failed.size() - FAILURES_SHOWN) + " more failed check(s)");
            }
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
