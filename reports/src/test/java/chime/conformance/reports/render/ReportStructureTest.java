package chime.conformance.reports.render;

import chime.conformance.reports.model.FeatureDocument;
import chime.conformance.reports.model.Kind;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.Source;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.StepResult;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.WireExchange;
import chime.conformance.reports.plugin.ResultsAssembler;
import chime.conformance.reports.plugin.ScenarioAttempt;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** Renders a report from a results model built in code and checks its structure. */
class ReportStructureTest {

    static final String MEMBERSHIP_SOURCE = """
            Feature: Memberships

              @rule:MEMB-001 @op:CreateChannelMembership
              Scenario: A moderator adds Bob
                When Ada adds Bob to "book-club"

              @rule:AUTH-011 @op:CreateChannelMembership
              Scenario: A member cannot add Carol to a restricted channel
                When Bob adds Carol to "book-club"
                Then the request fails with ForbiddenException

              @rule:MEMB-008 @assumption @op:CreateChannelMembership
              Scenario: A moderator adds Hana as a hidden member
                When Max adds Hana to "book-club" as a hidden member
            """;

    static RuleRegistry registry;
    static RunResults run;
    static Path dir;

    static ScenarioAttempt attempt(long seq, String feature, int line, String name, List<String> tags, Status status,
                                   String error, List<WireExchange> evidence) {
        String id = ScenarioIds.id(feature, ScenarioIds.slug(name));
        List<StepResult> steps = List.of(new StepResult("When ", name, line + 1, status == Status.PASS ? "passed" : "failed",
                3, error == null ? null : "java.lang.AssertionError", error, null, null));
        return new ScenarioAttempt(seq, id, name, feature, "classpath:features/" + feature, line, tags, status, 3,
                error == null ? null : "java.lang.AssertionError", error, null, steps, evidence);
    }

    @BeforeAll
    static void render(@TempDir Path reportDir) throws Exception {
        dir = reportDir;
        registry = RuleRegistry.load();
        WireExchange exchange = new WireExchange("POST", "/channels/arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fx/memberships",
                null, 201, List.of(new WireExchange.Header("x-amz-chime-bearer", "arn:aws:chime:us-east-1:111122223333:app-instance/x/user/bob")),
                "{\n  \"MemberArn\" : \"carol\"\n}", List.of(), "{ }");
        List<ScenarioAttempt> attempts = new ArrayList<>();
        attempts.add(attempt(1, "memberships/create.feature", 4, "A moderator adds Bob",
                List.of("@rule:MEMB-001", "@op:CreateChannelMembership"), Status.PASS, null, List.of()));
        attempts.add(attempt(2, "memberships/create.feature", 8, "A member cannot add Carol to a restricted channel",
                List.of("@rule:AUTH-011", "@op:CreateChannelMembership"), Status.FAIL,
                "expected ForbiddenException but the call succeeded", List.of(exchange)));
        attempts.add(attempt(3, "memberships/create.feature", 13, "A moderator adds Hana as a hidden member",
                List.of("@rule:MEMB-008", "@assumption", "@op:CreateChannelMembership"), Status.PASS, null, List.of()));
        attempts.add(attempt(4, "tags/tagging.feature", 3, "Tags are applied to a channel",
                List.of("@rule:TAG-001", "@op:TagResource"), Status.NOT_APPLICABLE, null, List.of()));
        ResultsAssembler.RunHeader header = new ResultsAssembler.RunHeader(new KitInfo("0.1.0", "deadbee"),
                new TargetInfo("emulator", "a local emulator", Map.of("flow-processors", false, "identity", true)),
                Instant.parse("2025-02-03T04:05:06Z"), Instant.parse("2025-02-03T04:06:36Z"), false, false,
                Map.of("memberships/create.feature", "Memberships"), null, null);
        ResultsAssembler.Assembled assembled = ResultsAssembler.assemble(header, attempts, registry, List.of());
        run = assembled.results();
        new ReportRenderer(run, registry,
                Map.of("memberships/create.feature", FeatureDocument.parse("memberships/create.feature", MEMBERSHIP_SOURCE)),
                assembled.evidence()).writeAll(dir);
    }

