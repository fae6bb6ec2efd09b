package chime.conformance.reports.model;

/**
 * Whether a run as a whole failed. It fails on any FAIL or ERROR; a strict run also fails on XPASS
 * (the expectation file is stale) and FLAKY (a rule that only holds on a rerun is not reliable).
 */
public enum Verdict {
    PASSED, FAILED;

    public static Verdict of(java.util.Map<Status, Integer> counts, boolean strict) {
        boolean failed = counts.getOrDefault(Status.FAIL, 0) > 0 || counts.getOrDefault(Status.ERROR, 0) > 0
                || strict && (counts.getOrDefault(Status.XPASS, 0) > 0 || counts.getOrDefault(Status.FLAKY, 0) > 0);
        return failed ? FAILED : PASSED;
    }
}
