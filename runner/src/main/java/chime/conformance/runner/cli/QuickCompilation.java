package chime.conformance.runner.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A run of the suite lasts seconds. In that time HotSpot's optimising compiler (C2) spends more CPU compiling
 * than its code gives back, and on a small machine it competes with the scenarios for the cores
 * (BENCHMARKS.md). A JVM's flags are chosen before the jar starts, so {@code run} asks the running JVM,
 * through its diagnostic command MBean, to compile no method with C2: hot methods are compiled by C1 instead.
 * That saves a quarter to a third of a run's CPU; {@code -XX:TieredStopAtLevel=1}, which also skips C1's
 * profiling, saves half. A JVM without that MBean keeps its compilers.
 */
final class QuickCompilation {

    /** A compiler directive: no method is compiled by C2; methods C2 may not take are compiled by C1. */
    private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompilation() {
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
