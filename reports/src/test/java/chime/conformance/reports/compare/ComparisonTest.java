package chime.conformance.reports.compare;

import chime.conformance.reports.model.Kind;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.RuleResult;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static chime.conformance.reports.compare.ChangeKind.CHANGED;
import static chime.conformance.reports.compare.ChangeKind.FIX;
import static chime.conformance.reports.compare.ChangeKind.NEW;
import static chime.conformance.reports.compare.ChangeKind.REGRESSION;
import static chime.conformance.reports.compare.ChangeKind.REMOVED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

class ComparisonTest {

    static ScenarioResult scenario(String id, Status status, String rule, String message) {
        return new ScenarioResult(id, "Scenario " + id, "a.feature", "classpath:features/a.feature", 1, List.of("@rule:" + rule),
                List.of(rule), List.of(), status, 1, 1, message == null ? null : "java.lang.AssertionError", message,
                null, null, List.of());
    }

    static RunResults run(String version, List<ScenarioResult> scenarios, List<RuleResult> rules) {
        return new RunResults(RunResults.SCHEMA, new KitInfo(version, "c" + version), new TargetInfo("emulator", "", Map.of()),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:10Z"), 10_000, false, false,
                Verdict.PASSED, RunResults.Counts.of(scenarios, rules), null, rules, scenarios, List.of(), List.of());
    }

    static RuleResult rule(String id, RuleStatus status) {
        return new RuleResult(id, "MSG", Kind.S, status, List.of());
    }

    @Test
    void theKindOfChangeFollowsWhetherTheRunBreaksAndWhetherTheCheckHolds() {
        assertThat(Comparison.classify("PASS", "FAIL"), is(REGRESSION));
        assertThat(Comparison.classify("XFAIL", "FAIL"), is(REGRESSION));
        assertThat(Comparison.classify("NOT_APPLICABLE", "ERROR"), is(REGRESSION));
        assertThat(Comparison.classify("FLAKY", "FAIL"), is(REGRESSION));
        assertThat("it held before and does not now, even if listed", Comparison.classify("PASS", "XFAIL"), is(REGRESSION));
        assertThat(Comparison.classify("FAIL", "PASS"), is(FIX));
        assertThat(Comparison.classify("XFAIL", "XPASS"), is(FIX));
        assertThat(Comparison.classify("ERROR", "PASS"), is(FIX));
        assertThat(Comparison.classify(null, "FAIL"), is(NEW));
        assertThat(Comparison.classify("PASS", null), is(REMOVED));
        assertThat(Comparison.classify("FAIL", "ERROR"), is(CHANGED));
        assertThat(Comparison.classify("FAIL", "XFAIL"), is(CHANGED));
        assertThat(Comparison.classify("PASS", "NOT_APPLICABLE"), is(CHANGED));
        assertThat(Comparison.classify("PASS", "FLAKY"), is(CHANGED));
        assertThat(Comparison.classify("PASS", "PASS"), nullValue());
    }

