package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, {@code scripts/test}, provisions the AWS CLI the interop test needs or stops
 * with one line saying how to install it or skip that test: {@code scripts/check-test-script.sh} checks
 * its cases with stand-ins for {@code aws}, {@code apt-get}, {@code sudo} and {@code mvn}, touching nothing
 * on the machine (about two seconds).
 */
class TestCommandScriptTest {

    @Test
    void theTestCommandProvisionsOrStopsWithOneLine(@TempDir Path dir) throws Exception {
        Path check = Path.of("").toAbsolutePath().resolveSibling("scripts").resolve("check-test-script.sh");
        Assumptions.assumeTrue(Files.isRegularFile(check), "not in a checkout: " + check);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash here");
        Path output = dir.resolve("output");
        Process process = new ProcessBuilder("/bin/bash", check.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat("finished within a minute: " + printed, finished, is(true));
        assertThat(printed, process.exitValue(), is(0));
    }
}
