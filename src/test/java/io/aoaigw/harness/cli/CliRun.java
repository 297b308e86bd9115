package io.aoaigw.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of the launcher, with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Bad input: exit 2 and exactly one line, {@code error: <expected>}, with no exception name or trace. */
    CliRun isOneLineBadInput(String expected) {
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.lines().toList()).as("stderr lines").hasSize(1);
        assertThat(err.strip()).isEqualTo("error: " + expected);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        return this;
    }

    /** Like {@link #isOneLineBadInput} for a line whose end varies (an OS message). */
    CliRun isOneLineBadInputStartingWith(String expectedStart) {
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.lines().toList()).as("stderr lines").hasSize(1);
        assertThat(err.strip()).startsWith("error: " + expectedStart);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        return this;
    }
}