    @Test
    void aScenarioThatStartsFailingIsARegression() {
        RunResults a = run("1", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null)), List.of(rule("MSG-001", RuleStatus.PASS)));
        RunResults b = run("2", List.of(scenario("a.feature#x", Status.FAIL, "MSG-001", "expected 201\nbut got 403")),
                List.of(rule("MSG-001", RuleStatus.FAIL)));
        Comparison comparison = Comparison.of(a, b);
        assertThat(comparison.hasRegressions(), is(true));
        assertThat(comparison.regressions().stream().map(Change::id).toList(), contains("a.feature#x", "MSG-001"));
        assertThat(comparison.scenarioChanges().get(0).detail(), is("expected 201"));
    }

    static ScenarioResult tentative(String id, Status status, String rule, String message) {
        return new ScenarioResult(id, "Scenario " + id, "a.feature", "classpath:features/a.feature", 1,
                List.of("@rule:" + rule, "@assumption"), List.of(rule), List.of(), status, 1, 1,
                message == null ? null : "java.lang.AssertionError", message, null, null, List.of());
    }

    static RuleResult rule(String id, RuleStatus status, String... scenarios) {
        return new RuleResult(id, "MSG", Kind.S, status, List.of(scenarios));
    }

    /** Design section 11: required scenarios gate; a tentative one going from PASS to FAIL is listed apart. */
    @Test
    void aTentativeScenarioThatStartsFailingIsATentativeRegressionThatGatesOnlyWhenStrict() {
        RunResults a = run("1", List.of(scenario("a.feature#req", Status.PASS, "MSG-001", null),
                        tentative("a.feature#kit", Status.PASS, "MSG-001", null)),
                List.of(rule("MSG-001", RuleStatus.PASS, "a.feature#req", "a.feature#kit")));
        RunResults b = run("2", List.of(scenario("a.feature#req", Status.PASS, "MSG-001", null),
                        tentative("a.feature#kit", Status.FAIL, "MSG-001", "expected Forbidden")),
                List.of(rule("MSG-001", RuleStatus.FAIL, "a.feature#req", "a.feature#kit")));
        Comparison comparison = Comparison.of(a, b);
        assertThat(comparison.scenarioChanges(ChangeKind.TENTATIVE_REGRESSION).stream().map(Change::id).toList(),
                contains("a.feature#kit"));
        assertThat("the rule's required scenario still passes", comparison.ruleChanges(ChangeKind.TENTATIVE_REGRESSION)
                .stream().map(Change::id).toList(), contains("MSG-001"));
        assertThat(comparison.regressions(), is(empty()));
        assertThat(comparison.hasRegressions(false), is(false));
        assertThat(comparison.hasRegressions(true), is(true));
        assertThat(new ComparisonReport(comparison, "a", "b").text(), containsString(
                "2 tentative regression(s)"));
    }

    @Test
    void aTentativeScenarioThatErrorsAndARequiredOneThatFailsAreRegressions() {
        RunResults a = run("1", List.of(scenario("a.feature#req", Status.PASS, "MSG-001", null),
                        tentative("a.feature#kit", Status.PASS, "MSG-002", null)),
                List.of(rule("MSG-001", RuleStatus.PASS, "a.feature#req"), rule("MSG-002", RuleStatus.PASS, "a.feature#kit")));
        RunResults b = run("2", List.of(scenario("a.feature#req", Status.FAIL, "MSG-001", "boom"),
                        tentative("a.feature#kit", Status.ERROR, "MSG-002", "the kit broke")),
                List.of(rule("MSG-001", RuleStatus.FAIL, "a.feature#req"), rule("MSG-002", RuleStatus.ERROR, "a.feature#kit")));
        Comparison comparison = Comparison.of(a, b);
        assertThat(comparison.regressions().stream().map(Change::id).toList(),
                contains("a.feature#kit", "a.feature#req", "MSG-001", "MSG-002"));
        assertThat(comparison.tentativeRegressions(), is(empty()));
    }

    @Test
    void aScenarioThatStartsPassingIsAFixAndNotARegression() {
        RunResults a = run("1", List.of(scenario("a.feature#x", Status.FAIL, "MSG-001", "boom")), List.of(rule("MSG-001", RuleStatus.FAIL)));
        RunResults b = run("2", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null)), List.of(rule("MSG-001", RuleStatus.PASS)));
        Comparison comparison = Comparison.of(a, b);
        assertThat(comparison.hasRegressions(), is(false));
        assertThat(comparison.scenarioChanges(FIX), hasSize(1));
        assertThat(comparison.ruleChanges(FIX), hasSize(1));
    }

    @Test
    void addedAndDroppedScenariosAndNewlyCoveredRulesAreNewOrRemoved() {
        RunResults a = run("1", List.of(scenario("a.feature#old", Status.PASS, "MSG-001", null)),
                List.of(rule("MSG-001", RuleStatus.PASS), rule("MSG-002", RuleStatus.NOT_COVERED)));
        RunResults b = run("2", List.of(scenario("a.feature#new", Status.PASS, "MSG-002", null)),
                List.of(rule("MSG-001", RuleStatus.NOT_COVERED), rule("MSG-002", RuleStatus.PASS)));
        Comparison comparison = Comparison.of(a, b);
        assertThat(comparison.scenarioChanges(NEW).get(0).id(), is("a.feature#new"));
        assertThat(comparison.scenarioChanges(REMOVED).get(0).id(), is("a.feature#old"));
        assertThat(comparison.ruleChanges(NEW).get(0).id(), is("MSG-002"));
        assertThat(comparison.ruleChanges(REMOVED).get(0).id(), is("MSG-001"));
        assertThat(comparison.hasRegressions(), is(false));
    }

    @Test
    void identicalRunsHaveNoChanges() {
        RunResults a = run("1", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null)), List.of(rule("MSG-001", RuleStatus.PASS),
                rule("MSG-002", RuleStatus.NOT_COVERED)));
        Comparison comparison = Comparison.of(a, a);
        assertThat(comparison.isEmpty(), is(true));
        assertThat(comparison.regressions(), is(empty()));
    }

    @Test
    void theReportIsWrittenAsHtmlAndText(@TempDir Path dir) throws IOException {
        List<ScenarioResult> before = new ArrayList<>(List.of(
                scenario("a.feature#x", Status.PASS, "MSG-001", null),
                scenario("a.feature#y", Status.FAIL, "MSG-002", "boom")));
        List<ScenarioResult> after = List.of(
                scenario("a.feature#x", Status.FAIL, "MSG-001", "<script>alert(1)</script> & \"quoted\""),
                scenario("a.feature#y", Status.PASS, "MSG-002", null),
                scenario("a.feature#z", Status.PASS, "MSG-003", null));
        RunResults a = run("1", before, List.of(rule("MSG-001", RuleStatus.PASS), rule("MSG-002", RuleStatus.FAIL)));
        RunResults b = run("2", after, List.of(rule("MSG-001", RuleStatus.FAIL), rule("MSG-002", RuleStatus.PASS)));
        new ComparisonReport(Comparison.of(a, b), "baseline/results.json", "today <b>").writeTo(dir);

        Document html = Jsoup.parse(dir.resolve("compare.html").toFile(), "UTF-8");
        assertThat(html.select("script"), hasSize(0));
        assertThat(html.getElementById("regression-count").text(), is("2 regression(s)"));
        assertThat(html.select("#scenario-change-counts td[data-kind=REGRESSION]").text(), is("1"));
        assertThat(html.select("#scenario-change-counts td[data-kind=FIX]").text(), is("1"));
        assertThat(html.select("#scenario-change-counts td[data-kind=NEW]").text(), is("1"));
        assertThat(html.select("#regression tr.change"), hasSize(2));
        assertThat(html.selectFirst("#regression pre").text(), is("<script>alert(1)</script> & \"quoted\""));
        assertThat(html.select("#runs td.mono").get(1).text(), is("today <b>"));
        assertThat(html.select("a[href]"), hasSize(0));

        String text = Files.readString(dir.resolve("compare.txt"), StandardCharsets.UTF_8);
        assertThat(text, containsString("Scenarios: 1 regression, 0 tentative regression, 1 fix, 1 new, 0 removed, 0 changed"));
        assertThat(text, containsString("  scenario PASS -> FAIL                   a.feature#x  \"Scenario a.feature#x\""));
        assertThat(text, containsString("2 regression(s)."));
    }

    /**
     * A results file is untrusted: a scenario name or message carrying escape sequences (here one that clears
     * the screen and one that sets the terminal's title) and a bidirectional override reaches neither the text
     * nor the HTML as control characters; they are shown as escapes.
     */
    @Test
    void controlCharactersFromAResultsFileAreShownNotActedOn(@TempDir Path dir) throws IOException {
        ScenarioResult hostile = new ScenarioResult("a.feature#x", "Scenario \u001b[2J\u001b]0;owned\u0007 \u202eevil",
                "a.feature", "classpath:features/a.feature", 1, List.of("@rule:MSG-001"), List.of("MSG-001"), List.of(),
                Status.FAIL, 1, 1, "java.lang.AssertionError", "message \u001b[31mred\u009b2J", null, null, List.of());
        RunResults a = run("1", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null)), List.of());
        RunResults b = run("2", List.of(hostile), List.of());
        ComparisonReport report = new ComparisonReport(Comparison.of(a, b), "a\u001b[1m", "b");

        String text = report.text();
        report.writeTo(dir);

        for (String out : List.of(text, Files.readString(dir.resolve("compare.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("compare.html"), StandardCharsets.UTF_8))) {
            assertThat(out.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || c == 0x202e).count(), is(0L));
        }
        assertThat(text, containsString("Scenario \\u001b[2J\\u001b]0;owned\\u0007 \\u202eevil"));
        assertThat(text, containsString("a\\u001b[1m"));
    }

    /**
     * Over N runs, compare.html draws the trend as inline SVG: one column per run, oldest first, stacked by status on
     * one scale, and a line through the scenarios that hold; no script, nothing fetched.
     */
    @Test
    void theTrendOverRunsIsInlineSvg(@TempDir Path dir) throws IOException {
        RunResults one = run("1", List.of(scenario("a.feature#x", Status.FAIL, "MSG-001", "boom"),
                scenario("a.feature#y", Status.FAIL, "MSG-002", "boom")), List.of(rule("MSG-001", RuleStatus.FAIL)));
        RunResults two = run("2", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null),
                scenario("a.feature#y", Status.FAIL, "MSG-002", "boom")), List.of(rule("MSG-001", RuleStatus.PASS)));
        RunResults three = run("3", List.of(scenario("a.feature#x", Status.PASS, "MSG-001", null),
                scenario("a.feature#y", Status.PASS, "MSG-002", null),
                scenario("a.feature#z", Status.ERROR, "MSG-003", "gone")), List.of(rule("MSG-001", RuleStatus.PASS)));
        List<ComparisonReport.Run> history = List.of(new ComparisonReport.Run("r1", one),
                new ComparisonReport.Run("r2", two), new ComparisonReport.Run("r3", three));
        new ComparisonReport(Comparison.of(two, three), "r2", "r3", history).writeTo(dir);

        Document html = Jsoup.parse(dir.resolve("compare.html").toFile(), "UTF-8");
        assertThat(html.select("script"), hasSize(0));
        assertThat(html.select("[src], link[href], image, use"), hasSize(0));
        org.jsoup.nodes.Element svg = html.selectFirst("#trend svg");
        assertThat(svg.select("title").first().text(), containsString("3 runs"));
        List<org.jsoup.nodes.Element> columns = svg.select("g.run");
        assertThat(columns, hasSize(3));
        assertThat(columns.get(0).attr("data-passing"), is("0"));
        assertThat(columns.get(1).attr("data-passing"), is("1"));
        assertThat(columns.get(2).attr("data-passing"), is("2"));
        assertThat(columns.get(2).attr("data-total"), is("3"));
        assertThat(columns.get(0).select("rect.seg.fail").attr("data-count"), is("2"));
        assertThat(columns.get(2).select("rect.seg.error").attr("data-count"), is("1"));
        // One scale: the tallest run (3 scenarios) fills the height; a run of 2 is two thirds of it.
        double tallest = columns.get(2).select("rect.seg").stream().mapToDouble(r -> Double.parseDouble(r.attr("height"))).sum();
        double first = columns.get(0).select("rect.seg").stream().mapToDouble(r -> Double.parseDouble(r.attr("height"))).sum();
        assertThat(Math.abs(first / tallest - 2.0 / 3.0) < 0.01, is(true));
        // Columns go left to right, oldest first; the line joins one point per run.
        double x0 = Double.parseDouble(columns.get(0).selectFirst("rect").attr("x"));
        double x2 = Double.parseDouble(columns.get(2).selectFirst("rect").attr("x"));
        assertThat(x0 < x2, is(true));
        assertThat(svg.selectFirst("polyline.holding").attr("points").split(" ").length, is(3));
        assertThat(html.select("#history tbody tr"), hasSize(3));
        assertThat(columns.get(0).select("text.failing").text(), is("2"));
        assertThat(columns.get(1).select("text.failing").text(), is("1"));
        assertThat(columns.get(2).select("text.failing").text(), is("1"));
        assertThat(html.selectFirst("h1").text(), is("Comparison of 3 conformance runs"));
        // A and B are the last two runs.
        assertThat(html.select("#runs td.mono").get(0).text(), is("r2"));
        assertThat(html.select("#runs td.mono").get(1).text(), is("r3"));
    }
}
