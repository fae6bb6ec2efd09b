package chime.conformance.reports.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import chime.conformance.reports.RunStoppedException;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recap at the end of the console: failures only, required first, not-run scenarios summed up, capped. */
class ConsoleRecapTest {

    private static ScenarioResult scenario(String slug, int line, Status status, boolean tentative, String type,
                                           String message) {
        List<String> tags = tentative ? List.of("@rule:TAG-003", "@assumption") : List.of("@rule:BAN-002");
        return new ScenarioResult("area/a.feature#" + slug, "Scenario " + slug, "area/a.feature", "classpath:features/area/a.feature",
                line, tags, List.of(tentative ? "TAG-003" : "BAN-002"), List.of(), status, 1, 1, type, message, null,
                null, List.of());
    }

    private static RunResults run(List<ScenarioResult> scenarios) {
        return new RunResults(RunResults.SCHEMA, null, null, null, null, 0, false, false, null,
                RunResults.Counts.of(scenarios, List.of()), null, List.of(), scenarios, List.of(), List.of());
    }

    @Test
    void nothingFailedNothingToRecap() {
        assertThat(ConsoleRecap.of(run(List.of(scenario("ok", 1, Status.PASS, false, null, null))), Path.of("r")), is(""));
    }

    @Test
    void failuresRequiredFirstTentativeApartNotRunSummedUp() {
        List<ScenarioResult> all = new ArrayList<>();
        all.add(scenario("tentative-fail", 5, Status.FAIL, true, "java.lang.AssertionError", "\nExpected: x\n  but: y"));
        all.add(scenario("passes", 6, Status.PASS, false, null, null));
        all.add(scenario("errs", 7, Status.ERROR, false, "chime.conformance.reports.HarnessException", "provisioning failed"));
        all.add(scenario("fails", 9, Status.FAIL, false, "java.lang.AssertionError", "Bob is still a member\nmore"));
        all.add(scenario("expected", 10, Status.XFAIL, false, "java.lang.AssertionError", "known"));
        for (int i = 0; i < 3; i++) {
            all.add(scenario("not-run-" + i, 20 + i, Status.ERROR, false, RunStoppedException.class.getName(),
                    "Not run: the run stopped after 25 scenarios in a row ended in ERROR"));
        }
        String recap = ConsoleRecap.of(run(all), Path.of("/reports/r"));
        assertThat(recap, containsString("Failures: 5 required, 1 tentative"));
        assertThat(recap.indexOf("a.feature:9"), lessThan(recap.indexOf("a.feature:7")));
        assertThat(recap.indexOf("a.feature:7"), lessThan(recap.indexOf("Tentative failures")));
        assertThat(recap.indexOf("Tentative failures"), lessThan(recap.indexOf("a.feature:5")));
        assertThat(recap, containsString("rules BAN-002 | Bob is still a member"));
        assertThat(recap, not(containsString("more")));
        assertThat(recap, containsString("rules TAG-003 | Expected: x"));
        assertThat(recap, containsString("/reports/r/features/area-a.html#fails"));
        assertThat(recap, containsString("ERROR  3 scenario(s) not run: Not run: the run stopped after 25"));
        assertThat(recap, not(containsString("a.feature:20")));
        assertThat(recap, not(containsString("a.feature:6 ")));
        assertThat(recap, not(containsString("a.feature:10")));
    }

    @Test
    void aLongListIsCappedAndPointsToTheReport() {
        List<ScenarioResult> all = new ArrayList<>();
        for (int i = 0; i < ConsoleRecap.MAX_LISTED + 7; i++) {
            all.add(scenario("f" + i, i + 1, Status.FAIL, false, "java.lang.AssertionError", "no"));
        }
        String recap = ConsoleRecap.of(run(all), Path.of("r"));
        assertThat(recap, containsString("... and 7 more: see the report"));
        assertThat(recap, not(containsString("a.feature:" + (ConsoleRecap.MAX_LISTED + 1) + " ")));
    }
}
