package io.aoaigw.harness.cli;

import io.aoaigw.harness.yaml.YamlFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher: {@code java -jar target/aoai-gateway-harness.jar <command>}. */
@Command(name = "aoai-gateway-harness", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks and load-tests an Azure API Management → Front Door → Azure OpenAI deployment.",
        subcommands = {EmulateCommand.class, CheckTargetCommand.class, MergeCommand.class, ReportCommand.class,
                DiscoverCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for bad input: a topology, target or profile that cannot be used. */
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::oneLine);
        cli.setParameterExceptionHandler(Main::badArguments);
        return cli;
    }

    /** An unknown option, a missing parameter, a value of the wrong type: one line, not the whole usage text. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("error: " + e.getMessage().lines().findFirst().orElse("bad arguments") + " (see "
                + cli.getCommandSpec().qualifiedName() + " --help)");
        return EXIT_BAD_INPUT;
    }

    /** Users get one line and an exit code, not a stack trace; {@code HARNESS_DEBUG=1} shows the trace. */
    private static int oneLine(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (System.getenv("HARNESS_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        if (e instanceof YamlFileException || e instanceof UserInputException
                || e instanceof io.aoaigw.harness.load.LoadProfileException) {
            cli.getErr().println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        cli.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return 1;
    }
}
