package chime.conformance.reports.plugin;

import chime.conformance.reports.expectations.Expectations;
import chime.conformance.reports.model.ExpectationsSummary;
import chime.conformance.reports.model.FeatureInfo;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.Operations;
import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.RuleResult;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.Verdict;
import chime.conformance.reports.model.WireExchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the results of a run from its classified attempts: merges reruns (FLAKY), applies the
 * target's expectations (XFAIL, XPASS), derives every registry rule's status and counts.
 */
public final class ResultsAssembler {

    /**
     * What the run was: everything the results carry besides scenarios.
     *
     * @param featureNames feature path to Feature name, for the features list
     * @param expectations the target's expectations, or null
     * @param expectationsSource where they were read from, or null
     * @param scenarioNotes the comments of the feature files that explain each scenario, by scenario ID
     */
    public record RunHeader(KitInfo kit, TargetInfo target, Instant start, Instant end, boolean strict,
                            boolean maskedAccount, Map<String, String> featureNames,
                            Expectations expectations, String expectationsSource, Map<String, String> scenarioNotes) {

        public RunHeader {
            scenarioNotes = scenarioNotes == null ? Map.of() : Map.copyOf(scenarioNotes);
        }

        /** Without notes from the feature files. */
        public RunHeader(KitInfo kit, TargetInfo target, Instant start, Instant end, boolean strict,
                         boolean maskedAccount, Map<String, String> featureNames,
                         Expectations expectations, String expectationsSource) {
            this(kit, target, start, end, strict, maskedAccount, featureNames, expectations, expectationsSource, null);
        }
    }

    /** The results, and the wire evidence of every scenario that did not pass (by scenario ID). */
    public record Assembled(RunResults results, Map<String, List<WireExchange>> evidence) {
    }

    private ResultsAssembler() {
    }

    public static Assembled assemble(RunHeader header, List<ScenarioAttempt> attempts, RuleRegistry registry,
                                     List<String> earlierWarnings) {
        List<String> warnings = new ArrayList<>(earlierWarnings);
        Map<String, List<WireExchange>> evidence = new LinkedHashMap<>();
        List<ScenarioResult> scenarios = new ArrayList<>();

        Map<String, List<ScenarioAttempt>> byId = attempts.stream()
                .sorted(Comparator.comparingLong(ScenarioAttempt::sequence))
                .collect(Collectors.groupingBy(ScenarioAttempt::id, LinkedHashMap::new, Collectors.toList()));
        for (List<ScenarioAttempt> runs : byId.values()) {
            Merged merged = merge(runs, header.scenarioNotes(), registry);
            scenarios.add(merged.result());
            if (merged.evidenceSource().status() != Status.PASS && !merged.evidenceSource().evidence().isEmpty()) {
                evidence.put(merged.result().id(), merged.evidenceSource().evidence());
            }
        }

        ExpectationsSummary expectationsSummary = null;
        if (header.expectations() != null) {
            Expectations.Applied applied = header.expectations().apply(scenarios);
            scenarios = new ArrayList<>(applied.scenarios());
            expectationsSummary = new ExpectationsSummary(header.expectationsSource(), header.expectations().target(),
                    header.expectations().entries().size(), applied.unmatched());
            if (!header.expectations().target().equals(header.target().name())) {
                warnings.add("The expectation file is for target " + header.expectations().target()
                        + " but the run is on target " + header.target().name());
            }
        }
        scenarios.sort(Comparator.comparing(ScenarioResult::feature).thenComparingInt(ScenarioResult::line)
                .thenComparing(ScenarioResult::id));

        warnings.addAll(tagWarnings(scenarios, registry));
        List<RuleResult> rules = rollUp(registry, scenarios);

        Map<String, FeatureInfo> features = new TreeMap<>();
        for (ScenarioResult scenario : scenarios) {
            features.computeIfAbsent(scenario.feature(), path -> new FeatureInfo(path,
                    header.featureNames().getOrDefault(path, path), ScenarioIds.featurePage(path)));
        }

        RunResults.Counts counts = RunResults.Counts.of(scenarios, rules);
        long durationMs = header.start() != null && header.end() != null
                ? Math.max(0, Duration.between(header.start(), header.end()).toMillis()) : 0;
        RunResults results = new RunResults(RunResults.SCHEMA, header.kit(), header.target(), header.start(),
                header.end(), durationMs, header.strict(), header.maskedAccount(),
                Verdict.of(scenarios, header.strict()), counts, expectationsSummary, rules, scenarios,
                new ArrayList<>(features.values()), warnings);
        return new Assembled(results, evidence);
    }

    private record Merged(ScenarioResult result, ScenarioAttempt evidenceSource) {
    }

