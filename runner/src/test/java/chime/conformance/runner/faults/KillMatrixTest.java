package chime.conformance.runner.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.runner.target.reference.ReferenceTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillMatrixTest {

    private static chime.conformance.reports.model.ScenarioResult scenario(String id, String rule, boolean tentative,
                                                                       chime.conformance.reports.model.Status status) {
        List<String> tags = tentative ? List.of("@rule:" + rule, "@assumption") : List.of("@rule:" + rule);
        return new chime.conformance.reports.model.ScenarioResult(id, "Scenario " + id, "a/b.feature",
                "classpath:features/a/b.feature", 3, tags, List.of(rule), List.of(), status, 1, 1,
                status == chime.conformance.reports.model.Status.FAIL ? "java.lang.AssertionError" : null,
                status == chime.conformance.reports.model.Status.FAIL ? "expected Forbidden" : null, null, null, List.of());
    }

    private static chime.conformance.reports.model.RunResults run(List<chime.conformance.reports.model.ScenarioResult> s) {
        return new chime.conformance.reports.model.RunResults(chime.conformance.reports.model.RunResults.SCHEMA,
                new chime.conformance.reports.model.KitInfo("1", "c"),
                new chime.conformance.reports.model.TargetInfo("reference", "", java.util.Map.of()), null, null, 0, false,
                false, chime.conformance.reports.model.Verdict.PASSED,
                chime.conformance.reports.model.RunResults.Counts.of(s, List.of()), null, List.of(), s, List.of(), List.of());
    }

    /**
     * The kill matrix counts any failing scenario as a catch, tentative or not, and says which faults only
     * tentative scenarios caught: a run that is not strict passes with them (design section 11).
     */
    @Test
    void aFaultCaughtOnlyByTentativeScenariosIsMarkedAsSuch() {
        var pass = chime.conformance.reports.model.Status.PASS;
        var fail = chime.conformance.reports.model.Status.FAIL;
        java.util.Map<String, chime.conformance.reports.model.ScenarioResult> passing = new java.util.LinkedHashMap<>();
        for (var s : List.of(scenario("a/b.feature#kit", "TAG-003", true, pass),
                scenario("a/b.feature#doc", "TAG-004", false, pass))) {
            passing.put(s.id(), s);
        }
        Fault onlyTentative = new Fault("kit-reading-differs", List.of("TAG-003"), "reads a kit decision otherwise",
                c -> null);
        Fault both = new Fault("documented-rule-broken", List.of("TAG-004"), "breaks a documented rule", c -> null);

        KillMatrix.FaultResult tentative = KillMatrix.judge(onlyTentative, passing,
                run(List.of(scenario("a/b.feature#kit", "TAG-003", true, fail), scenario("a/b.feature#doc", "TAG-004", false, pass))), 1);
        KillMatrix.FaultResult required = KillMatrix.judge(both, passing,
                run(List.of(scenario("a/b.feature#kit", "TAG-003", true, fail), scenario("a/b.feature#doc", "TAG-004", false, fail))), 1);

        assertTrue(tentative.caught());
        assertTrue(tentative.caughtOnlyByTentative());
        assertTrue(tentative.caughtBy().get(0).tentative());
        assertTrue(required.caught());
        assertFalse(required.caughtOnlyByTentative());
        assertEquals("a/b.feature#doc", required.caughtBy().get(0).scenario(), "required catches come first");

        KillMatrix.Matrix matrix = new KillMatrix.Matrix("chime-conformance/kill-matrix/v1", null, null, null,
                new KillMatrix.Baseline("reference", 2, java.util.Map.of("PASS", 2), 0), 2, 2, List.of(),
                java.util.Map.of("TAG", List.of("kit-reading-differs", "documented-rule-broken")), List.of(tentative, required));
        String md = KillMatrix.markdown(matrix);
        assertTrue(md.contains("Caught only by tentative scenarios (checking a kit decision, `@assumption`): **1** (`kit-reading-differs`)"), md);
        assertTrue(md.contains("| `kit-reading-differs` | TAG-003 | reads a kit decision otherwise | 1 failed (tentative scenarios only) |"), md);
        assertTrue(md.contains("| `documented-rule-broken` | TAG-004 | breaks a documented rule | 2 failed |"), md);
    }

    @TempDir
    Path dir;

    @Test
    void aFaultIsCaughtOnlyByTheScenariosOfTheRuleItBreaks() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        KillMatrix matrix = new KillMatrix(ReferenceTarget::new, dir, "@rule:BAN-002", 2, false, new PrintStream(log, true));

        KillMatrix.Matrix result = matrix.run(FaultCatalogue.named(List.of("ban-does-not-kick", "tags-not-upserted")));

        assertEquals(2, result.faults());
        assertEquals(1, result.caught());
        assertEquals(List.of("tags-not-upserted"), result.uncaught());
        KillMatrix.FaultResult ban = result.results().get(0);
        assertTrue(ban.caught());
        assertTrue(ban.caughtOnRule());
        assertTrue(ban.caughtBy().stream().allMatch(c -> c.status().equals("FAIL") && c.feature().startsWith("bans/")),
                ban.caughtBy().toString());
        assertFalse(result.results().get(1).caught());

        JsonNode json = new ObjectMapper().readTree(dir.resolve(KillMatrix.JSON).toFile());
        assertEquals("tags-not-upserted", json.get("uncaught").get(0).asText());
        String md = Files.readString(dir.resolve(KillMatrix.MARKDOWN));
        assertTrue(md.contains("| `tags-not-upserted` | TAG-003 |"), md);
        assertTrue(md.contains("**not caught**"), md);
        assertTrue(Files.exists(dir.resolve("runs/ban-does-not-kick/results.json")));
        assertTrue(Files.exists(dir.resolve("baseline/index.html")));
    }
}
