package chime.conformance.reports.compare;

import chime.conformance.reports.model.RuleResult;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The drift between two runs: every scenario and every rule whose status differs from run A (the
 * baseline) to run B, classified as {@link ChangeKind regression, fix, new, removed or changed}.
 * Usually A and B are the same target at two kit or target versions; comparing two targets works the
 * same way.
 */
public final class Comparison {

    private static final Set<String> BREAKS_RUN = Set.of("FAIL", "ERROR");
    private static final Set<String> HELD = Set.of("PASS", "XPASS");
    private static final Set<String> NOT_HELD = Set.of("FAIL", "ERROR", "XFAIL");
    private static final Set<String> NOT_COVERED = Set.of(RuleStatus.NOT_COVERED.name(), RuleStatus.UNTESTABLE.name());

    private final RunResults before;
    private final RunResults after;
    private final List<Change> scenarioChanges;
    private final List<Change> ruleChanges;

    private Comparison(RunResults before, RunResults after, List<Change> scenarioChanges, List<Change> ruleChanges) {
        this.before = before;
        this.after = after;
        this.scenarioChanges = List.copyOf(scenarioChanges);
        this.ruleChanges = List.copyOf(ruleChanges);
    }

    /** Compares run A (the baseline) with run B. */
    public static Comparison of(RunResults a, RunResults b) {
        Map<String, ScenarioResult> scenariosA = index(a.scenarios(), ScenarioResult::id);
        Map<String, ScenarioResult> scenariosB = index(b.scenarios(), ScenarioResult::id);
        List<Change> scenarioChanges = new ArrayList<>();
        for (String id : union(scenariosA.keySet(), scenariosB.keySet())) {
            ScenarioResult sa = scenariosA.get(id);
            ScenarioResult sb = scenariosB.get(id);
            String before = sa == null ? null : sa.status().name();
            String after = sb == null ? null : sb.status().name();
            ChangeKind kind = classify(before, after);
            if (kind == ChangeKind.REGRESSION && tentativeOnly(sa, sb)) {
                kind = ChangeKind.TENTATIVE_REGRESSION;
            }
            if (kind != null) {
                ScenarioResult named = sb != null ? sb : sa;
                scenarioChanges.add(new Change(Change.SCENARIO, id, named.name(), before, after, kind, detail(sb)));
            }
        }

        Map<String, RuleResult> rulesA = index(a.rules(), RuleResult::id);
        Map<String, RuleResult> rulesB = index(b.rules(), RuleResult::id);
        List<Change> ruleChanges = new ArrayList<>();
        for (String id : union(rulesA.keySet(), rulesB.keySet())) {
            String before = covered(rulesA.get(id));
            String after = covered(rulesB.get(id));
            ChangeKind kind = classify(before, after);
            if (kind == null && before == null && after == null) {
                continue;
            }
            if (kind == ChangeKind.REGRESSION
                    && classify(gating(rulesA.get(id), scenariosA), gating(rulesB.get(id), scenariosB)) != ChangeKind.REGRESSION) {
                kind = ChangeKind.TENTATIVE_REGRESSION;
            }
            if (kind != null) {
                RuleResult named = rulesB.containsKey(id) ? rulesB.get(id) : rulesA.get(id);
                ruleChanges.add(new Change(Change.RULE, id, named.area(), statusOf(rulesA.get(id)), statusOf(rulesB.get(id)),
                        kind, null));
            }
        }
        Comparator<Change> order = Comparator.comparing(Change::kind).thenComparing(Change::id);
        scenarioChanges.sort(order);
        ruleChanges.sort(order);
        return new Comparison(a, b, scenarioChanges, ruleChanges);
    }

