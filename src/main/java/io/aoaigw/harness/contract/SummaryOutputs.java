package io.aoaigw.harness.contract;

import io.aoaigw.harness.target.HarnessConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a run's summary goes. A top-level run (Maven, IDE) writes the JSON ({@code harness.summary.out}, default
 * {@value HarnessConfig#DEFAULT_SUMMARY}), prints the table and appends Markdown to {@code harness.summary.github}
 * or else $GITHUB_STEP_SUMMARY. A nested run ({@link ContractRunner}) writes only what its configuration names.
 */
public final class SummaryOutputs {
    private final HarnessConfig config;
    private final UnaryOperator<String> environment;
    private final PrintStream console;

    public SummaryOutputs(HarnessConfig config, UnaryOperator<String> environment, PrintStream console) {
        this.config = config;
        this.environment = environment;
        this.console = console;
    }

    public void topLevel(ContractSummary summary) {
        SummaryJson.write(summary, config.path(HarnessConfig.SUMMARY_OUT)
                .orElse(Path.of(HarnessConfig.DEFAULT_SUMMARY)));
        console.println(SummaryTable.render(summary));
        config.path(HarnessConfig.GITHUB_SUMMARY)
                .or(() -> Optional.ofNullable(environment.apply("GITHUB_STEP_SUMMARY")).filter(s -> !s.isBlank())
                        .map(Path::of))
                .ifPresent(file -> appendMarkdown(summary, file));
    }

    public void nested(ContractSummary summary) {
        config.path(HarnessConfig.SUMMARY_OUT).ifPresent(file -> SummaryJson.write(summary, file));
        config.path(HarnessConfig.GITHUB_SUMMARY).ifPresent(file -> appendMarkdown(summary, file));
    }

    private static void appendMarkdown(ContractSummary summary, Path file) {
        try {
            Files.writeString(file, SummaryMarkdown.render(summary), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the contract summary to " + file, e);
        }
    }
}
