package chime.conformance.reports.plugin;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/** The plugin applies the expectation file the run context names. */
class ExpectationsInRunTest {

    private static final URI FEATURE = URI.create("classpath:features/flows/fallback.feature");
    private static final String SOURCE = """
            Feature: Fallback

              @rule:FLOW-010
              Scenario: An unreachable processor aborts
                Then the target behaves

              @rule:FLOW-011
              Scenario: An unreachable processor continues
                Then the target behaves
            """;

    @AfterEach
    void forgetContext() {
        RunContext.clear();
    }

    private static RunResults run(Path dir, boolean strict) throws Exception {
        Path expectations = dir.resolve("emulator.yaml");
        Files.writeString(expectations, """
                target: emulator
                expectations:
                  - scenario: flows/fallback.feature#an-unreachable-processor-aborts
                    reason: fallback is not implemented
                  - scenario: flows/fallback.feature#an-unreachable-processor-continues
                    reason: fallback is not implemented
                  - rule: TAG-001
                    reason: tags are not implemented
                """);
        RunContext.install(RunContext.builder().targetName("emulator").expectationsFile(expectations).strict(strict).build());
        Path report = dir.resolve("report");
        new SyntheticRun(new ConformancePlugin(report.toString())).start().source(FEATURE, SOURCE)
                .attempt(FEATURE, 4, "An unreachable processor aborts", List.of("@rule:FLOW-010"), new AssertionError("message was sent"), null)
                .attempt(FEATURE, 8, "An unreachable processor continues", List.of("@rule:FLOW-011"), null, null)
                .finish();
        return ResultsFile.read(report);
    }

    @Test
    void listedFailuresAreExpectedAndListedPassesAreNot(@TempDir Path dir) throws Exception {
        RunResults results = run(dir, false);
        assertThat(results.scenario("flows/fallback.feature#an-unreachable-processor-aborts").orElseThrow().status(), is(Status.XFAIL));
        assertThat(results.scenario("flows/fallback.feature#an-unreachable-processor-continues").orElseThrow().status(), is(Status.XPASS));
        assertThat(results.expectations().unmatched(), contains("rule:TAG-001"));
        assertThat("a non-strict run tolerates a stale entry", results.verdict(), is(Verdict.PASSED));
        Document index = Jsoup.parse(dir.resolve("report/index.html").toFile());
        assertThat(index.select("#unmatched-expectations li").text(), is("rule:TAG-001"));
    }

    @Test
    void aStrictRunFailsOnAnUnexpectedPass(@TempDir Path dir) throws Exception {
        assertThat(run(dir, true).verdict(), is(Verdict.FAILED));
    }
}
