package chime.conformance.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar chime-conformance.jar <command>}. */
@Command(name = "chime-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        description = "Conformance test kit for the Amazon Chime SDK Messaging API.",
        subcommands = {RunCommand.class, ServeCommand.class, SweepCommand.class, CompareCommand.class,
                ExpectationsCommand.class, FaultsCommand.class, KillMatrixCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e : e.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
