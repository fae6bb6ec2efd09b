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
 * @param level        REQUIRED, or TENTATIVE when it checks a kit decision ({@code @assumption}); derived
 *                     from the tags when absent (results written before levels existed)
 * @param status       the final status after expectations and reruns
 * @param durationMs   the total time of all its attempts
 * @param attempts     how many times the scenario ran (more than 1 when the runner reran it)
 * @param errorType    the exception class of the reported failure or error, else null
 * @param errorMessage its message, else null
 * @param reason       why: the missing capability (NOT_APPLICABLE), the expectation's reason
 *                     (XFAIL, XPASS), the attempts (FLAKY), else null
 * @param link         the expectation's link (XFAIL, XPASS), else null
 * @param assumption   for a tentative scenario, the kit's reason for the decision it checks (the comment
 *                     above it in the feature file, or its rule's notes), else null
 * @param steps        the steps of the reported attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String id, String name, String feature, String uri, int line,
                             List<String> tags, List<String> rules, List<String> operations, Level level,
                             Status status, long durationMs, int attempts,
                             String errorType, String errorMessage, String reason, String link,
                             String assumption, List<StepResult> steps) {

    public ScenarioResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        rules = rules == null ? List.of() : List.copyOf(rules);
        operations = operations == null ? List.of() : List.copyOf(operations);
        level = level == null ? Level.of(tags) : level;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A scenario whose level follows from its tags, without a reason for a kit decision. */
    public ScenarioResult(String id, String name, String feature, String uri, int line,
                          List<String> tags, List<String> rules, List<String> operations,
                          Status status, long durationMs, int attempts,
                          String errorType, String errorMessage, String reason, String link,
                          List<StepResult> steps) {
        this(id, name, feature, uri, line, tags, rules, operations, null, status, durationMs, attempts, errorType,
                errorMessage, reason, link, null, steps);
    }

    /** The same scenario with the status an expectation gives it. */
    public ScenarioResult withStatus(Status newStatus, String newReason, String newLink) {
        return new ScenarioResult(id, name, feature, uri, line, tags, rules, operations, level, newStatus,
                durationMs, attempts, errorType, errorMessage, newReason, newLink, assumption, steps);
    }

    /** Whether it checks a kit decision rather than what AWS documents. */
    @JsonIgnore
    public boolean isTentative() {
        return level == Level.TENTATIVE;
    }

    /** Whether its status makes the run fail (see {@link Level#failsRun}). */
    public boolean failsRun(boolean strict) {
        return level.failsRun(status, strict);
    }

    /**
     * Why it did not pass, in one line of at most {@code max} characters: the first line of the error message,
     * else the error type, else the reason; null when there is none.
     */
    public String oneLineReason(int max) {
        String text = errorMessage != null && !errorMessage.isBlank() ? errorMessage
                : errorType != null ? errorType : reason;
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.length() > max ? first.substring(0, Math.max(0, max - 3)) + "..." : first;
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
