package io.aoaigw.harness.cli;

import io.aoaigw.harness.load.LoadSummary;
import io.aoaigw.harness.load.SummaryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code merge FILE... --out FILE}: adds load summaries of several injectors into one, exactly. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merges load summaries (reports/load-summary.json of several injectors) into one.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "load summaries to merge")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where the merged summary goes")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadSummary merged = new LoadSummary();
        for (Path file : files) {
            try {
                merged.merge(SummaryJson.read(file));
            } catch (IOException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        try {
            SummaryJson.write(merged, out);
        } catch (IOException e) {
            throw new UserInputException(out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getOut().println("merged " + files.size() + " summaries into " + out);
        return 0;
    }
}
