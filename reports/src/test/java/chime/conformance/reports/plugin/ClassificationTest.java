package chime.conformance.reports.plugin;

import chime.conformance.reports.CucumberHarness;
import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Real Cucumber runs small features with the plugin attached; the tests read what it wrote. */
class ClassificationTest {

    static final String PRIVACY = """
            @op:ListChannelMessages
            Feature: Channel privacy
              Who may read a channel.

              Background:
                Given Alice has created the channel "book-club"

              @rule:AUTH-021
              Scenario: A non-member reads a public channel
                When Carol lists the messages in "book-club"
                Then she sees 1 messages

              @rule:AUTH-022
              Scenario: A non-member cannot read a private channel
                When Carol lists the messages in "book-club"
                Then the request fails with ForbiddenException

              @rule:AUTH-022
              Scenario Outline: Counting messages
                When Carol lists the messages in "book-club"
                Then she sees <count> messages

                Examples:
                  | count |
                  | 1     |
                  | 2     |

              @rule:AUTH-021
              Scenario: A non-member reads a public channel
                When Carol lists the messages in "book-club"
                Then she sees 1 messages
            """;

    static final String BROKEN = """
            Feature: What breaks the kit

              @rule:FLOW-001 @requires:flow-processors
              Scenario: A flow rewrites the message
                When Carol lists the messages in "book-club"

              @rule:CHAN-001
              Scenario: An undefined step
                When Bob does something nobody defined

              @rule:CHAN-001
              Scenario: The fixtures break
                Given the fixtures cannot be provisioned

              @rule:CHAN-002 @broken-hook
              Scenario: A hook breaks
                When Carol lists the messages in "book-club"

              @rule:CHAN-003
              Scenario: A pending step
                Given the step is pending

              @rule:ENDP-001
              Scenario: The target refuses connections
                When Carol calls a target that refuses connections

              @rule:ENDP-001
              Scenario: The target never answers
                When Carol calls a target that never answers
            """;