    /**
     * Several attempts of one scenario are reruns. When the last one passed after an earlier one
     * failed, the scenario is FLAKY and the report shows the failed attempt, so the failure stays
     * visible; otherwise the last attempt counts.
     */
    private static Merged merge(List<ScenarioAttempt> runs, Map<String, String> notes, RuleRegistry registry) {
        ScenarioAttempt last = runs.get(runs.size() - 1);
        long totalMs = runs.stream().mapToLong(ScenarioAttempt::durationMs).sum();
        ScenarioAttempt lastFailure = null;
        int failedAttempt = 0;
        for (int i = 0; i < runs.size() - 1; i++) {
            if (runs.get(i).status() == Status.FAIL || runs.get(i).status() == Status.ERROR) {
                lastFailure = runs.get(i);
                failedAttempt = i + 1;
            }
        }
        if (last.status() == Status.PASS && lastFailure != null) {
            String reason = "failed on attempt " + failedAttempt + " of " + runs.size()
                    + " (" + lastFailure.status().name() + "), passed on attempt " + runs.size();
            return new Merged(result(lastFailure, Status.FLAKY, reason, runs.size(), totalMs, notes, registry),
                    lastFailure);
        }
        return new Merged(result(last, last.status(), last.reason(), runs.size(), totalMs, notes, registry), last);
    }

    private static ScenarioResult result(ScenarioAttempt attempt, Status status, String reason, int attempts, long totalMs,
                                         Map<String, String> notes, RuleRegistry registry) {
        List<String> rules = tagValues(attempt.tags(), "@rule:");
        List<String> operations = tagValues(attempt.tags(), "@op:");
        Level level = Level.of(attempt.tags());
        String assumption = level == Level.TENTATIVE ? assumption(attempt.id(), rules, notes, registry) : null;
        return new ScenarioResult(attempt.id(), attempt.name(), attempt.feature(), attempt.uri(), attempt.line(),
                attempt.tags(), rules, operations, level, status, totalMs, attempts, attempt.errorType(),
                attempt.errorMessage(), reason, null, assumption, attempt.steps());
    }

    /**
     * Why the kit decided what a tentative scenario checks: the comments of the feature file that explain
     * the scenario, else the notes of its rules in the registry, else its rules' expectations.
     */
    static String assumption(String id, List<String> rules, Map<String, String> notes, RuleRegistry registry) {
        String note = notes.get(id);
        if (note != null && !note.isBlank()) {
            return note;
        }
        for (boolean notesFirst : new boolean[] {true, false}) {
            List<String> texts = new ArrayList<>();
            for (String ruleId : rules) {
                registry.rule(ruleId).ifPresent(rule -> {
                    String text = notesFirst ? rule.notes() : rule.expectation();
                    if (text != null && !text.isBlank()) {
                        texts.add(ruleId + ": " + text.strip());
                    }
                });
            }
            if (!texts.isEmpty()) {
                return String.join(" ", texts);
            }
        }
        return null;
    }

    static List<String> tagValues(List<String> tags, String prefix) {
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length()))
                .distinct().toList();
    }

    private static List<String> tagWarnings(List<ScenarioResult> scenarios, RuleRegistry registry) {
        List<String> warnings = new ArrayList<>();
        for (ScenarioResult scenario : scenarios) {
            if (scenario.rules().isEmpty()) {
                warnings.add(scenario.id() + " carries no @rule tag");
            }
            if (registry.size() > 0) {
                for (String rule : scenario.rules()) {
                    if (!registry.contains(rule)) {
                        warnings.add(scenario.id() + " names rule " + rule + ", which is not in the registry");
                    }
                }
            }
            for (String operation : scenario.operations()) {
                if (!Operations.isKnown(operation)) {
                    warnings.add(scenario.id() + " names operation " + operation + ", which is not a documented operation");
                }
            }
        }
        return warnings;
    }

    /** Every registry rule, with the status its scenarios give it. */
    public static List<RuleResult> rollUp(RuleRegistry registry, List<ScenarioResult> scenarios) {
        List<RuleResult> rules = new ArrayList<>();
        for (Rule rule : registry.rules()) {
            List<ScenarioResult> carrying = scenarios.stream().filter(s -> s.rules().contains(rule.id())).toList();
            RuleStatus status = RuleStatus.rollUp(rule, carrying.stream().map(ScenarioResult::status).toList());
            rules.add(new RuleResult(rule.id(), rule.area(), rule.kind(), status,
                    carrying.stream().map(ScenarioResult::id).toList(), rule.sources(),
                    RuleResult.levelOf(rule.kind(), carrying)));
        }
        return rules;
    }
}
