package chime.conformance.reports.expectations;

import chime.conformance.reports.model.ExpectationsSummary;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static chime.conformance.reports.expectations.ExpectationsTest.scenario;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpectationsFileTest {

    private static RunResults run(ScenarioResult... scenarios) {
        List<ScenarioResult> list = List.of(scenarios);
        return new RunResults(RunResults.SCHEMA, new KitInfo("0.1.0", "abc"), new TargetInfo("emulator", "", Map.of()),
                Instant.EPOCH, Instant.EPOCH, 0, false, false, Verdict.FAILED, RunResults.Counts.of(list, List.of()),
                (ExpectationsSummary) null, List.of(), list, List.of(), List.of());
    }

    @Test
    void aWrittenFileReadsBackTheSame(@TempDir Path dir) throws IOException {
        Expectations expectations = new Expectations("emulator", List.of(
                Expectation.forRule("FLOW-001", "channel flows: not implemented", "https://example.org/1"),
                Expectation.forScenario("channels/privacy.feature#a-non-member-cannot-post", "reason: with \"quotes\" & a colon", null)));
        Path file = dir.resolve("emulator.yaml");
        ExpectationsFile.write(expectations, file);
        assertThat(ExpectationsFile.read(file), is(expectations));
        assertThat(Files.readString(file), startsWith("# Known failures of the conformance kit on target \"emulator\"."));
    }

    @Test
    void theGeneratedFileListsEveryFailureSortedAndKeepsReviewedReasons() {
        Expectations previous = new Expectations("emulator", List.of(
                Expectation.forScenario("b.feature#b", "reviewed reason", "https://example.org/b"),
                Expectation.forScenario("c.feature#now-passes", "old", null)));
        RunResults results = run(
                scenario("c.feature#now-passes", Status.XPASS, "MSG-001"),
                scenario("b.feature#b", Status.XFAIL, "MSG-002"),
                scenario("a.feature#new-failure", Status.FAIL, "MSG-003"),
                scenario("a.feature#error", Status.ERROR, "MSG-004"),
                scenario("a.feature#pass", Status.PASS, "MSG-005"));
        Expectations generated = ExpectationsWriter.generate(results, previous);
        assertThat(generated.target(), is("emulator"));
        assertThat(generated.entries().stream().map(Expectation::key).toList(),
                contains("scenario:a.feature#new-failure", "scenario:b.feature#b"));
        assertThat(generated.entries().get(0).reason(), is("Unreviewed: AssertionError: boom"));
        assertThat(generated.entries().get(1).reason(), is("reviewed reason"));
        assertThat(generated.entries().get(1).link(), is("https://example.org/b"));
    }

    @Test
    void aRuleEntryIsKeptWhileItsRuleStillFailsAndCoversItsScenarios() {
        Expectations previous = new Expectations("emulator", List.of(
                Expectation.forRule("FLOW-001", "flows: not implemented", null),
                Expectation.forRule("TAG-001", "tags: not implemented", null)));
        RunResults results = run(scenario("f.feature#a", Status.XFAIL, "FLOW-001"), scenario("f.feature#b", Status.XFAIL, "FLOW-001"),
                scenario("t.feature#a", Status.PASS, "TAG-001"));
        Expectations generated = ExpectationsWriter.generate(results, previous);
        assertThat(generated.entries().stream().map(Expectation::key).toList(), contains("rule:FLOW-001"));
    }

    @Test
    void generatingTwiceFromTheSameRunChangesNothing(@TempDir Path dir) throws IOException {
        RunResults results = run(scenario("a.feature#x", Status.FAIL, "MSG-001"), scenario("a.feature#y", Status.FAIL, "MSG-002"));
        Path file = dir.resolve("e.yaml");
        ExpectationsFile.write(ExpectationsWriter.generate(results, null), file);
        String first = Files.readString(file);
        ExpectationsFile.write(ExpectationsWriter.generate(results, ExpectationsFile.read(file)), file);
        assertThat(Files.readString(file), is(first));
    }

    @Test
    void aMalformedFileIsAnErrorThatSaysWhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "target: emulator\nexpectations:\n  - scenario: a.feature#x\n");
        IOException noReason = assertThrows(IOException.class, () -> ExpectationsFile.read(file));
        assertThat(noReason.getMessage(), containsString("entry 1 (a.feature#x): a reason is required"));
        Files.writeString(file, "expectations: []\n");
        assertThat(assertThrows(IOException.class, () -> ExpectationsFile.read(file)).getMessage(), containsString("names no target"));
        Files.writeString(file, "target: x\nexpectations:\n  - scenario: a\n    rule: B-001\n    reason: r\n");
        assertThat(assertThrows(IOException.class, () -> ExpectationsFile.read(file)).getMessage(),
                containsString("name exactly one of scenario or rule"));
    }
}
