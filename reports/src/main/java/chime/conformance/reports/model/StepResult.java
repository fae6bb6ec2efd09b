package chime.conformance.reports.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One step of a scenario as it ran: a Gherkin step, or a hook that did not pass.
 *
 * @param keyword      the Gherkin keyword ("Given ", "When ", ...) or "Before"/"After" for a hook
 * @param text         the step text (example values substituted) or the hook's code location
 * @param line         the line in the feature file (0 for hooks)
 * @param status       Cucumber's step status in lower case: passed, failed, skipped, undefined,
 *                     pending, ambiguous, unused
 * @param durationMs   how long the step took
 * @param errorType    the exception class when the step did not pass, else null
 * @param errorMessage the exception message, else null
 * @param docString    the step's DocString argument, or null
 * @param dataTable    the step's DataTable argument, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepResult(String keyword, String text, int line, String status, long durationMs,
                         String errorType, String errorMessage, String docString, List<List<String>> dataTable) {

    public StepResult {
        dataTable = dataTable == null ? null : dataTable.stream().map(List::copyOf).toList();
    }

    @JsonIgnore
    public boolean isHook() {
        return line == 0;
    }

    public String cssClass() {
        return status == null ? "unknown" : status;
    }
}
