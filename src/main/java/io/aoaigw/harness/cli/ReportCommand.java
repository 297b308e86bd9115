package io.aoaigw.harness.cli;

import io.aoaigw.harness.report.ReportIndex;
import io.aoaigw.harness.report.ReportSources;
import io.aoaigw.harness.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: writes reports/index.html linking what the last runs left, with the capacity trend. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes reports/index.html: links to the Allure and Gatling reports, the contract and load",
                "summaries and the detection matrix, the contract steps with each failing check's fix, each load",
                "run's latency distributions, origin shares and answers per second, and the capacity trend of",
                "reports/history/*.json.",
                "Self-contained (opens from file://); secrets are redacted."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "folder of the summaries and of history/ (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--build", paramLabel = "DIR", defaultValue = "target",
            description = "Maven's build folder with allure-results, site/ and gatling/ (default: ${DEFAULT-VALUE})")
    Path build;

    @Option(names = "--out", paramLabel = "FILE", description = "the index (default: REPORTS/index.html)")
    Path out;

    @Option(names = "--summary-md", paramLabel = "FILE",
            description = "also append a Markdown digest to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    Path summaryMd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new UserInputException("--reports " + reports + ": not a folder");
        }
        Path index = out != null ? out : reports.resolve("index.html");
        ReportIndex report = new ReportIndex(ReportSources.scan(reports, build),
                Redactor.forEnvironment(System.getenv()));
        try {
            report.writeHtml(index);
        } catch (IOException e) {
            throw new UserInputException(index + ": cannot write: " + e.getMessage());
        }
        if (summaryMd != null) {
            try {
                Files.writeString(summaryMd, report.markdown(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UserInputException("--summary-md " + summaryMd + ": cannot write: " + e.getMessage());
            }
        }
        spec.commandLine().getOut().println("reports index: " + index.toAbsolutePath());
        return 0;
    }
}