    @Test
    void theOverviewShowsTheRunAndTheCountsByStatus() {
        Document index = HtmlChecks.parse(dir.resolve("index.html"));
        assertThat(index.getElementById("target-name").text(), is("emulator"));
        assertThat(index.getElementById("kit-version").text(), is("0.1.0"));
        assertThat(index.getElementById("kit-commit").text(), is("deadbee"));
        assertThat(index.getElementById("run-date").text(), is("2025-02-03 04:05:06 UTC"));
        assertThat(index.getElementById("run-duration").text(), is("1m 30s"));
        assertThat(index.getElementById("verdict").text(), is("FAILED"));
        assertThat(card(index, "scenario-counts", "PASS"), is("2"));
        assertThat(card(index, "scenario-counts", "FAIL"), is("1"));
        assertThat(card(index, "scenario-counts", "NOT_APPLICABLE"), is("1"));
        // Four rules have scenarios in this run; the registry's untestable rules are counted apart.
        long untestable = registry.rules().stream().filter(r -> r.untestable() != null && !r.untestable().isBlank()).count();
        assertThat(card(index, "rule-counts", "NOT_COVERED"), is(String.valueOf(registry.size() - 4 - untestable)));
    }

    private static String card(Document page, String container, String status) {
        Element card = page.getElementById(container).selectFirst("[data-status=" + status + "]");
        assertThat(status + " card in " + container, card, notNullValue());
        return card.selectFirst(".n").text();
    }

    @Test
    void theOverviewSplitsRulesIntoDocumentedKitDecisionsAndModelOnly() {
        Document index = HtmlChecks.parse(dir.resolve("index.html"));
        List<Element> rows = index.select("#rule-basis tbody tr");
        assertThat(rows, hasSize(3));
        long documented = registry.rules().stream().filter(r -> r.kind() == Kind.S || r.kind() == Kind.I).count();
        long decisions = registry.rules().stream().filter(r -> r.kind() == Kind.A).count();
        assertThat(rows.get(0).child(1).text(), is(String.valueOf(documented)));
        assertThat(rows.get(1).child(1).text(), is(String.valueOf(decisions)));
        // MEMB-001 passes (documented); AUTH-011 fails; MEMB-008 (kind A) passes.
        assertThat(rows.get(0).child(2).text(), is("1"));
        assertThat(rows.get(0).child(3).text(), is("1"));
        assertThat(rows.get(1).child(2).text(), is("1"));
        List<Element> scenarioRows = index.select("#scenario-basis tbody tr");
        assertThat("the @assumption scenario counts as a kit decision", scenarioRows.get(1).child(1).text(), is("1"));
    }

    @Test
    void theOverviewListsCapabilitiesAndFeatures() {
        Document index = HtmlChecks.parse(dir.resolve("index.html"));
        assertThat(index.select("#capability-table tbody tr"), hasSize(2));
        assertThat(index.select("#feature-table tbody tr"), hasSize(2));
        assertThat(index.select("#feature-table a").first().attr("href"), is("features/memberships-create.html"));
    }

    @Test
    void theRulesPageHasEveryRegistryRuleInItsArea() {
        Document rules = HtmlChecks.parse(dir.resolve("rules.html"));
        assertThat(rules.select("tr.rule"), hasSize(registry.size()));
        for (String area : registry.areas()) {
            long expected = registry.rules().stream().filter(r -> r.area().equals(area)).count();
            Element section = rules.getElementById("area-" + area);
            assertThat("section for " + area, section, notNullValue());
            assertThat("rules in " + area, (long) section.select("tr.rule").size(), is(expected));
        }
        Element failing = rules.getElementById("AUTH-011");
        assertThat(failing.selectFirst(".badge").text(), is("FAIL"));
        Rule rule = registry.rule("AUTH-011").orElseThrow();
        assertThat(failing.selectFirst(".rule-doc").text(), is(rule.doc()));
        assertThat(failing.select("a[href^=features/]").first().attr("href"),
                is("features/memberships-create.html#a-member-cannot-add-carol-to-a-restricted-channel"));
    }

