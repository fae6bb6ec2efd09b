package chime.conformance.reports.render;

import chime.conformance.reports.CucumberHarness;
import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.Kind;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Source;
import chime.conformance.reports.model.SourceKind;
import chime.conformance.reports.model.Status;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Scenario names, error messages, wire bodies and expectation reasons come from feature authors
 * and from the target under test. A report that renders any of them as markup can run script in the
 * browser of whoever opens it; these tests feed hostile text through a real run.
 */
class HostileContentTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String NAME = "Alice posts " + SCRIPT + " & \"quoted\" 'text'";
    static final String HOSTILE = """
            Feature: Hostile <script>alert(1)</script> & "quotes"
              A description with <b>bold</b> & arn:aws:chime:us-east-1:111122223333:app-instance/x

              @rule:MSG-001 @op:SendChannelMessage
              Scenario: Alice posts <script>alert(1)</script> & "quoted" 'text'
                When the target answers with:
                  \"\"\"
                  {"Message": "<script>alert(1)</script>", "ChannelArn": "arn:aws:chime:us-east-1:111122223333:app-instance/x/channel/y", "q": "\\"&'"}
                  \"\"\"
                Then the message is "<img src=x onerror=alert(1)>"

              @rule:MSG-002
              Scenario: An expected failure with a hostile reason
                Then the request fails with <script>alert(2)</script>
            """;

    static Path report;
    static RunResults results;

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        Path expectations = dir.resolve("expectations.yaml");
        Files.writeString(expectations, """
                target: "hostile <target>"
                expectations:
                  - scenario: "messages/hostile.feature#an-expected-failure-with-a-hostile-reason"
                    reason: "<script>alert(3)</script> & \\"known\\""
                    link: "javascript:alert(4)"
                """);
        report = new CucumberHarness(dir).feature("messages/hostile.feature", HOSTILE)
                .run(RunContext.builder().targetName("hostile <target>")
                        .targetDescription("<script>alert(5)</script> \"described\" & more")
                        .capability("<img src=x onerror=alert(6)>", true)
                        .kitVersion("1.0\"><script>alert(7)</script>").kitCommit("'onmouseover='alert(8)")
                        .expectationsFile(expectations).maskAccount(true).build());
        results = ResultsFile.read(report);
    }

    private static ScenarioResult hostileScenario() {
        return results.scenario("messages/hostile.feature#alice-posts-script-alert-1-script-quoted-text").orElseThrow();
    }

    @Test
    void nothingInAnyPageCanExecute() throws Exception {
        HtmlChecks.assertNothingExecutable(report);
        assertThat(HtmlChecks.pages(report), hasSize(5));
    }

    @Test
    void hostileTextIsShownAsText() {
        Document page = HtmlChecks.parse(report.resolve("features/messages-hostile.html"));
        Element section = page.getElementById("alice-posts-script-alert-1-script-quoted-text");
        assertThat(section.selectFirst("h2").text(), is("FAIL " + NAME));
        assertThat(section.selectFirst(".error-message").text(),
                is("expected message <img src=x onerror=alert(1)> but was <img src=x onerror=alert(1)>!"));
        assertThat(page.select("img"), hasSize(0));
        assertThat(page.selectFirst("h1").text(), is("Hostile " + SCRIPT + " & \"quotes\""));
        assertThat(page.getElementById("source").nextElementSibling().text(), containsString("<b>bold</b>"));
    }

    @Test
    void attributesStayIntact() {
        Document page = HtmlChecks.parse(report.resolve("features/messages-hostile.html"));
        Element section = page.getElementById("alice-posts-script-alert-1-script-quoted-text");
        assertThat(section.className(), is("scenario fail"));
        assertThat(section.selectFirst("a[href^=../rules.html]").attr("href"), is("../rules.html#MSG-001"));
        assertThat(section.selectFirst(".badge").attr("title"), is("failed"));
        Document index = HtmlChecks.parse(report.resolve("index.html"));
        assertThat(index.getElementById("kit-version").text(), is("1.0\"><script>alert(7)</script>"));
        assertThat(index.getElementById("kit-commit").text(), is("'onmouseover='alert(8)"));
        assertThat(index.getElementById("kit-commit").attributes().size(), is(2));
        assertThat(index.getElementById("target-name").text(), is("hostile <target>"));
        assertThat(index.select("#capability-table td.mono").text(), is("<img src=x onerror=alert(6)>"));
    }

    @Test
    void wireEvidenceIsEscapedAndRedacted() throws Exception {
        Document page = HtmlChecks.parse(report.resolve("features/messages-hostile.html"));
        Element exchange = page.getElementById("alice-posts-script-alert-1-script-quoted-text").selectFirst("details.exchange");
        assertThat(exchange.text(), containsString("\"Message\" : \"" + SCRIPT + "\""));
        assertThat(exchange.text(), containsString("arn:aws:chime:us-east-1:************:app-instance/x/channel/y"));
        String authorization = exchange.select("tr").stream()
                .filter(row -> row.selectFirst("th").text().equals("Authorization")).findFirst().orElseThrow()
                .selectFirst("td").text();
        assertThat(authorization, is("[redacted]"));
        String token = exchange.select("tr").stream()
                .filter(row -> row.selectFirst("th").text().equals("X-Amz-Security-Token")).findFirst().orElseThrow()
                .selectFirst("td").text();
        assertThat(token, is("[redacted]"));
        for (Path file : allFiles()) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(file + " leaks the access key", content, not(containsString("AKIAIOSFODNN7EXAMPLE")));
            assertThat(file + " leaks the signature", content, not(containsString("0123456789abcdef0123456789abcdef")));
            assertThat(file + " leaks the session token", content, not(containsString("SECRETTOKEN")));
            assertThat(file + " leaks the masked account", content, not(containsString("444455556666")));
        }
    }

    @Test
    void anExpectationReasonIsTextAndAnUnsafeLinkIsNotALink() {
        ScenarioResult expected = results.scenario("messages/hostile.feature#an-expected-failure-with-a-hostile-reason").orElseThrow();
        assertThat(expected.status(), is(Status.XFAIL));
        Document page = HtmlChecks.parse(report.resolve("features/messages-hostile.html"));
        Element reason = page.getElementById("an-expected-failure-with-a-hostile-reason").selectFirst(".reason");
        assertThat(reason.text(), containsString("<script>alert(3)</script> & \"known\""));
        assertThat(reason.text(), containsString("javascript:alert(4)"));
        assertThat(reason.selectFirst("a"), nullValue());
    }

    @Test
    void aHostileSourceIsTextAndAnUnsafeUrlIsNotALink(@TempDir Path dir) throws Exception {
        Rule rule = new Rule("MSG-001", "MSG", Kind.S, List.of("SendChannelMessage"), "", "e", null, null,
                "SendChannelMessage", List.of(
                        new Source(SourceKind.DEVELOPER_GUIDE, "javascript:alert(9)", SCRIPT + " & \"says\""),
                        new Source(SourceKind.REPORTED, "https://example.com/a\"onmouseover=\"alert(10)", "quoted"),
                        new Source(SourceKind.AWS_SAMPLE, "https://example.com/x?a=1&b=<2>", "<b>x</b>")));
        RuleRegistry hostile = new RuleRegistry(Map.of("MSG", "<i>messages</i>"), List.of(rule));
        new ReportRenderer(results, hostile, Map.of(), Map.of()).writeAll(dir);

        HtmlChecks.assertNothingExecutable(dir);
        Document page = HtmlChecks.parse(dir.resolve("rules.html"));
        List<Element> sources = page.getElementById("MSG-001").select("li.source");
        assertThat(sources, hasSize(3));
        assertThat("a javascript: URL is no link", sources.get(0).selectFirst("a"), nullValue());
        assertThat(sources.get(0).text(), is("developer guide javascript:alert(9) " + SCRIPT + " & \"says\""));
        assertThat("a URL that is no valid URI is no link", sources.get(1).selectFirst("a"), nullValue());
        assertThat(sources.get(1).text(), is("reported response https://example.com/a\"onmouseover=\"alert(10) quoted"));
        assertThat(sources.get(1).select("[onmouseover]"), hasSize(0));
        assertThat(sources.get(2).selectFirst(".says").text(), is("<b>x</b>"));
        assertThat(page.select("b, i"), hasSize(0));
    }

    @Test
    void theResultsFileKeepsTheTextAsItWas() {
        assertThat(hostileScenario().name(), is(NAME));
        assertThat(results.target().description(), is("<script>alert(5)</script> \"described\" & more"));
        assertThat(results.warnings(), hasSize(0));
    }

    private static List<Path> allFiles() throws Exception {
        try (Stream<Path> files = Files.walk(report)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
