package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.TargetConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve} driven as a third-party endpoint, exactly as the README shows: {@code serve
 * --write-target-config FILE}, then {@code run --target URL --target-config FILE}. Through the processor hooks
 * the endpoint has every capability of the in-process reference, so no scenario is NOT_APPLICABLE for want of
 * one (the only ones left are those a target keeping the documented limit of one processor per flow cannot
 * run, FLOW-002, as on the reference itself), and the run passes. Then the faults only the scenarios that play
 * the processor catch are injected around the client that drives the endpoint, and each is caught over HTTP.
 */
class ServeAsEndpointTest {

    /** Faults in the processor's half of a flow, which only callback and invocation scenarios catch. */
    static final List<String> CALLBACK_FAULTS = List.of("callback-content-ignored",
            "callback-for-another-message-applied", "denied-message-kept", "processor-event-type-per-operation",
            "processor-event-without-metadata");

    /** Why a scenario may still be NOT_APPLICABLE on serve: a property of the target, not a missing capability. */
    static final String DOCUMENTED_LIMIT = "keeps the documented limit of one processor per channel flow (FLOW-002)";

    @Test
    void theWholeSuiteRunsAgainstServeAsAnEndpointAndTheCallbackFaultsAreCaughtOverHttp(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("serve-target.yaml");
        try (Serving serve = Serving.start("--write-target-config", file.toString())) {
            TargetConfig config = TargetConfig.load(file);
            assertThat(config.endpoint(), is(serve.uri()));
            assertThat(config.hooks(), is(URI.create(serve.uri() + "/_chime-conformance/v1")));
            assertThat(config.processors().keySet(), is(java.util.EnumSet.allOf(ProcessorBehaviour.class)));
            assertThat(config.capabilities().contains(Capability.CLOCK_CONTROL), is(true));
            assertThat(serve.banner(), containsString("run --target " + serve.uri() + " --target-config " + file));

            Path report = dir.resolve("report");
            Cli run = Cli.run("run", "--target", serve.uri().toString(), "--target-config", file.toString(),
                    "--threads", "4", "--report", report.toString());

            RunResults results = ResultsFile.read(report);
            List<String> broken = results.scenarios().stream()
                    .filter(s -> s.status() == Status.ERROR || s.status() == Status.FAIL)
                    .map(s -> s.id() + ": " + s.status() + " " + s.errorMessage()).toList();
            assertThat(broken.toString(), broken, is(empty()));
            assertThat(run.describe(), run.exit(), is(0));
            Map<String, Integer> notApplicable = new TreeMap<>();
            for (ScenarioResult s : results.scenarios()) {
                if (s.status() == Status.NOT_APPLICABLE) {
                    notApplicable.merge(s.reason(), 1, Integer::sum);
                    assertThat(s.id() + " lacks nothing serve could give", s.reason(), containsString(DOCUMENTED_LIMIT));
                }
            }
            assertThat(results.target().capabilities().toString(), results.target().capabilities().values(),
                    everyItem(is(true)));
            List<ScenarioResult> played = results.scenarios().stream()
                    .filter(s -> s.tags().contains("@requires:processor:hold")).toList();
            assertThat(played.size(), greaterThan(10));
            assertThat(played.stream().filter(s -> s.status() != Status.PASS).map(ScenarioResult::id).toList(), is(empty()));
            System.out.printf("serve as an endpoint: %s; NOT_APPLICABLE by reason: %s%n", results.counts().scenarios(),
                    notApplicable);

            Path matrix = dir.resolve("kill-matrix");
            Cli killMatrix = Cli.run("kill-matrix", "--target", serve.uri().toString(), "--target-config",
                    file.toString(), "--fault", String.join(",", CALLBACK_FAULTS), "--tags", "@area:FLOW",
                    "--threads", "4", "--report", matrix.toString());
            assertThat(killMatrix.describe(), killMatrix.exit(), is(0));
            JsonNode written = new ObjectMapper().readTree(matrix.resolve("kill-matrix.json").toFile());
            List<String> caught = new ArrayList<>();
            for (JsonNode fault : written.get("results")) {
                assertThat(fault.get("name").asText(), fault.get("caught").asBoolean(), is(true));
                caught.add(fault.get("name").asText() + " by " + fault.get("caughtBy").size());
            }
            assertThat(caught.size(), is(CALLBACK_FAULTS.size()));
            System.out.println("callback faults caught over HTTP: " + caught);
        }
    }

    /**
     * "before the processor answers" is checked, not assumed: with a slow processor that does not wait, a read
     * cannot tell whether it saw the message in processing, and the scenario is an error of the kit's setting
     * (never a failure of the target); the scenarios that wait for processing to end still pass.
     */
    @Test
    void aSlowProcessorThatDoesNotWaitMakesItsScenariosErrorsNotFailures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serve-target.yaml");
        try (Serving serve = Serving.start("--write-target-config", file.toString(), "--slow-processor-delay", "PT0S")) {
            Path report = dir.resolve("report");
            Cli.run("run", "--target", serve.uri().toString(), "--target-config", file.toString(), "--tags",
                    "@requires:processor:slow-pass-through", "--report", report.toString());
            RunResults results = ResultsFile.read(report);
            assertThat(results.scenarios().size(), greaterThan(5));
            for (ScenarioResult s : results.scenarios()) {
                boolean before = s.steps().stream().anyMatch(st -> st.text().contains("before the processor answers"));
                assertThat(s.id(), s.status(), is(before ? Status.ERROR : Status.PASS));
                if (before) {
                    assertThat(s.errorMessage(), containsString("slowProcessorDelay"));
                }
            }
            assertThat(results.scenarios().stream().map(ScenarioResult::status).toList(), not(empty()));
        }
    }

    /** {@code serve --port 0} with the options given, until closed. */
    record Serving(Thread thread, CompletableFuture<Integer> exit, StringWriter printed, URI uri) implements AutoCloseable {

        static Serving start(String... options) throws InterruptedException {
            StringWriter printed = new StringWriter();
            CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(printed, true));
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
            args.addAll(List.of(options));
            Thread thread = new Thread(() -> exit.complete(cli.execute(args.toArray(String[]::new))), "serve-as-endpoint");
            thread.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String text = printed.toString();
                Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(text);
                if (text.contains("Press Ctrl+C to stop.") && url.find()) {
                    return new Serving(thread, exit, printed, URI.create(url.group(1)));
                }
                if (exit.isDone()) {
                    break;
                }
                Thread.sleep(20);
            }
            thread.interrupt();
            throw new AssertionError("serve printed no banner: " + printed);
        }

        String banner() {
            return printed.toString();
        }

        @Override
        public void close() throws Exception {
            thread.interrupt();
            exit.get(10, TimeUnit.SECONDS);
        }
    }
}
