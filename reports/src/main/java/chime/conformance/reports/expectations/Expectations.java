package chime.conformance.reports.expectations;

import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A target's known failures (its expectation file). Applying them turns the FAIL of a listed
 * scenario into XFAIL and the PASS of a listed one into XPASS, so that a run on an imperfect target
 * can still gate on new failures.
 *
 * @param target  the target the file is for
 * @param entries the entries, one per scenario or rule
 */
public record Expectations(String target, List<Expectation> entries) {

    public Expectations {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static Expectations none(String target) {
        return new Expectations(target, List.of());
    }

    public Optional<Expectation> forScenario(String scenarioId) {
        return entries.stream().filter(e -> scenarioId.equals(e.scenario())).findFirst();
    }

    public Optional<Expectation> forRule(String ruleId) {
        return entries.stream().filter(e -> ruleId.equals(e.rule())).findFirst();
    }

    /** The scenarios with expectations applied, and the entries that matched nothing in the run. */
    public record Applied(List<ScenarioResult> scenarios, List<String> unmatched) {
        public Applied {
            scenarios = List.copyOf(scenarios);
            unmatched = List.copyOf(unmatched);
        }
    }

    /**
     * Applies the entries to a run's scenarios.
     * <ul>
     *   <li>A scenario entry: FAIL becomes XFAIL, PASS becomes XPASS.</li>
     *   <li>A rule entry says the target breaks the rule: each FAIL scenario carrying the rule becomes
     *       XFAIL. If none of the rule's scenarios fails any more (they pass or are not applicable),
     *       the entry is stale and its passing scenarios become XPASS. Passing scenarios of a rule
     *       that still fails elsewhere stay PASS: the entry is still true.</li>
     *   <li>ERROR, NOT_APPLICABLE and FLAKY never change: an expectation is about the target's
     *       behaviour, and those statuses say nothing about it.</li>
     *   <li>A scenario entry takes precedence over a rule entry.</li>
     * </ul>
     */
    public Applied apply(List<ScenarioResult> scenarios) {
        Map<String, ScenarioResult> byId = new LinkedHashMap<>();
        scenarios.forEach(s -> byId.put(s.id(), s));
        Set<String> matchedByScenarioEntry = new HashSet<>();
        List<String> unmatched = new ArrayList<>();

        for (Expectation entry : entries) {
            if (entry.isRuleEntry()) {
                continue;
            }
            ScenarioResult scenario = byId.get(entry.scenario());
            if (scenario == null) {
                unmatched.add(entry.key());
                continue;
            }
            matchedByScenarioEntry.add(scenario.id());
            if (scenario.status() == Status.FAIL) {
                byId.put(scenario.id(), scenario.withStatus(Status.XFAIL, entry.reason(), entry.link()));
            } else if (scenario.status() == Status.PASS) {
                byId.put(scenario.id(), scenario.withStatus(Status.XPASS,
                        "listed as a known failure (" + entry.reason() + ") but passed", entry.link()));
            }
        }

        for (Expectation entry : entries) {
            if (!entry.isRuleEntry()) {
                continue;
            }
            List<ScenarioResult> carrying = byId.values().stream()
                    .filter(s -> s.rules().contains(entry.rule()) && !matchedByScenarioEntry.contains(s.id()))
                    .toList();
            if (carrying.isEmpty()) {
                unmatched.add(entry.key());
                continue;
            }
            boolean stillFails = carrying.stream().anyMatch(s -> s.status() == Status.FAIL
                    || s.status() == Status.XFAIL || s.status() == Status.ERROR);
            for (ScenarioResult scenario : carrying) {
                if (scenario.status() == Status.FAIL) {
                    byId.put(scenario.id(), scenario.withStatus(Status.XFAIL,
                            "rule " + entry.rule() + ": " + entry.reason(), entry.link()));
                } else if (!stillFails && scenario.status() == Status.PASS) {
                    byId.put(scenario.id(), scenario.withStatus(Status.XPASS,
                            "rule " + entry.rule() + " is listed as a known failure (" + entry.reason() + ") but passed",
                            entry.link()));
                }
            }
        }
        return new Applied(new ArrayList<>(byId.values()), unmatched);
    }
}
