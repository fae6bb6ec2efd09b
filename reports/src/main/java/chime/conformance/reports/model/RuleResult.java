package chime.conformance.reports.model;

import java.util.List;

/**
 * A registry rule's status on one target.
 *
 * @param id        rule ID
 * @param area      its area
 * @param kind      where it stands (S, I, A, M), from its sources
 * @param status    derived from its scenarios ({@link RuleStatus#rollUp})
 * @param scenarios the IDs of the scenarios of this run that carry it
 * @param sources   the public AWS sources the registry cites for it
 */
public record RuleResult(String id, String area, Kind kind, RuleStatus status, List<String> scenarios,
                         List<Source> sources) {

    public RuleResult {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A result that carries no sources (a rule the registry does not know). */
    public RuleResult(String id, String area, Kind kind, RuleStatus status, List<String> scenarios) {
        this(id, area, kind, status, scenarios, List.of());
    }
}
