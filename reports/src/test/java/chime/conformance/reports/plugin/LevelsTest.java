package chime.conformance.reports.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import chime.conformance.reports.CucumberHarness;
import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RuleResult;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Required and tentative scenarios (design section 11): a run whose only failures are tentative passes, shows
 * them in a section of their own with the kit's reason, and fails only when strict; results.json and
 * junit.xml carry each scenario's level.
 */
class LevelsTest {

    /** AUTH-021 and AUTH-022 pass where required; the tentative scenarios of AUTH-022 and PAGE-005 fail. */
    static final String FEATURE = """
            @op:ListChannelMessages
            Feature: Reading channels

              Background:
                Given Alice has created the channel "book-club"

              @rule:AUTH-021
              Scenario: A non-member reads a public channel
                When Carol lists the messages in "book-club"
                Then she sees 1 messages

              # The documentation does not say which error a stranger gets; the kit expects ForbiddenException.
              @rule:AUTH-022 @assumption
              Scenario: A stranger is refused
                When Carol lists the messages in "book-club"
                Then the request fails with ForbiddenException

              @rule:AUTH-022
              Scenario: A member reads it
                When Carol lists the messages in "book-club"
                Then she sees 1 messages

              @rule:PAGE-005 @assumption
              Rule: A forged next token is refused
                # No source says how a forged token is answered: the kit expects it refused as bad input.

                Scenario: A forged token
                  When Carol lists the messages in "book-club"
                  Then the request fails with BadRequestException

                @assumption
                Scenario: A tentative scenario that holds
                  When Carol lists the messages in "book-club"
                  Then she sees 1 messages
            """;

    private static Path run(Path dir, boolean strict) throws Exception {
        return new CucumberHarness(dir)
                .feature("channels/reading.feature", FEATURE)
                .run(RunContext.builder().targetName("emulator").targetDescription("an emulator").strict(strict)
                        .kitVersion("1.2.3").kitCommit("abc1234").startTime(Instant.parse("2025-01-01T10:00:00Z"))
                        .build());
    }

    private static ScenarioResult scenario(RunResults results, String slug) {
        return results.scenario("channels/reading.feature#" + slug).orElseThrow();
    }

