package chime.conformance.reports.compare;

/**
 * How a scenario's or rule's status changed from run A to run B.
 *
 * <p>Two properties of a status decide: whether it <em>breaks the run</em> (FAIL, ERROR) and whether
 * the check <em>held</em> (PASS, XPASS) or <em>did not hold</em> (FAIL, ERROR, XFAIL). NOT_APPLICABLE
 * and FLAKY are neither held nor not held.
 */
public enum ChangeKind {
    /**
     * B breaks the run where A did not (anything to FAIL or ERROR, including from NOT_APPLICABLE and
     * FLAKY), or the check held in A and does not hold in B even if B lists it as expected
     * (PASS to XFAIL), for a required scenario or for a rule through its required scenarios. The caller of a
     * comparison fails when there is one.
     */
    REGRESSION("Regressions"),
    /**
     * A regression that only a tentative scenario shows (a scenario checking a kit decision, whose check held
     * in A and does not in B; for a rule, one whose required scenarios did not regress): the target now reads
     * a case AWS documents nothing about otherwise than the kit. Listed, and fails a comparison only when it
     * is strict. A tentative scenario going to ERROR is a regression: the kit broke.
     */
    TENTATIVE_REGRESSION("Tentative regressions"),
    /** The check did not hold in A and holds in B (FAIL, ERROR or XFAIL to PASS or XPASS). */
    FIX("Fixes"),
    /** Present in B only (for a rule: not covered by any scenario in A, covered in B). */
    NEW("New"),
    /** Present in A only (for a rule: covered in A, not covered in B). */
    REMOVED("Removed"),
    /** Any other difference: PASS to NOT_APPLICABLE, FAIL to ERROR, FAIL to XFAIL, PASS to FLAKY, ... */
    CHANGED("Other changes");

    private final String title;

    ChangeKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
