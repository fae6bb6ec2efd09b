package chime.conformance.reports.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run established: the content of {@code results.json}
 * (schema {@value #SCHEMA}, described in RESULTS-SCHEMA.md).
 *
 * @param schema         always {@value #SCHEMA} for this version of the format
 * @param kit            the kit build
 * @param target         the target
 * @param start          when the run started
 * @param end            when it finished
 * @param durationMs     wall time
 * @param strict         whether tentative failures, XPASS and FLAKY fail the run
 * @param maskedAccount  whether AWS account IDs were masked in messages and evidence
 * @param verdict        whether the run failed ({@link Verdict#of}: required scenarios decide)
 * @param counts         scenarios by status, rules by status and scenarios by level and status, every
 *                       status present
 * @param expectations   the expectation file applied, or null
 * @param rules          every registry rule (and every unknown rule a scenario names), registry order
 * @param scenarios      every scenario, by feature path and line
 * @param features       the feature files that contributed scenarios
 * @param warnings       problems with the kit itself: unknown rule tags, unreadable evidence, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResults(String schema, KitInfo kit, TargetInfo target, Instant start, Instant end,
                         long durationMs, boolean strict, boolean maskedAccount, Verdict verdict,
                         Counts counts, ExpectationsSummary expectations, List<RuleResult> rules,
                         List<ScenarioResult> scenarios, List<FeatureInfo> features, List<String> warnings) {

    public static final String SCHEMA = "chime-conformance/results/v1";

    public RunResults {
        rules = rules == null ? List.of() : List.copyOf(rules);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        features = features == null ? List.of() : List.copyOf(features);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Scenarios and rules counted by status, and scenarios by level and status; every status (and level)
     * appears, with 0 when absent.
     */
    public record Counts(Map<Status, Integer> scenarios, Map<RuleStatus, Integer> rules,
                         Map<Level, Map<Status, Integer>> levels) {

        public Counts {
            scenarios = complete(scenarios, Status.class);
            rules = complete(rules, RuleStatus.class);
            Map<Level, Map<Status, Integer>> all = new LinkedHashMap<>();
            for (Level level : Level.values()) {
                all.put(level, complete(levels == null ? null : levels.get(level), Status.class));
            }
            levels = Collections.unmodifiableMap(all);
        }

        /** Without counts by level (they are then all 0). */
        public Counts(Map<Status, Integer> scenarios, Map<RuleStatus, Integer> rules) {
            this(scenarios, rules, null);
        }

        public static Counts of(List<ScenarioResult> scenarios, List<RuleResult> rules) {
            Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
            Map<Level, Map<Status, Integer>> byLevel = new EnumMap<>(Level.class);
            scenarios.forEach(s -> {
                byStatus.merge(s.status(), 1, Integer::sum);
                byLevel.computeIfAbsent(s.level(), l -> new EnumMap<>(Status.class)).merge(s.status(), 1, Integer::sum);
            });
            Map<RuleStatus, Integer> byRuleStatus = new EnumMap<>(RuleStatus.class);
            rules.forEach(r -> byRuleStatus.merge(r.status(), 1, Integer::sum));
            return new Counts(byStatus, byRuleStatus, byLevel);
        }

        private static <E extends Enum<E>> Map<E, Integer> complete(Map<E, Integer> counts, Class<E> type) {
            Map<E, Integer> all = new LinkedHashMap<>();
            for (E value : type.getEnumConstants()) {
                all.put(value, counts == null ? 0 : counts.getOrDefault(value, 0));
            }
            return Collections.unmodifiableMap(all);
        }

        public int scenarios(Status status) {
            return scenarios.get(status);
        }

        public int rules(RuleStatus status) {
            return rules.get(status);
        }

        /** How many scenarios of that level have that status. */
        public int scenarios(Level level, Status status) {
            return levels.get(level).get(status);
        }

        /** How many scenarios have that level. */
        public int scenarios(Level level) {
            return levels.get(level).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The same results with the scenario counts by level recomputed from the scenarios: for results written
     * before levels existed, whose counts have none.
     */
    public RunResults withLevelCounts() {
        Counts recounted = Counts.of(scenarios, List.of());
        Counts merged = counts == null ? recounted : new Counts(counts.scenarios(), counts.rules(), recounted.levels());
        return new RunResults(schema, kit, target, start, end, durationMs, strict, maskedAccount, verdict, merged,
                expectations, rules, scenarios, features, warnings);
    }

    /** The tentative scenarios whose check did not hold on the target (FAIL or XFAIL), in report order. */
    @JsonIgnore
    public List<ScenarioResult> tentativeFailures() {
        return scenarios.stream().filter(s -> s.isTentative()
                && (s.status() == Status.FAIL || s.status() == Status.XFAIL)).toList();
    }

    /**
     * The scenarios that failed or errored: the required ones first, then the tentative ones; within a level
     * FAIL before ERROR, then by feature and line.
     */
    @JsonIgnore
    public List<ScenarioResult> failures() {
        return scenarios.stream().filter(s -> s.status() == Status.FAIL || s.status() == Status.ERROR)
                .sorted(java.util.Comparator.comparing(ScenarioResult::level)
                        .thenComparing(s -> s.status() == Status.FAIL ? 0 : 1)
                        .thenComparing(ScenarioResult::feature).thenComparingInt(ScenarioResult::line))
                .toList();
    }

    @JsonIgnore
    public Optional<ScenarioResult> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @JsonIgnore
    public Optional<RuleResult> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
