package chime.conformance.reports.model;

/** The status of one scenario on one target. */
public enum Status {
    /** Every step passed. */
    PASS("passed"),
    /** A step's assertion failed: the target does not behave as the rule says. */
    FAIL("failed"),
    /** The scenario needs a capability the target does not declare; it did not run. */
    NOT_APPLICABLE("not applicable"),
    /** Failed, and the target's expectation file lists it as a known failure. */
    XFAIL("expected failure"),
    /** Passed, but the target's expectation file lists it as failing: the entry is stale. */
    XPASS("unexpected pass"),
    /** The kit broke (undefined step, fixture or harness failure, failing hook): no verdict on the target. */
    ERROR("harness error"),
    /** Failed, then passed when run again. Reported, never hidden. */
    FLAKY("flaky");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A status that makes a run fail: the target failed unexpectedly or the kit broke. */
    public boolean isUnexpectedFailure() {
        return this == FAIL || this == ERROR;
    }

    /** The scenario's check ran and held (possibly only on a rerun). */
    public boolean isPassing() {
        return this == PASS || this == XPASS || this == FLAKY;
    }

    /** The scenario ran and did not hold (whether or not that was expected). */
    public boolean isFailing() {
        return this == FAIL || this == XFAIL || this == ERROR;
    }

    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
