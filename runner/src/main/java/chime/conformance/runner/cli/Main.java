package chime.conformance.runner.cli;

import java.io.PrintStream;
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
        System.exit(executeGuarded(System.out, System.err, args));
    }

    /**
     * Runs a command line with its console guarded ({@link ConsoleGuard}: credentials redacted, control
     * characters shown as escapes) on {@code out} and {@code err}, and returns its exit code.
     */
    public static int executeGuarded(PrintStream out, PrintStream err, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream guardedOut = ConsoleGuard.guard(out);
        PrintStream guardedErr = ConsoleGuard.guard(err);
        System.setOut(guardedOut);
        System.setErr(guardedErr);
        try {
            return execute(args);
        } finally {
            guardedOut.flush();
            guardedErr.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Runs a command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // No colours: the console strips control characters, escape sequences included.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setOut(new java.io.PrintWriter(System.out, true));
        cli.setErr(new java.io.PrintWriter(System.err, true));
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
