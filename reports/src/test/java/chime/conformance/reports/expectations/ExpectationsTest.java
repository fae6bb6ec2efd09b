package chime.conformance.reports.expectations;

import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpectationsTest {

    static ScenarioResult scenario(String id, Status status, String... rules) {
        List<String> ruleList = List.of(rules);
        return new ScenarioResult(id, id, id.substring(0, id.indexOf('#')), "classpath:features/" + id, 1,
                ruleList.stream().map(r -> "@rule:" + r).toList(), ruleList, List.of(), status, 1, 1,
                status == Status.FAIL ? "java.lang.AssertionError" : null, status == Status.FAIL ? "boom" : null,
                null, null, List.of());
    }

    private static Map<String, ScenarioResult> apply(Expectations expectations, ScenarioResult... scenarios) {
        return expectations.apply(List.of(scenarios)).scenarios().stream()
                .collect(Collectors.toMap(ScenarioResult::id, Function.identity()));
    }

    @Test
    void aListedScenarioThatFailsIsAnExpectedFailureWithTheReasonAndLink() {
        Expectations expectations = new Expectations("emulator", List.of(
                Expectation.forScenario("flows/x.feature#a", "flows are not implemented", "https://example.org/issues/1")));
        ScenarioResult result = apply(expectations, scenario("flows/x.feature#a", Status.FAIL, "FLOW-001")).get("flows/x.feature#a");
        assertThat(result.status(), is(Status.XFAIL));
        assertThat(result.reason(), is("flows are not implemented"));
        assertThat(result.link(), is("https://example.org/issues/1"));
        assertThat("the failure itself stays visible", result.errorMessage(), is("boom"));
    }

    @Test
    void aListedScenarioThatPassesIsAnUnexpectedPass() {
        Expectations expectations = new Expectations("emulator", List.of(
                Expectation.forScenario("flows/x.feature#a", "flows are not implemented", null)));
        assertThat(apply(expectations, scenario("flows/x.feature#a", Status.PASS, "FLOW-001")).get("flows/x.feature#a").status(),
                is(Status.XPASS));
    }

    @Test
    void errorsAndNotApplicableScenariosAreNeverExcused() {
        Expectations expectations = new Expectations("emulator", List.of(
                Expectation.forScenario("a.feature#e", "r", null), Expectation.forScenario("a.feature#n", "r", null)));
        Map<String, ScenarioResult> results = apply(expectations,
                scenario("a.feature#e", Status.ERROR, "MSG-001"), scenario("a.feature#n", Status.NOT_APPLICABLE, "MSG-001"));
        assertThat(results.get("a.feature#e").status(), is(Status.ERROR));
        assertThat(results.get("a.feature#n").status(), is(Status.NOT_APPLICABLE));
    }

    @Test
    void aRuleEntryExcusesTheRulesFailuresAndLeavesItsPassesAlone() {
        Expectations expectations = new Expectations("emulator", List.of(Expectation.forRule("FLOW-002", "no fallback", null)));
        Map<String, ScenarioResult> results = apply(expectations,
                scenario("f.feature#a", Status.FAIL, "FLOW-002"), scenario("f.feature#b", Status.PASS, "FLOW-002"),
                scenario("f.feature#c", Status.FAIL, "MSG-001"));
        assertThat(results.get("f.feature#a").status(), is(Status.XFAIL));
        assertThat(results.get("f.feature#a").reason(), is("rule FLOW-002: no fallback"));
        assertThat(results.get("f.feature#b").status(), is(Status.PASS));
        assertThat("another rule's failure is not excused", results.get("f.feature#c").status(), is(Status.FAIL));
    }

    @Test
    void aRuleEntryWhoseScenariosAllPassIsStale() {
        Expectations expectations = new Expectations("emulator", List.of(Expectation.forRule("FLOW-002", "no fallback", null)));
        Map<String, ScenarioResult> results = apply(expectations,
                scenario("f.feature#a", Status.PASS, "FLOW-002"), scenario("f.feature#b", Status.NOT_APPLICABLE, "FLOW-002"));
        assertThat(results.get("f.feature#a").status(), is(Status.XPASS));
        assertThat(results.get("f.feature#b").status(), is(Status.NOT_APPLICABLE));
    }

    @Test
    void entriesThatMatchNothingAreReported() {
        Expectations expectations = new Expectations("emulator", List.of(
                Expectation.forScenario("gone.feature#x", "r", null), Expectation.forRule("TAG-006", "r", null)));
        assertThat(expectations.apply(List.of(scenario("a.feature#a", Status.PASS, "MSG-001"))).unmatched(),
                contains("scenario:gone.feature#x", "rule:TAG-006"));
    }

    @Test
    void anEntryNamesExactlyOneOfScenarioOrRule() {
        assertThrows(IllegalArgumentException.class, () -> new Expectation("a.feature#a", "MSG-001", "r", null));
        assertThrows(IllegalArgumentException.class, () -> new Expectation(null, null, "r", null));
    }

    @Test
    void onlyHttpLinksAreFollowable() {
        assertThat(Expectation.safeHref("https://github.com/x/y/issues/1"), is("https://github.com/x/y/issues/1"));
        assertThat(Expectation.safeHref("javascript:alert(1)"), is((String) null));
        assertThat(Expectation.safeHref(" JavaScript:alert(1)"), is((String) null));
        assertThat(Expectation.safeHref("data:text/html,<script>"), is((String) null));
    }
}
