package chime.conformance.reports.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultsFileTest {

    static RunResults sample() {
        ScenarioResult scenario = new ScenarioResult("bans/ban.feature#a-moderator-bans-bob", "A moderator bans Bob",
                "bans/ban.feature", "classpath:features/bans/ban.feature", 7, List.of("@rule:BAN-001", "@op:CreateChannelBan"),
                List.of("BAN-001"), List.of("CreateChannelBan"), Status.FAIL, 42, 1, "java.lang.AssertionError",
                "expected 201", null, null, List.of(new StepResult("When ", "Ada bans Bob", 8, "failed", 40,
                "java.lang.AssertionError", "expected 201", "{\"a\": 1}", List.of(List.of("x", "y")))));
        RuleResult rule = new RuleResult("BAN-001", "BAN", Kind.S, RuleStatus.FAIL, List.of(scenario.id()), List.of(
                new Source(SourceKind.API_REFERENCE, "https://docs.example/CreateChannelBan.html", "\"Permanently bans a member.\""),
                new Source(SourceKind.DEVELOPER_GUIDE, "https://docs.example/auth-by-role.html", "Moderators ban.")), null);
        return new RunResults(RunResults.SCHEMA, new KitInfo("0.1.0", "abc"), new TargetInfo("reference", "in process",
                Map.of("flows", true)), Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:01:00Z"),
                60_000, false, false, Verdict.FAILED, RunResults.Counts.of(List.of(scenario), List.of(rule)),
                new ExpectationsSummary("x.yaml", "reference", 1, List.of("rule:TAG-001")), List.of(rule), List.of(scenario),
                List.of(new FeatureInfo("bans/ban.feature", "Bans", "features/bans-ban.html")), List.of("a warning"));
    }

    @Test
    void whatIsWrittenReadsBackEqual(@TempDir Path dir) throws IOException {
        RunResults written = sample();
        ResultsFile.write(written, dir);
        assertThat(ResultsFile.read(dir), is(written));
        assertThat(ResultsFile.read(dir.resolve("results.json")), is(written));
    }

    @Test
    void aRuleCarriesItsSourcesByKindName(@TempDir Path dir) throws IOException {
        ResultsFile.write(sample(), dir);
        String json = Files.readString(dir.resolve("results.json"));
        assertThat(json, containsString("\"kind\":\"developer-guide\""));
        assertThat(json, containsString("\"url\":\"https://docs.example/auth-by-role.html\""));
        assertThat(json, containsString("\"says\":\"Moderators ban.\""));
    }

    @Test
    void aRuleWithoutSourcesInAnOlderFileReadsAsNone(@TempDir Path dir) throws IOException {
        ResultsFile.write(sample(), dir);
        Path file = dir.resolve("results.json");
        String json = Files.readString(file);
        int start = json.indexOf("\"sources\"");
        int end = json.indexOf(']', start) + 1;
        Files.writeString(file, json.substring(0, start) + "\"older\" : true" + json.substring(end));
        assertThat(ResultsFile.read(file).rules().get(0).sources(), is(List.of()));
    }

    @Test
    void anotherSchemaIsRejectedWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"schema\": \"chime-conformance/results/v2\"}");
        IOException error = assertThrows(ResultsFile.InvalidResultsException.class, () -> ResultsFile.read(file));
        assertThat(error.getMessage(), containsString("has schema chime-conformance/results/v2"));
    }

    @Test
    void aDirectoryWithoutResultsIsRejected(@TempDir Path dir) {
        IOException error = assertThrows(ResultsFile.InvalidResultsException.class, () -> ResultsFile.read(dir));
        assertThat(error.getMessage(), containsString("contains no results.json"));
    }

    @Test
    void aScenarioWithoutStatusIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                {"schema": "chime-conformance/results/v1", "kit": {"version": "1", "commit": "c"},
                 "target": {"name": "x"}, "counts": {"scenarios": {}, "rules": {}},
                 "scenarios": [{"id": "a.feature#a", "name": "A"}]}
                """);
        IOException error = assertThrows(ResultsFile.InvalidResultsException.class, () -> ResultsFile.read(file));
        assertThat(error.getMessage(), containsString("scenario 1 lacks its id, name or status"));
    }

    /** Within v1, results written before levels existed still read: levels follow from the tags and kinds. */
    @Test
    void resultsWithoutLevelsTakeThemFromTheTagsAndKinds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, """
                {"schema": "chime-conformance/results/v1", "kit": {"version": "1", "commit": "c"},
                 "target": {"name": "x"}, "counts": {"scenarios": {"FAIL": 1, "PASS": 1}, "rules": {}},
                 "rules": [{"id": "PAGE-005", "area": "PAGE", "kind": "A", "status": "FAIL", "scenarios": ["a.feature#a"]}],
                 "scenarios": [{"id": "a.feature#a", "name": "A", "status": "FAIL", "tags": ["@rule:PAGE-005", "@assumption"]},
                               {"id": "a.feature#b", "name": "B", "status": "PASS", "tags": ["@rule:CHAN-001"]}]}
                """);
        RunResults results = ResultsFile.read(file);
        assertThat(results.scenario("a.feature#a").orElseThrow().level(), is(Level.TENTATIVE));
        assertThat(results.scenario("a.feature#b").orElseThrow().level(), is(Level.REQUIRED));
        assertThat(results.rule("PAGE-005").orElseThrow().level(), is(Level.TENTATIVE));
        assertThat(results.counts().scenarios(Level.TENTATIVE, Status.FAIL), is(1));
        assertThat(results.counts().scenarios(Level.REQUIRED, Status.PASS), is(1));
        assertThat(results.counts().scenarios(Status.FAIL), is(1));
    }

    @Test
    void notJsonIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "<html>");
        assertThrows(ResultsFile.InvalidResultsException.class, () -> ResultsFile.read(file));
    }
}
