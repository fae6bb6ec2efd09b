package chime.conformance.reports.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The outcome of one scenario (or one example row of an outline) on one target.
 *
 * @param id           stable ID: {@code <feature path>#<slug>[-n]}
 * @param name         the scenario name as Cucumber reports it (example values substituted)
 * @param feature      the feature path under {@code features/}
 * @param uri          the feature URI Cucumber loaded
 * @param line         the line of the scenario (or example row) in the feature file
 * @param tags         every tag, inherited ones included, with the leading {@code @}
 * @param rules        the rule IDs of its {@code @rule:} tags
 * @param operations   the operation names of its {@code @op:} tags
 * @param status       the final status after expectations and reruns
 * @param durationMs   the total time of all its attempts
 * @param attempts     how many times the scenario ran (more than 1 when the runner reran it)
 * @param errorType    the exception class of the reported failure or error, else null
 * @param errorMessage its message, else null
 * @param reason       why: the missing capability (NOT_APPLICABLE), the expectation's reason
 *                     (XFAIL, XPASS), the attempts (FLAKY), else null
 * @param steps        the steps of the reported attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String id, String name, String feature, String uri, int line,
                             List<String> tags, List<String> rules, List<String> operations,
                             Status status, long durationMs, int attempts,
                             String errorType, String errorMessage, String reason, String link,
                             List<StepResult> steps) {

    public ScenarioResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        rules = rules == null ? List.of() : List.copyOf(rules);
        operations = operations == null ? List.of() : List.copyOf(operations);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The same scenario with the status an expectation gives it. */
    public ScenarioResult withStatus(Status newStatus, String newReason, String newLink) {
        return new ScenarioResult(id, name, feature, uri, line, tags, rules, operations, newStatus,
                durationMs, attempts, errorType, errorMessage, newReason, newLink, steps);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** Tags other than rule and operation tags, which the report shows as links instead. */
    @JsonIgnore
    public List<String> otherTags() {
        return tags.stream().filter(t -> !t.startsWith("@rule:") && !t.startsWith("@op:")).toList();
    }

    /** The capabilities its {@code @requires:} tags name. */
    @JsonIgnore
    public List<String> requirements() {
        return tags.stream().filter(t -> t.startsWith("@requires:")).map(t -> t.substring("@requires:".length())).toList();
    }
}
