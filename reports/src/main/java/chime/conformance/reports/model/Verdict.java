package chime.conformance.reports.model;

import java.util.Collection;

/**
 * Whether a run as a whole failed. Required scenarios decide (design section 11): the run fails on a
 * required FAIL, and on any ERROR, since the kit itself broke. A strict run also fails on a tentative FAIL
 * (the target reads a kit decision otherwise), an XPASS (the expectation file is stale) and a FLAKY scenario
 * (a rule that only holds on a rerun is not reliable). See {@link Level#failsRun}.
 */
public enum Verdict {
    PASSED, FAILED;

    public static Verdict of(Collection<ScenarioResult> scenarios, boolean strict) {
        return scenarios.stream().anyMatch(s -> s.failsRun(strict)) ? FAILED : PASSED;
    }
}