    @Test
    void theRulesPageLinksEachSourceByItsKindWithWhatItSaysBeside() {
        Document rules = HtmlChecks.parse(dir.resolve("rules.html"));
        for (String id : List.of("AUTH-011", "MSG-018", "CHAN-026")) {
            Rule rule = registry.rule(id).orElseThrow();
            List<Element> items = rules.getElementById(id).select("ul.sources li.source");
            assertThat(id + " sources", items, hasSize(rule.sources().size()));
            for (int i = 0; i < items.size(); i++) {
                Source source = rule.sources().get(i);
                Element link = items.get(i).selectFirst("a");
                assertThat(id + " source " + i, link.text(), is(source.kind().label()));
                assertThat(id + " source " + i, link.attr("href"), is(source.url()));
                assertThat(id + " source " + i, link.attr("rel"), is("noopener noreferrer"));
                assertThat(id + " source " + i, items.get(i).selectFirst(".says").text(), is(source.says()));
                assertThat(id + " source " + i, items.get(i).hasClass(source.kind().id()), is(true));
            }
        }
        Element guideOnly = rules.getElementById("CHAN-026");
        assertThat(guideOnly.select("ul.sources a[href^=https://docs.aws.amazon.com/chime-sdk/latest/dg/]").size() > 0, is(true));
    }

    @Test
    void theOperationsPageHasAllFortyThreeOperations() {
        Document operations = HtmlChecks.parse(dir.resolve("operations.html"));
        assertThat(operations.select("#operations tbody tr"), hasSize(43));
        Element membership = operations.getElementById("op-CreateChannelMembership");
        // The failing scenario by name, the two passing ones as a count for their feature.
        assertThat(membership.select("a[href^=features/]"), hasSize(2));
        assertThat(membership.selectFirst("li.passed-in-feature").text(), containsString("PASS 2"));
        assertThat(membership.select("a[href^=rules.html]").size() > 0, is(true));
    }

    @Test
    void aFeaturePageShowsStepsTheFailureAndTheWireEvidence() {
        Document feature = HtmlChecks.parse(dir.resolve("features/memberships-create.html"));
        Element failing = feature.getElementById("a-member-cannot-add-carol-to-a-restricted-channel");
        assertThat(failing.select("ol.steps li.failed"), hasSize(1));
        assertThat(failing.selectFirst(".error-message").text(), is("expected ForbiddenException but the call succeeded"));
        Element exchange = failing.selectFirst("details.exchange");
        assertThat(exchange.selectFirst("summary").text(), containsString("POST /channels/arn%3Aaws%3Achime"));
        assertThat(exchange.selectFirst("summary").text(), containsString("201"));
        Element passing = feature.getElementById("a-moderator-adds-bob");
        assertThat("no evidence for a passing scenario", passing.select("details.exchange"), hasSize(0));
        assertThat("a passing scenario is its marked line of the source", passing.parent().is("pre.source"), is(true));
        assertThat(passing.selectFirst("span.pass").text(), containsString("Scenario: A moderator adds Bob"));
        assertThat(feature.getElementById("L8").text(), containsString("Scenario: A member cannot add Carol"));
    }

    @Test
    void everyLocalLinkResolves() throws Exception {
        HtmlChecks.assertAllLocalLinksResolve(dir);
    }

    @Test
    void thePagesAreSelfContained() throws Exception {
        HtmlChecks.assertNothingExecutable(dir);
        assertThat(Files.isRegularFile(dir.resolve(ReportRenderer.STYLESHEET)), is(true));
        for (Path page : HtmlChecks.pages(dir)) {
            Document document = HtmlChecks.parse(page);
            Elements stylesheets = document.select("link[rel=stylesheet]");
            assertThat(page + " links the report's one stylesheet", stylesheets, hasSize(1));
            assertThat(page + ": its stylesheet is the report's", Files.isSameFile(
                    page.getParent().resolve(stylesheets.attr("href")), dir.resolve(ReportRenderer.STYLESHEET)), is(true));
            assertThat(page + " loads an image", document.select("img"), hasSize(0));
        }
    }

    @Test
    void theScenariosPageFiltersItsOneTableBySection() throws Exception {
        Document scenarios = HtmlChecks.parse(dir.resolve("scenarios.html"));
        Elements rows = scenarios.select("table.scenario-table tbody tr");
        assertThat("every scenario once", rows,
                hasSize(run.scenarios().size()));
        String style = scenarios.select("head style").html();
        Element failing = scenarios.getElementById("status-fail");
        assertThat(failing.hasClass("filter"), is(true));
        // The filter of the failures shows the failing row alone.
        String token = style.lines().filter(l -> l.startsWith("#status-fail:target")).findFirst().orElseThrow()
                .replaceAll(".*tr:not\\(\\.(f\\d+)\\).*", "$1");
        assertThat(rows.stream().filter(r -> r.hasClass(token)).map(r -> r.selectFirst("a").text()).toList(),
                is(java.util.List.of("A member cannot add Carol to a restricted channel")));
    }
}
