package chime.conformance.reports.model;

import java.util.List;

/**
 * A registry rule's status on one target.
 *
 * @param id        rule ID
 * @param area      its area
 * @param kind      where it comes from (S, I, A, M)
 * @param status    derived from its scenarios ({@link RuleStatus#rollUp})
 * @param scenarios the IDs of the scenarios of this run that carry it
 */
public record RuleResult(String id, String area, Kind kind, RuleStatus status, List<String> scenarios) {

    public RuleResult {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
}
