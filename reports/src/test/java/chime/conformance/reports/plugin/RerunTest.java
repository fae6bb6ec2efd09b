package chime.conformance.reports.plugin;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

/** The runner may rerun a failed scenario in the same run: the report must show both attempts' story. */
class RerunTest {

    private static final URI FEATURE = URI.create("classpath:features/messages/send.feature");
    private static final String SOURCE = """
            Feature: Sending messages

              @rule:MSG-001 @op:SendChannelMessage
              Scenario: A member sends a message
                Then the target behaves

              @rule:MSG-002 @op:SendChannelMessage
              Scenario: A member sends an empty message
                Then the target behaves
            """;

    @AfterEach
    void forgetContext() {
        RunContext.clear();
    }

    @Test
    void aScenarioThatFailsThenPassesIsFlakyAndKeepsTheFailure(@TempDir Path dir) throws Exception {
        RunContext.install(RunContext.builder().targetName("emulator").build());
        ConformancePlugin plugin = new ConformancePlugin(dir.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(console, true, StandardCharsets.UTF_8));
        SyntheticRun run = new SyntheticRun(plugin, printer).start().source(FEATURE, SOURCE);
        List<String> tags = List.of("@rule:MSG-001", "@op:SendChannelMessage");
        run.attempt(FEATURE, 4, "A member sends a message", tags, new AssertionError("timed out waiting for the message"), null)
                .attempt(FEATURE, 4, "A member sends a message", tags, null, null)
                .attempt(FEATURE, 8, "A member sends an empty message", List.of("@rule:MSG-002"), new AssertionError("accepted"), null)
                .attempt(FEATURE, 8, "A member sends an empty message", List.of("@rule:MSG-002"), new AssertionError("accepted"), null)
                .finish();

        RunResults results = ResultsFile.read(dir);
        ScenarioResult flaky = results.scenario("messages/send.feature#a-member-sends-a-message").orElseThrow();
        assertThat(flaky.status(), is(Status.FLAKY));
        assertThat(flaky.attempts(), is(2));
        assertThat(flaky.errorMessage(), is("timed out waiting for the message"));
        assertThat(flaky.reason(), is("failed on attempt 1 of 2 (FAIL), passed on attempt 2"));

        ScenarioResult stillFailing = results.scenario("messages/send.feature#a-member-sends-an-empty-message").orElseThrow();
        assertThat(stillFailing.status(), is(Status.FAIL));
        assertThat(stillFailing.attempts(), is(2));
        assertThat(results.counts().scenarios(Status.FLAKY), is(1));
        assertThat(results.scenarios().size(), is(2));

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed, containsString("FLAKY 1"));
        assertThat(printed, containsString("2 scenarios on target emulator"));
    }

    @Test
    void aRunWithoutScenariosStillWritesAReport(@TempDir Path dir) throws Exception {
        RunContext.install(RunContext.builder().targetName("reference").build());
        new SyntheticRun(new ConformancePlugin(dir.toString())).start().finish();
        RunResults results = ResultsFile.read(dir);
        assertThat(results.scenarios().size(), is(0));
        assertThat(results.rules().size(), is(242));
        assertThat(java.nio.file.Files.readString(dir.resolve("index.html")), containsString("No scenario ran."));
    }

    @Test
    void theProgressPrinterWritesOneLinePerScenarioWithStatusDurationLocationAndName(@TempDir Path dir) {
        RunContext.install(RunContext.builder().targetName("reference").build());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(console, true, StandardCharsets.UTF_8));
        new SyntheticRun(printer).start().source(FEATURE, SOURCE)
                .attempt(FEATURE, 4, "A member sends a message", List.of("@rule:MSG-001"), null, null)
                .attempt(FEATURE, 8, "A member sends an empty message", List.of("@rule:MSG-002"),
                        new AssertionError("expected BadRequestException\nbut the call succeeded"), null)
                .finish();
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0), matchesPattern("\\[  1] PASS +5ms  messages/send\\.feature:4  A member sends a message"));
        assertThat(lines.get(1), matchesPattern("\\[  2] FAIL +5ms  messages/send\\.feature:8  A member sends an empty message"));
        assertThat(lines.get(2), is("      -> java.lang.AssertionError: expected BadRequestException"));
        assertThat(lines.get(5), containsString("PASS 1  FAIL 1  NOT_APPLICABLE 0  XFAIL 0  XPASS 0  ERROR 0  FLAKY 0"));
    }
}