    @Test
    void aRunWhoseOnlyFailuresAreTentativePassesAndSaysWhy(@TempDir Path dir) throws Exception {
        Path report = run(dir, false);
        RunResults results = ResultsFile.read(report);

        assertThat(results.verdict(), is(Verdict.PASSED));
        ScenarioResult stranger = scenario(results, "a-stranger-is-refused");
        assertThat(stranger.status(), is(Status.FAIL));
        assertThat(stranger.level(), is(Level.TENTATIVE));
        assertThat(stranger.assumption(), is("The documentation does not say which error a stranger gets; the kit"
                + " expects ForbiddenException."));
        ScenarioResult forged = scenario(results, "a-forged-token");
        assertThat("a rule's comment explains its scenarios", forged.assumption(),
                is("No source says how a forged token is answered: the kit expects it refused as bad input."));
        ScenarioResult required = scenario(results, "a-non-member-reads-a-public-channel");
        assertThat(required.level(), is(Level.REQUIRED));
        assertThat(required.assumption(), nullValue());

        assertThat(results.counts().scenarios(Level.REQUIRED, Status.PASS), is(2));
        assertThat(results.counts().scenarios(Level.REQUIRED, Status.FAIL), is(0));
        assertThat(results.counts().scenarios(Level.TENTATIVE, Status.PASS), is(1));
        assertThat(results.counts().scenarios(Level.TENTATIVE, Status.FAIL), is(2));
        RuleResult page = results.rule("PAGE-005").orElseThrow();
        assertThat("every scenario of PAGE-005 is tentative", page.level(), is(Level.TENTATIVE));
        assertThat("AUTH-022 has a required scenario", results.rule("AUTH-022").orElseThrow().level(), is(Level.REQUIRED));

        JsonNode json = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        assertThat(json.at("/counts/levels/TENTATIVE/FAIL").asInt(), is(2));
        JsonNode strangerJson = findScenario(json, "channels/reading.feature#a-stranger-is-refused");
        assertThat(strangerJson.get("level").asText(), is("TENTATIVE"));
        assertThat(strangerJson.get("assumption").asText(), containsString("the kit expects ForbiddenException"));

        Document index = Jsoup.parse(report.resolve("index.html").toFile(), "UTF-8");
        Element section = index.getElementById("tentative-failures");
        assertThat(section.text(), is("The target differs from the kit's reading where AWS documents nothing"));
        List<Element> rows = index.select("#tentative-failure-table tr.tentative-failure");
        assertThat(rows, hasSize(2));
        Element row = index.selectFirst("tr.tentative-failure[data-scenario=channels/reading.feature#a-stranger-is-refused]");
        assertThat(row.text(), containsString("A stranger is refused"));
        assertThat(row.text(), containsString("AUTH-022"));
        assertThat(row.select("td.assumption").text(), containsString("the kit expects ForbiddenException"));
        assertThat(row.text(), containsString("expected ForbiddenException but the call succeeded"));
        assertThat(index.selectFirst("tr.level-row[data-level=REQUIRED]").text(), containsString("yes"));
        assertThat(index.selectFirst("tr.level-row[data-level=TENTATIVE]").text(), containsString("only a --strict run"));
        assertThat(index.getElementById("verdict-levels").text(),
                is("required: 2 passed, 0 failed · tentative: 1 passed, 2 failed"));

        Document rules = Jsoup.parse(report.resolve("rules.html").toFile(), "UTF-8");
        assertThat(rules.getElementById("PAGE-005").select("span.level.tentative").text(), is("tentative"));
        assertThat(rules.getElementById("AUTH-022").select("span.level.tentative").isEmpty(), is(true));

        Document junit = Jsoup.parse(Files.readString(report.resolve("junit.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(junit.selectFirst("testsuite").attr("failures"), is("0"));
        Element strangerCase = junit.selectFirst("testcase[name=A stranger is refused]");
        assertThat(strangerCase.selectFirst("property[name=level]").attr("value"), is("tentative"));
        assertThat(strangerCase.selectFirst("property[name=status]").attr("value"), is("FAIL"));
        assertThat("a tentative failure does not fail a CI job that is not strict", strangerCase.select("failure"), hasSize(0));
        assertThat(strangerCase.selectFirst("skipped").attr("message"), containsString("tentative"));
        Element requiredCase = junit.selectFirst("testcase[name=A non-member reads a public channel]");
        assertThat(requiredCase.selectFirst("property[name=level]").attr("value"), is("required"));
    }

    @Test
    void aStrictRunFailsOnTentativeFailures(@TempDir Path dir) throws Exception {
        Path report = run(dir, true);
        RunResults results = ResultsFile.read(report);

        assertThat(results.verdict(), is(Verdict.FAILED));
        Document junit = Jsoup.parse(Files.readString(report.resolve("junit.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(junit.selectFirst("testsuite").attr("failures"), is("2"));
        assertThat(junit.selectFirst("testcase[name=A stranger is refused]").select("failure"), hasSize(1));
        Document index = Jsoup.parse(report.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.getElementById("verdict").text(), is("FAILED"));
        assertThat(index.selectFirst("tr.level-row[data-level=TENTATIVE]").text(), not(containsString("only a --strict run")));
    }

    private static JsonNode findScenario(JsonNode json, String id) {
        for (JsonNode s : json.get("scenarios")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + id);
    }

    @Test
    void theLevelOfAScenarioComesFromItsAssumptionTag() {
        assertThat(Level.of(List.of("@rule:X-001", "@assumption")), equalTo(Level.TENTATIVE));
        assertThat(Level.of(List.of("@rule:X-001", "@model")), equalTo(Level.REQUIRED));
        assertThat(Level.REQUIRED.failsRun(Status.FAIL, false), is(true));
        assertThat(Level.TENTATIVE.failsRun(Status.FAIL, false), is(false));
        assertThat(Level.TENTATIVE.failsRun(Status.FAIL, true), is(true));
        assertThat("the kit breaking fails a run at any level", Level.TENTATIVE.failsRun(Status.ERROR, false), is(true));
        assertThat(Level.REQUIRED.failsRun(Status.XPASS, false), is(false));
        assertThat(Level.REQUIRED.failsRun(Status.XPASS, true), is(true));
    }
}
