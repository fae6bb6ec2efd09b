package chime.conformance.reports.plugin;

import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.StepResult;
import chime.conformance.reports.model.WireExchange;

import java.util.List;

/**
 * One run of one scenario, classified but before reruns are merged and expectations applied.
 *
 * @param sequence   the order in which the attempt finished; a later attempt of the same scenario is a rerun
 * @param id         the scenario's stable ID
 * @param name       the scenario name
 * @param feature    the feature path under {@code features/}
 * @param uri        the feature URI
 * @param line       the line of the scenario or example row
 * @param tags       all its tags
 * @param status     PASS, FAIL, NOT_APPLICABLE or ERROR
 * @param durationMs how long it took
 * @param errorType  the exception class of a failure or error
 * @param errorMessage its message (redacted)
 * @param reason     for NOT_APPLICABLE, the missing capability
 * @param steps      its steps
 * @param evidence   the wire exchanges it attached (redacted)
 */
public record ScenarioAttempt(long sequence, String id, String name, String feature, String uri, int line,
                              List<String> tags, Status status, long durationMs, String errorType,
                              String errorMessage, String reason, List<StepResult> steps,
                              List<WireExchange> evidence) {

    public ScenarioAttempt {
        tags = List.copyOf(tags);
        steps = steps == null ? List.of() : List.copyOf(steps);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
