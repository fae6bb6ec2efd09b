package chime.conformance.runner.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A run of the suite lasts seconds. In that time HotSpot's optimising compiler (C2) spends more CPU compiling
 * than its code gives back, and on a small machine it competes with the scenarios for the cores; the profiling
 * that C1 adds to its code for C2's sake costs as much again (BENCHMARKS.md, section 10). A JVM's flags are
 * chosen before the jar starts, so {@code run} does one of two things:
 * <ul>
 * <li>{@link #inQuickJvm}: started with {@code java -jar} (or {@code java -cp ... Main}), it runs the same
 *     command line again in a JVM of its own with {@code -XX:TieredStopAtLevel=1} (C1 only, without
 *     profiling: a fifth to two fifths less CPU than the next way, over HTTP and in process alike), the same JVM
 *     options and environment, its console inherited, and exits with that JVM's exit code. It does not when
 *     the JVM already has its compilers chosen ({@code -XX:TieredStopAtLevel}, {@code -Xint}, no tiered
 *     compilation) or carries an agent, a debugger or a flight recording, which a second JVM would start
 *     twice;</li>
 * <li>{@link #apply}: otherwise (and in tests, and embedded), it asks the running JVM, through its diagnostic
 *     command MBean, to compile no method with C2: hot methods are compiled by C1 instead. A JVM without that
 *     MBean keeps its compilers.</li>
 * </ul>
 */
final class QuickCompilation {

    /** Set on the JVM {@link #inQuickJvm} starts, so that it does not start another one. */
    static final String CHILD_PROPERTY = "chime.conformance.quick-jvm";

    /** Input arguments after which the JVM is left as it is: its compilers chosen, or tools attached to it. */
    private static final List<String> KEEP_THE_JVM = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
            "-Xint", "-Xcomp", "-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp", "-Xdebug",
            "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");

    /** The environment variables whose options are already among the JVM's input arguments. */
    private static final List<String> OPTIONS_FROM_ENVIRONMENT = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    /** A compiler directive: no method is compiled by C2; methods C2 may not take are compiled by C1. */
    private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompilation() {
    }

    /**
     * Runs {@code args}, this JVM's own command line, in a new JVM with C1 only, and returns its exit code once it
     * has ended; empty when this JVM should run the suite itself (see the class comment), or when the new JVM
     * could not be started.
     */
    static OptionalInt inQuickJvm(List<String> args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> java = ProcessHandle.current().info().command();
        if (System.getProperty(CHILD_PROPERTY) != null || !launchedAsMain() || java.isEmpty()
                || jvmOptions.stream().anyMatch(o -> KEEP_THE_JVM.stream().anyMatch(o::startsWith))) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmOptions);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        OPTIONS_FROM_ENVIRONMENT.forEach(environment::remove);
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // Stopped with this JVM (a signal, a shutdown): the child goes too, and is waited for.
        Thread stopChild = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "chime-conformance-stop-run");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            int exit = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return OptionalInt.of(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return OptionalInt.of(130);
        } catch (IllegalStateException shuttingDown) {
            return OptionalInt.of(130);
        }
    }

    /**
     * Whether this JVM was started to run the command line tool: {@code java -jar <this jar>} or
     * {@code java -cp ... chime.conformance.runner.cli.Main}, not a test runner or a program embedding it.
     */
    private static boolean launchedAsMain() {
        String first = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (first.equals(Main.class.getName())) {
            return true;
        }
        if (!first.endsWith(".jar")) {
            return false;
        }
        try {
            Path own = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isSameFile(Path.of(first), own);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** Returns whether the JVM took the directive. */
    static boolean apply() {
        Path directives = null;
        try {
            directives = Files.createTempFile("chime-conformance-jit", ".json");
            Files.writeString(directives, NO_C2, StandardCharsets.US_ASCII);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            return answer != null && answer.toString().contains("added");
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            if (directives != null) {
                try {
                    Files.deleteIfExists(directives);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }
}
