package chime.conformance.reports.expectations;

import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a fresh expectation file from a run, so that an update is a reviewable diff rather
 * than hand editing: every scenario that failed (FAIL or XFAIL) gets an entry; entries for
 * scenarios that now pass disappear.
 */
public final class ExpectationsWriter {

    /** The reason given to a failure nobody has explained yet: a reviewer must replace it. */
    static final String UNREVIEWED = "Unreviewed";

    private ExpectationsWriter() {
    }

    /**
     * @param results  the run
     * @param previous the target's current expectation file, or null: its reasons and links are kept
     *                 where the ID still matches, and its rule entries are kept while the rule still
     *                 has a failing scenario (those scenarios then get no entry of their own)
     */
    public static Expectations generate(RunResults results, Expectations previous) {
        List<ScenarioResult> failing = results.scenarios().stream()
                .filter(s -> s.status() == Status.FAIL || s.status() == Status.XFAIL)
                .toList();

        Set<String> keptRules = new TreeSet<>();
        if (previous != null) {
            for (Expectation entry : previous.entries()) {
                if (entry.isRuleEntry() && failing.stream().anyMatch(s -> s.rules().contains(entry.rule()))) {
                    keptRules.add(entry.rule());
                }
            }
        }

        List<Expectation> entries = new ArrayList<>();
        for (String rule : keptRules) {
            entries.add(previous.forRule(rule).orElseThrow());
        }
        failing.stream()
                .filter(s -> s.rules().stream().noneMatch(keptRules::contains))
                .sorted(Comparator.comparing(ScenarioResult::id))
                .forEach(s -> {
                    Optional<Expectation> old = previous == null ? Optional.empty() : previous.forScenario(s.id());
                    entries.add(old.orElseGet(() -> Expectation.forScenario(s.id(), unreviewedReason(s), null)));
                });
        return new Expectations(results.target().name(), entries);
    }

    private static String unreviewedReason(ScenarioResult scenario) {
        String type = scenario.errorType() == null ? "failed" : simpleName(scenario.errorType());
        String message = scenario.errorMessage() == null ? "" : scenario.errorMessage().strip().lines().findFirst().orElse("");
        if (message.length() > 160) {
            message = message.substring(0, 157) + "...";
        }
        return UNREVIEWED + ": " + type + (message.isEmpty() ? "" : ": " + message);
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot >= 0 ? className.substring(dot + 1) : className;
    }
}
