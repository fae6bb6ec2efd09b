package chime.conformance.reports.model;

import java.util.Collection;
import java.util.Locale;

/** The status of one registry rule on one target, derived from the scenarios that carry it. */
public enum RuleStatus {
    PASS("passed"),
    FAIL("failed"),
    ERROR("harness error"),
    XPASS("unexpected pass"),
    FLAKY("flaky"),
    XFAIL("expected failure"),
    NOT_APPLICABLE("not applicable"),
    /** No scenario in this run carries the rule. */
    NOT_COVERED("not covered"),
    /** The registry says no scenario can exercise the rule. */
    UNTESTABLE("untestable");

    private final String label;

    RuleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RuleStatus of(Status status) {
        return RuleStatus.valueOf(status.name());
    }

    /**
     * The status of a rule from the statuses of its scenarios. The most alarming one wins, in this
     * order: FAIL (the target breaks the rule), ERROR (the kit could not tell), XPASS (the
     * expectation file is stale), FLAKY, XFAIL; otherwise the rule passes when every scenario passed
     * or was not applicable, and is not applicable when none could run.
     */
    public static RuleStatus rollUp(Rule rule, Collection<Status> scenarioStatuses) {
        if (scenarioStatuses.isEmpty()) {
            return rule != null && rule.isUntestable() ? UNTESTABLE : NOT_COVERED;
        }
        for (Status dominant : new Status[] {Status.FAIL, Status.ERROR, Status.XPASS, Status.FLAKY, Status.XFAIL}) {
            if (scenarioStatuses.contains(dominant)) {
                return of(dominant);
            }
        }
        return scenarioStatuses.contains(Status.PASS) ? PASS : NOT_APPLICABLE;
    }

    public boolean isPassing() {
        return this == PASS || this == XPASS || this == FLAKY;
    }

    public boolean isFailing() {
        return this == FAIL || this == XFAIL || this == ERROR;
    }

    public boolean isUnexpectedFailure() {
        return this == FAIL || this == ERROR;
    }

    /** Whether a scenario of this run carries the rule. */
    public boolean isCovered() {
        return this != NOT_COVERED && this != UNTESTABLE;
    }
}