    static RunResults results;
    static Path report;

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        report = new CucumberHarness(dir)
                .feature("channels/privacy.feature", PRIVACY)
                .feature("kit/broken.feature", BROKEN)
                .run(RunContext.builder().targetName("demo").targetDescription("in-process demo")
                        .capability("flow-processors", false).kitVersion("1.2.3").kitCommit("abc1234")
                        .startTime(Instant.parse("2025-01-01T10:00:00Z")).build());
        results = ResultsFile.read(report);
    }

    private static ScenarioResult scenario(String id) {
        return results.scenario(id).orElseThrow(() -> new AssertionError("no scenario " + id + " in " +
                results.scenarios().stream().map(ScenarioResult::id).toList()));
    }

    @Test
    void aPassingScenarioPasses() {
        ScenarioResult passing = scenario("channels/privacy.feature#a-non-member-reads-a-public-channel");
        assertThat(passing.status(), is(Status.PASS));
        assertThat(passing.rules(), hasItem("AUTH-021"));
        assertThat(passing.operations(), hasItem("ListChannelMessages"));
        assertThat(passing.line(), is(9));
        assertThat(passing.steps().size(), is(3));
    }

    @Test
    void aFailedAssertionFailsWithItsMessage() {
        ScenarioResult failing = scenario("channels/privacy.feature#a-non-member-cannot-read-a-private-channel");
        assertThat(failing.status(), is(Status.FAIL));
        assertThat(failing.errorType(), is("java.lang.AssertionError"));
        assertThat(failing.errorMessage(), is("expected ForbiddenException but the call succeeded"));
        assertThat(failing.steps().get(2).status(), is("failed"));
    }

    @Test
    void outlineRowsAndRepeatedNamesGetNumberedIds() {
        assertThat(scenario("channels/privacy.feature#counting-messages-1").status(), is(Status.PASS));
        assertThat(scenario("channels/privacy.feature#counting-messages-2").status(), is(Status.FAIL));
        assertThat(scenario("channels/privacy.feature#a-non-member-reads-a-public-channel-2").line(), is(29));
    }

    @Test
    void aMissingCapabilityIsNotApplicableWithTheReason() {
        ScenarioResult flow = scenario("kit/broken.feature#a-flow-rewrites-the-message");
        assertThat(flow.status(), is(Status.NOT_APPLICABLE));
        assertThat(flow.reason(), is("the target does not declare capability flow-processors"));
        assertThat(flow.errorType(), nullValue());
    }

    @Test
    void anUndefinedStepIsAnErrorOfTheKit() {
        ScenarioResult undefined = scenario("kit/broken.feature#an-undefined-step");
        assertThat(undefined.status(), is(Status.ERROR));
        assertThat(undefined.errorType(), is("UndefinedStep"));
        assertThat(undefined.errorMessage(), containsString("Bob does something nobody defined"));
    }

    @Test
    void aHarnessExceptionIsAnErrorNotAFailure() {
        ScenarioResult broken = scenario("kit/broken.feature#the-fixtures-break");
        assertThat(broken.status(), is(Status.ERROR));
        assertThat(broken.errorType(), is("chime.conformance.reports.HarnessException"));
        assertThat(broken.errorMessage(), containsString("Caused by: java.io.IOException: connection refused"));
    }

    @Test
    void aFailingHookIsAnError() {
        ScenarioResult hook = scenario("kit/broken.feature#a-hook-breaks");
        assertThat(hook.status(), is(Status.ERROR));
        assertThat(hook.errorMessage(), startsWith("In Before hook"));
        assertThat(hook.errorMessage(), containsString("could not create the AppInstance"));
    }

    @Test
    void aTransportFailureIsAnErrorNeverAFailure() {
        ScenarioResult refused = scenario("kit/broken.feature#the-target-refuses-connections");
        assertThat(refused.status(), is(Status.ERROR));
        assertThat(refused.errorMessage(), startsWith(Classifier.TRANSPORT_PREFIX + "connection refused"));
        ScenarioResult silent = scenario("kit/broken.feature#the-target-never-answers");
        assertThat(silent.status(), is(Status.ERROR));
        assertThat(silent.errorMessage(), startsWith(Classifier.TRANSPORT_PREFIX + "no answer in time"));
        assertThat(results.rule("ENDP-001").orElseThrow().status(), is(RuleStatus.ERROR));
    }

    @Test
    void aPendingStepIsAnError() {
        assertThat(scenario("kit/broken.feature#a-pending-step").status(), is(Status.ERROR));
    }

    @Test
    void rulesTakeTheMostAlarmingStatusOfTheirScenarios() {
        assertThat(results.rule("AUTH-021").orElseThrow().status(), is(RuleStatus.PASS));
        assertThat(results.rule("AUTH-022").orElseThrow().status(), is(RuleStatus.FAIL));
        assertThat(results.rule("FLOW-001").orElseThrow().status(), is(RuleStatus.NOT_APPLICABLE));
        assertThat(results.rule("CHAN-001").orElseThrow().status(), is(RuleStatus.ERROR));
        assertThat(results.rule("MSG-001").orElseThrow().status(), is(RuleStatus.NOT_COVERED));
        assertThat(results.rules().size(), is(242));
    }

    @Test
    void theResultsCarryTheRunContextAndCounts() {
        assertThat(results.schema(), is("chime-conformance/results/v1"));
        assertThat(results.target().name(), is("demo"));
        assertThat(results.target().capabilities().get("flow-processors"), is(false));
        assertThat(results.kit().version(), is("1.2.3"));
        assertThat(results.kit().commit(), is("abc1234"));
        assertThat(results.start(), is(Instant.parse("2025-01-01T10:00:00Z")));
        assertThat(results.counts().scenarios(Status.PASS), is(3));
        assertThat(results.counts().scenarios(Status.FAIL), is(2));
        assertThat(results.counts().scenarios(Status.NOT_APPLICABLE), is(1));
        assertThat(results.counts().scenarios(Status.ERROR), is(6));
        assertThat(results.verdict(), is(Verdict.FAILED));
        assertThat(results.features().size(), is(2));
    }

    @Test
    void scenariosWithoutARuleTagAreReportedAsAWarning() {
        assertThat(results.warnings(), is(empty()));
    }

    @Test
    void theReportPagesAreWritten() {
        for (String page : new String[] {"results.json", "index.html", "rules.html", "operations.html",
                "features/channels-privacy.html", "features/kit-broken.html"}) {
            assertThat(page, Files.isRegularFile(report.resolve(page)), is(true));
        }
    }

    @Test
    void noScenarioIsMissing() {
        assertThat(results.scenarios().size(), equalTo(12));
        assertThat(results.scenarios().stream().map(ScenarioResult::id).distinct().count(), equalTo(12L));
        assertThat(results.scenarios().stream().map(ScenarioResult::status).toList(), not(hasItem(Status.XFAIL)));
    }
}
