package chime.conformance.reports.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static chime.conformance.reports.model.Status.ERROR;
import static chime.conformance.reports.model.Status.FAIL;
import static chime.conformance.reports.model.Status.FLAKY;
import static chime.conformance.reports.model.Status.NOT_APPLICABLE;
import static chime.conformance.reports.model.Status.PASS;
import static chime.conformance.reports.model.Status.XFAIL;
import static chime.conformance.reports.model.Status.XPASS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class RuleStatusTest {

    private static final Rule TESTABLE = new Rule("BAN-001", "BAN", Kind.S, List.of("CreateChannelBan"), "d", "e", null, null, "CreateChannelBan");
    private static final Rule UNTESTABLE = new Rule("HTTP-009", "HTTP", Kind.M, List.of(), "d", "e", null, "needs SigV4", "All");

    @Test
    void aRulePassesWhenEveryScenarioPassesOrIsNotApplicable() {
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, NOT_APPLICABLE, PASS)), is(RuleStatus.PASS));
    }

    @Test
    void aRuleIsNotApplicableWhenNoScenarioCouldRun() {
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(NOT_APPLICABLE, NOT_APPLICABLE)), is(RuleStatus.NOT_APPLICABLE));
    }

    @Test
    void failuresErrorsAndStaleExpectationsDominate() {
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, ERROR, FAIL)), is(RuleStatus.FAIL));
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, XFAIL, ERROR)), is(RuleStatus.ERROR));
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, XPASS, FLAKY)), is(RuleStatus.XPASS));
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, XFAIL, FLAKY)), is(RuleStatus.FLAKY));
        assertThat(RuleStatus.rollUp(TESTABLE, List.of(PASS, XFAIL)), is(RuleStatus.XFAIL));
    }

    @Test
    void aRuleWithoutScenariosIsNotCoveredUnlessTheRegistrySaysItIsUntestable() {
        assertThat(RuleStatus.rollUp(TESTABLE, List.of()), is(RuleStatus.NOT_COVERED));
        assertThat(RuleStatus.rollUp(UNTESTABLE, List.of()), is(RuleStatus.UNTESTABLE));
    }
}
