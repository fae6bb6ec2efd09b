package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} started from the command line runs the suite in a JVM of its own with the quick compiler alone,
 * and exits as that JVM does; with {@code --full-jit}, or in a JVM whose compilers are chosen already, it runs
 * the suite itself.
 */
class QuickJvmTest {

    @TempDir
    Path dir;

    @Test
    void aRunStartsOneJvmWithTheQuickCompilerAndExitsWithItsCode() throws Exception {
        Launch launch = launch(List.of(), "run", "--tags", "@op:UpdateChannelReadMarker", "--report",
                dir.resolve("r").toString());
        assertThat(launch.output, launch.quickChildren, is(1));
        assertThat(launch.output, launch.exit, is(0));
        assertThat(launch.output, containsString("FAIL 0"));
    }

    @Test
    void theChildsExitCodeIsTheRunsExitCode() throws Exception {
        Launch launch = launch(List.of(), "run", "--tags", "@no-such-tag", "--report", dir.resolve("r").toString());
        assertThat(launch.output, launch.quickChildren, is(1));
        assertThat(launch.output, launch.exit, is(2));
        assertThat(launch.output, containsString("no scenario matches --tags '@no-such-tag'"));
    }

    @Test
    void fullJitRunsInTheSameJvm() throws Exception {
        Launch launch = launch(List.of(), "run", "--full-jit", "--tags", "@no-such-tag", "--report",
                dir.resolve("r").toString());
        assertThat(launch.output, launch.quickChildren, is(0));
        assertThat(launch.output, launch.exit, is(2));
    }

    @Test
    void aJvmWithItsCompilersChosenRunsTheSuiteItself() throws Exception {
        Launch launch = launch(List.of("-XX:TieredStopAtLevel=1"), "run", "--tags", "@no-such-tag", "--report",
                dir.resolve("r").toString());
        assertThat(launch.output, launch.quickChildren, is(0));
        assertThat(launch.output, launch.exit, is(2));
    }

    private record Launch(int exit, int quickChildren, String output) {
    }

    /** {@code java <jvmOptions> -cp <this classpath> Main <args>}, watching the JVMs it starts. */
    private Launch launch(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        Set<Long> quick = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!process.waitFor(20, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            process.descendants().filter(p -> p.info().commandLine().map(c -> c.contains(" -XX:TieredStopAtLevel=1 "))
                            .orElse(false))
                    .forEach(p -> quick.add(p.pid()));
        }
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat("the run ended in time", process.waitFor(10, TimeUnit.SECONDS), is(true));
        return new Launch(process.exitValue(), quick.size(), Files.readString(output));
    }
}
