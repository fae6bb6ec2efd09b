package chime.conformance.reports.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import chime.conformance.reports.model.FeatureDocument;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.WireExchange;
import chime.conformance.reports.plugin.ResultsAssembler;
import chime.conformance.reports.plugin.ScenarioAttempt;
import chime.conformance.reports.plugin.WireEvidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire evidence labelled by operation and step, ARNs shown as the cast's names, set-up traffic collapsed. */
class EvidenceLabelsTest {

    static final String APP = "arn:aws:chime:us-east-1:111122223333:app-instance/a1";
    static final String ALICE = APP + "/user/alice";
    static final String CLUB = APP + "/channel/c1";
    static final String ENCODED_CLUB = "arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fa1%2Fchannel%2Fc1";

    static final String EVIDENCE = """
            [ {"method": "POST", "path": "/channels", "status": 201, "operation": "CreateChannel",
               "step": "Given Alice has created the channel \\"club\\" (line 4)", "setUp": true,
               "requestHeaders": {"x-amz-chime-bearer": "%2$s"}, "requestBody": "{\\"AppInstanceArn\\": \\"%1$s\\"}",
               "responseBody": "{\\"ChannelArn\\": \\"%3$s\\"}",
               "names": {"%1$s": "the AppInstance", "%2$s": "Alice", "%3$s": "\\"club\\""}},
              {"method": "DELETE", "path": "/channels/%4$s", "status": 204, "operation": "DeleteChannel",
               "step": "When Bob deletes \\"club\\" (line 6)", "setUp": false,
               "requestHeaders": {"x-amz-chime-bearer": "%2$s"},
               "names": {"%2$s": "Alice", "%3$s": "\\"club\\""}} ]
            """.formatted(APP, ALICE, CLUB, ENCODED_CLUB);

    static final String SOURCE = """
            Feature: Channels

              Scenario: Only the creator deletes a channel
                Given Alice has created the channel "club"
                And Bob is a member of "club"
                When Bob deletes "club"
                Then he is told he is forbidden
            """;

    static Document page;

    @BeforeAll
    static void render(@TempDir Path dir) throws Exception {
        List<WireExchange> evidence = WireEvidence.parse(EVIDENCE.getBytes(StandardCharsets.UTF_8), Redaction.of(false));
        RuleRegistry registry = RuleRegistry.load();
        ScenarioAttempt failed = ReportStructureTest.attempt(1, "channels/delete.feature", 3,
                "Only the creator deletes a channel", List.of("@rule:AUTH-011", "@op:DeleteChannel"), Status.FAIL,
                "expected ForbiddenException but the call succeeded", evidence);
        ResultsAssembler.RunHeader header = new ResultsAssembler.RunHeader(new KitInfo("0.1.0", "deadbee"),
                new TargetInfo("emulator", "a local emulator", Map.of()), Instant.parse("2025-02-03T04:05:06Z"),
                Instant.parse("2025-02-03T04:06:36Z"), false, false, Map.of("channels/delete.feature", "Channels"),
                null, null);
        ResultsAssembler.Assembled assembled = ResultsAssembler.assemble(header, List.of(failed), registry, List.of());
        new ReportRenderer(assembled.results(), registry,
                Map.of("channels/delete.feature", FeatureDocument.parse("channels/delete.feature", SOURCE)),
                assembled.evidence()).writeAll(dir);
        page = HtmlChecks.parse(dir.resolve("features/channels-delete.html"));
    }

    @Test
    void theSetUpIsOneCollapsedGroupNamingItsOperations() {
        List<Element> groups = page.select("details.exchange.setup");
        assertThat(groups, hasSize(1));
        Element setUp = groups.get(0);
        assertThat(setUp.hasAttr("open"), is(false));
        assertThat(setUp.selectFirst("summary").text(), containsString("1 exchanges"));
        assertThat(setUp.selectFirst("summary").text(), containsString("CreateChannel"));
        assertThat(setUp.select("details.exchange details.exchange"), hasSize(1));
    }

    @Test
    void theCheckedExchangeIsLabelledByOperationAndStepAndOpen() {
        List<Element> checked = page.select("section.scenario > details.exchange:not(.setup)");
        assertThat(checked, hasSize(1));
        Element delete = checked.get(0);
        assertThat(delete.hasAttr("open"), is(true));
        String summary = delete.selectFirst("summary").text();
        assertThat(summary, containsString("DeleteChannel"));
        assertThat(summary, containsString("When Bob deletes \"club\" (line 6)"));
    }

    @Test
    void arnsReadAsTheCastsNamesWithTheRawValueOnHover() {
        Element delete = page.select("section.scenario > details.exchange:not(.setup)").get(0);
        Element path = delete.selectFirst("summary .mono");
        assertThat(path.text(), is("DELETE /channels/\"club\""));
        assertThat(path.selectFirst("abbr.arn").attr("title"), is(ENCODED_CLUB));
        Element bearer = delete.selectFirst("table td abbr.arn");
        assertThat(bearer.text(), is("Alice"));
        assertThat(bearer.attr("title"), is(ALICE));

        Element create = page.selectFirst("details.exchange.setup details.exchange");
        // The AppInstance's ARN is a prefix of Alice's and the channel's: each ARN is named whole.
        assertThat(create.selectFirst("pre").text(), containsString("\"AppInstanceArn\" : \"the AppInstance\""));
        assertThat(create.select("pre").get(1).text(), containsString("\"ChannelArn\" : \"\"club\"\""));
        assertThat(create.selectFirst("td abbr.arn").text(), is("Alice"));
        assertThat(create.select("pre").text(), not(containsString("arn:aws")));
    }
}
