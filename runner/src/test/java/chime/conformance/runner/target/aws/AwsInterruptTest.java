package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.reference.ReferenceProcessors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted run cleans up: {@code run --target aws} in a JVM of its own is stopped (SIGTERM, as Ctrl+C
 * or a CI job's cancel does) while its scenarios run, and the shutdown hook deletes what it created. The
 * reference served over HTTP by this JVM stands in for AWS.
 */
class AwsInterruptTest {

    @TempDir
    Path work;

    @Test
    void anInterruptedRunDeletesWhatItCreated() throws Exception {
        try (RecordingReference aws = new RecordingReference()) {
            Path credentials = work.resolve("credentials");
            Files.writeString(credentials, "[p]\naws_access_key_id = AKIDINTERRUPT\naws_secret_access_key = s\n");
            Files.writeString(work.resolve("config"), "");
            Path config = work.resolve("aws.yaml");
            StringBuilder yaml = new StringBuilder("endpoint: " + aws.uri() + "\nprocessors:\n");
            for (ProcessorBehaviour b : AwsSettings.NEEDED) {
                yaml.append("  ").append(b.key()).append(": ").append(ReferenceProcessors.arn(b)).append('\n');
            }
            Files.writeString(config, yaml);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(),
                    "-Daws.sharedCredentialsFile=" + credentials, "-Daws.configFile=" + work.resolve("config"),
                    "-cp", System.getProperty("java.class.path"), "chime.conformance.runner.cli.Main",
                    "run", "--target", "aws", "--target-config", config.toString(), "--profile", "p",
                    "--yes-create-resources", "--threads", "1", "--report", work.resolve("report").toString())
                    .redirectErrorStream(true);
            Process run = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                // Stop it once a few scenarios have run: the run's AppInstances exist, and scenarios' too.
                int passed = 0;
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains(" PASS ") && ++passed == 5) {
                        assertThat(aws.kitAppInstances().isEmpty(), is(false));
                        // SIGTERM without closing our end of its output (Process.destroy would), to read the cleanup
                        run.toHandle().destroy();
                    }
                }
            }
            assertThat(String.join("\n", lines), run.waitFor(60, TimeUnit.SECONDS), is(true));
            String output = String.join("\n", lines);
            assertThat(output, containsString("Cleaning up run"));
            assertThat(output, aws.kitAppInstances(), empty());
            assertThat(aws.operations.stream().filter("deleteAppInstance"::equals).count(), greaterThan(1L));
        }
    }
}