    /**
     * The kind of change from one status to another (status names; null for absent), or null when
     * nothing changed.
     */
    static ChangeKind classify(String before, String after) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return null;
        }
        if (before == null) {
            return ChangeKind.NEW;
        }
        if (after == null) {
            return ChangeKind.REMOVED;
        }
        if (BREAKS_RUN.contains(after) && !BREAKS_RUN.contains(before) || HELD.contains(before) && NOT_HELD.contains(after)) {
            return ChangeKind.REGRESSION;
        }
        if (NOT_HELD.contains(before) && HELD.contains(after)) {
            return ChangeKind.FIX;
        }
        return ChangeKind.CHANGED;
    }

    /**
     * Whether a scenario's regression shows only where the kit decides: it is tentative, and in B its check
     * did not hold (FAIL, XFAIL) rather than the kit breaking (ERROR).
     */
    private static boolean tentativeOnly(ScenarioResult a, ScenarioResult b) {
        ScenarioResult scenario = b != null ? b : a;
        return scenario.isTentative() && b != null && (b.status() == Status.FAIL || b.status() == Status.XFAIL);
    }

    /**
     * A rule's status as the gate sees it: rolled up from its scenarios, leaving out tentative scenarios whose
     * check did not hold (FAIL, XFAIL); absent when nothing is left. A rule without such scenarios (or whose
     * scenarios the results do not list) keeps its status.
     */
    private static String gating(RuleResult rule, Map<String, ScenarioResult> scenarios) {
        if (rule == null) {
            return null;
        }
        List<Status> statuses = new ArrayList<>();
        boolean leftOut = false;
        for (String id : rule.scenarios()) {
            ScenarioResult scenario = scenarios.get(id);
            if (scenario == null) {
                continue;
            }
            if (scenario.isTentative() && (scenario.status() == Status.FAIL || scenario.status() == Status.XFAIL)) {
                leftOut = true;
            } else {
                statuses.add(scenario.status());
            }
        }
        if (!leftOut) {
            return covered(rule);
        }
        if (statuses.isEmpty()) {
            return null;
        }
        return RuleStatus.rollUp(null, statuses).name();
    }

    /** A rule no scenario covers counts as absent, so that newly covered rules show as new. */
    private static String covered(RuleResult rule) {
        return rule == null || NOT_COVERED.contains(rule.status().name()) ? null : rule.status().name();
    }

    private static String statusOf(RuleResult rule) {
        return rule == null ? null : rule.status().name();
    }

    private static String detail(ScenarioResult scenario) {
        if (scenario == null) {
            return null;
        }
        String text = scenario.status() == Status.FAIL || scenario.status() == Status.ERROR
                ? (scenario.errorMessage() != null ? scenario.errorMessage() : scenario.errorType())
                : scenario.reason();
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 240 ? first.substring(0, 237) + "..." : first;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    public RunResults before() {
        return before;
    }

    public RunResults after() {
        return after;
    }

    public List<Change> scenarioChanges() {
        return scenarioChanges;
    }

    public List<Change> ruleChanges() {
        return ruleChanges;
    }

    /** Scenario changes of one kind. */
    public List<Change> scenarioChanges(ChangeKind kind) {
        return scenarioChanges.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Rule changes of one kind. */
    public List<Change> ruleChanges(ChangeKind kind) {
        return ruleChanges.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Every regression, scenarios first. A rule can regress because a new scenario of it fails. */
    public List<Change> regressions() {
        List<Change> regressions = new ArrayList<>(scenarioChanges(ChangeKind.REGRESSION));
        regressions.addAll(ruleChanges(ChangeKind.REGRESSION));
        return regressions;
    }

    /** Every regression that only tentative scenarios show, scenarios first. */
    public List<Change> tentativeRegressions() {
        List<Change> regressions = new ArrayList<>(scenarioChanges(ChangeKind.TENTATIVE_REGRESSION));
        regressions.addAll(ruleChanges(ChangeKind.TENTATIVE_REGRESSION));
        return regressions;
    }

    /** Whether there is a regression of a required scenario or rule. */
    public boolean hasRegressions() {
        return !regressions().isEmpty();
    }

    /** Whether the comparison fails: on a regression, and in a strict comparison on a tentative one too. */
    public boolean hasRegressions(boolean strict) {
        return hasRegressions() || strict && !tentativeRegressions().isEmpty();
    }

    public Map<ChangeKind, Integer> scenarioCounts() {
        return counts(scenarioChanges);
    }

    public Map<ChangeKind, Integer> ruleCounts() {
        return counts(ruleChanges);
    }

    private static Map<ChangeKind, Integer> counts(List<Change> changes) {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind kind : ChangeKind.values()) {
            counts.put(kind, (int) changes.stream().filter(c -> c.kind() == kind).count());
        }
        return counts;
    }

    public boolean isEmpty() {
        return scenarioChanges.isEmpty() && ruleChanges.isEmpty();
    }
}
