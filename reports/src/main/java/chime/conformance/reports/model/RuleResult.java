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
 * @param level     TENTATIVE when every scenario of it in this run is tentative (or, with none, when it is a
 *                  kit decision, kind A), else REQUIRED
 */
public record RuleResult(String id, String area, Kind kind, RuleStatus status, List<String> scenarios,
                         List<Source> sources, Level level) {

    public RuleResult {
        level = level == null ? (kind == Kind.A ? Level.TENTATIVE : Level.REQUIRED) : level;
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A result that carries no sources (a rule the registry does not know), its level following from its kind. */
    public RuleResult(String id, String area, Kind kind, RuleStatus status, List<String> scenarios) {
        this(id, area, kind, status, scenarios, List.of(), null);
    }

    /** The level of a rule: tentative when all its scenarios are; with none, when it is a kit decision. */
    public static Level levelOf(Kind kind, java.util.Collection<ScenarioResult> scenarios) {
        if (scenarios.isEmpty()) {
            return kind == Kind.A ? Level.TENTATIVE : Level.REQUIRED;
        }
        return scenarios.stream().allMatch(ScenarioResult::isTentative) ? Level.TENTATIVE : Level.REQUIRED;
    }
}
