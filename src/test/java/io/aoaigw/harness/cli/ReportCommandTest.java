package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} writes the index (and the Markdown digest when asked); a reports path that is a file is bad input. */
class ReportCommandTest {

    @Test
    void writesTheIndexAndAppendsTheMarkdownDigest(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("summary.md"), "earlier step\n");

        int exit = run("report", "--reports", dir.resolve("reports").toString(), "--build",
                dir.resolve("target").toString(), "--summary-md", md.toString());

        assertThat(exit).isZero();
        assertThat(dir.resolve("reports/index.html")).content().contains("aoai-gateway-harness reports");
        assertThat(md).content().startsWith("earlier step\n").contains("## aoai-gateway-harness");
    }

    @Test
    void aReportsPathThatIsAFileIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("report", "--reports", file.toString());

        assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: --reports " + file + ": not a folder" + System.lineSeparator());
    }

    private static int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
