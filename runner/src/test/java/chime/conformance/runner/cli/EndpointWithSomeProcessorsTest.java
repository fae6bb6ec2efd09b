package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Capabilities at the grain of what a scenario needs (design section 12), end to end: the whole suite against
 * an endpoint ({@code serve}) whose target config declares only the pass-through, deny and unreachable
 * processors. Nothing is ERROR: a scenario that runs the rewrite processor (or needs to see or play a
 * processor) is NOT_APPLICABLE, saying what the target lacks, decided before its first step; scenarios that
 * only manage channel flows run, with a well-formed Lambda ARN that is never invoked.
 */
class EndpointWithSomeProcessorsTest {

    private static final List<String> DECLARED = List.of("pass-through", "deny", "unreachable");

    @Test
    void aRunWithThreeProcessorsHasNoErrorAndTheRestIsNotApplicableWithTheReason(@TempDir Path dir) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine serve = new CommandLine(new Main()).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> stopped = new CompletableFuture<>();
        Thread serving = new Thread(() -> stopped.complete(serve.execute("serve", "--port", "0")), "serve-endpoint-test");
        serving.start();
        try {
            String banner = awaitBanner(printed);
            Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
            assertThat(banner, url.find(), is(true));
            StringBuilder config = new StringBuilder("consistency: PT2S\nprocessors:\n");
            for (String behaviour : DECLARED) {
                Matcher arn = Pattern.compile("(?m)^\\s+" + Pattern.quote(behaviour) + "\\s+(arn:\\S+)$").matcher(banner);
                assertThat("serve prints the ARN of its " + behaviour + " processor", arn.find(), is(true));
                config.append("  ").append(behaviour).append(": ").append(arn.group(1)).append('\n');
            }
            Path file = dir.resolve("endpoint.yaml");
            Files.writeString(file, config);
            Path report = dir.resolve("report");

            Cli run = Cli.run("run", "--target", url.group(1), "--target-config", file.toString(), "--threads", "4",
                    "--report", report.toString());

            RunResults results = ResultsFile.read(report);
            List<String> broken = results.scenarios().stream()
                    .filter(s -> s.status() == Status.ERROR || s.status() == Status.FAIL)
                    .map(s -> s.id() + ": " + s.status() + " " + s.errorMessage()).toList();
            assertThat(broken.toString(), broken, is(empty()));
            assertThat(run.describe(), run.exit(), is(0));

            List<ScenarioResult> rewrite = results.scenarios().stream()
                    .filter(s -> s.tags().contains("@requires:processor:rewrite")).toList();
            assertThat(rewrite.size(), greaterThan(0));
            for (ScenarioResult s : rewrite) {
                assertThat(s.id(), s.status(), is(Status.NOT_APPLICABLE));
                assertThat(s.id(), s.reason(), containsString("lacks processor:rewrite"));
                assertThat("decided before the first step", s.steps().stream().allMatch(st -> !st.status().equals("passed")
                        && !st.status().equals("failed")), is(true));
            }
            for (ScenarioResult s : results.scenarios()) {
                if (s.status() == Status.NOT_APPLICABLE) {
                    assertThat(s.id(), s.reason(), containsString("lacks"));
                }
            }
            List<ScenarioResult> managing = results.scenarios().stream()
                    .filter(s -> s.feature().equals("flows/channel-flows.feature")).toList();
            assertThat(managing.size(), greaterThan(0));
            assertThat("flows that are only managed run on any endpoint", managing.stream()
                    .filter(s -> s.status() != Status.PASS).map(ScenarioResult::id).toList(), is(empty()));

            Map<String, Boolean> capabilities = results.target().capabilities();
            assertThat(capabilities.get("processor:pass-through"), is(true));
            assertThat(capabilities.get("processor:deny"), is(true));
            assertThat(capabilities.get("processor:unreachable"), is(true));
            assertThat(capabilities.get("processor:rewrite"), is(false));
            assertThat(Jsoup.parse(report.resolve("index.html").toFile(), "UTF-8").getElementById("declared-processors")
                    .text(), is("Channel-flow processors declared: deny, pass-through, unreachable."));
            System.out.printf("Endpoint with %s: %s%n", DECLARED, results.counts().scenarios());
        } finally {
            serving.interrupt();
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitBanner(StringWriter printed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String text = printed.toString();
            if (text.contains("Press Ctrl+C to stop.")) {
                return text;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve printed no banner: " + printed);
    }
}
