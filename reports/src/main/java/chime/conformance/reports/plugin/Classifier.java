package chime.conformance.reports.plugin;

import chime.conformance.reports.HarnessException;
import chime.conformance.reports.RunStoppedException;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.StepResult;
import io.cucumber.plugin.event.DataTableArgument;
import io.cucumber.plugin.event.DocStringArgument;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.StepArgument;
import io.cucumber.plugin.event.TestStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns Cucumber's result of a test case into the kit's status:
 * <ul>
 *   <li>passed: PASS;</li>
 *   <li>skipped because a hook or step threw {@code org.opentest4j.TestAbortedException} with a
 *       message starting {@value #NOT_APPLICABLE_PREFIX}: NOT_APPLICABLE, with the rest of the
 *       message as the reason (the missing capability);</li>
 *   <li>any other skip, undefined, pending or ambiguous steps, a {@link HarnessException} anywhere in
 *       the cause chain, or a failure inside a hook: ERROR, because the kit, not the target, broke;</li>
 *   <li>a transport failure anywhere in the cause chain (connection refused or reset, no answer in time,
 *       unknown host, TLS trouble): ERROR, because the target could not be judged, not that it answered
 *       wrongly;</li>
 *   <li>any other failure: FAIL.</li>
 * </ul>
 */
public final class Classifier {

    /** How the runner starts the message of the TestAbortedException for a missing capability. */
    public static final String NOT_APPLICABLE_PREFIX = "NOT_APPLICABLE";

    private static final String TEST_ABORTED = "org.opentest4j.TestAbortedException";
    private static final int MAX_MESSAGE = 8000;

    private Classifier() {
    }

    /** A step as it ran: the test step and its result. */
    public record RecordedStep(TestStep step, Result result) {
    }

    /** The classification of one attempt. */
    public record Outcome(Status status, String errorType, String errorMessage, String reason, List<StepResult> steps) {
    }

    public static Outcome classify(Result caseResult, List<RecordedStep> steps, Redaction redaction) {
        RecordedStep decisive = decisiveStep(steps);
        List<StepResult> stepResults = stepResults(steps, decisive, redaction);
        Result result = decisive != null ? decisive.result() : caseResult;
        Throwable error = result.getError() != null ? result.getError() : caseResult.getError();

        switch (caseResult.getStatus()) {
            case PASSED:
                return new Outcome(Status.PASS, null, null, null, stepResults);
            case SKIPPED: {
                String message = error == null ? null : error.getMessage();
                if (error != null && isTestAborted(error) && message != null && message.strip().startsWith(NOT_APPLICABLE_PREFIX)) {
                    return new Outcome(Status.NOT_APPLICABLE, null, null,
                            redaction.text(notApplicableReason(message)), stepResults);
                }
                return new Outcome(Status.ERROR, error == null ? "Skipped" : error.getClass().getName(),
                        redaction.text("The scenario was skipped without a NOT_APPLICABLE reason"
                                + (message == null ? "" : ": " + message)), null, stepResults);
            }
            case UNDEFINED:
                return new Outcome(Status.ERROR, "UndefinedStep",
                        redaction.text("No step definition matches: " + describe(decisive)), null, stepResults);
            case PENDING:
                return new Outcome(Status.ERROR, "PendingStep",
                        redaction.text("The step is pending: " + describe(decisive)
                                + (error != null && error.getMessage() != null ? " (" + error.getMessage() + ")" : "")),
                        null, stepResults);
            case AMBIGUOUS:
                return new Outcome(Status.ERROR, "AmbiguousStep",
                        redaction.text(error != null ? message(error) : "More than one step definition matches: " + describe(decisive)),
                        null, stepResults);
            case FAILED:
            default: {
                boolean inHook = decisive != null && decisive.step() instanceof HookTestStep;
                boolean harness = error != null && causedByHarness(error);
                String errorType = error == null ? "Failure" : error.getClass().getName();
                String message = error == null ? "The scenario failed without an exception" : message(error);
                RunStoppedException stopped = error == null ? null : cause(error, RunStoppedException.class);
                if (stopped != null) {
                    return new Outcome(Status.ERROR, RunStoppedException.class.getName(),
                            redaction.text(stopped.getMessage()), null, stepResults);
                }
                Throwable transport = error == null ? null : transportFailure(error);
                if (transport != null && !harness) {
                    return new Outcome(Status.ERROR, errorType, redaction.text(TRANSPORT_PREFIX + describeTransport(transport)
                            + "\n" + message), null, stepResults);
                }
                if (harness || inHook) {
                    String where = inHook ? "In " + hookKeyword((HookTestStep) decisive.step()) + " hook "
                            + decisive.step().getCodeLocation() + ": " : "";
                    return new Outcome(Status.ERROR, errorType, redaction.text(where + message), null, stepResults);
                }
                return new Outcome(Status.FAIL, errorType, redaction.text(message), null, stepResults);
            }
        }
    }

    /** The step that decided the outcome: the first one that did not pass. */
    private static RecordedStep decisiveStep(List<RecordedStep> steps) {
        for (RecordedStep step : steps) {
            switch (step.result().getStatus()) {
                case FAILED, UNDEFINED, PENDING, AMBIGUOUS:
                    return step;
                case SKIPPED:
                    if (step.result().getError() != null) {
                        return step;
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    private static List<StepResult> stepResults(List<RecordedStep> steps, RecordedStep decisive, Redaction redaction) {
        List<StepResult> results = new ArrayList<>();
        for (RecordedStep recorded : steps) {
            Result result = recorded.result();
            boolean isDecisive = recorded == decisive;
            Throwable error = isDecisive ? result.getError() : null;
            String errorType = error == null ? null : error.getClass().getName();
            String errorMessage = error == null ? null : redaction.text(message(error));
            String status = result.getStatus().name().toLowerCase(Locale.ROOT);
            long millis = result.getDuration() == null ? 0 : result.getDuration().toMillis();
            if (recorded.step() instanceof PickleStepTestStep pickle) {
                StepArgument argument = pickle.getStep().getArgument();
                String docString = argument instanceof DocStringArgument doc ? redaction.text(doc.getContent()) : null;
                List<List<String>> table = argument instanceof DataTableArgument data ? data.cells() : null;
                results.add(new StepResult(pickle.getStep().getKeyword(), pickle.getStep().getText(),
                        pickle.getStep().getLine(), status, millis, errorType, errorMessage, docString, table));
            } else if (recorded.step() instanceof HookTestStep hook && (isDecisive || result.getStatus() == io.cucumber.plugin.event.Status.FAILED)) {
                // Passing hooks are plumbing; a hook is shown only when it is where the scenario broke.
                results.add(new StepResult(hookKeyword(hook), hook.getCodeLocation(), 0, status, millis,
                        errorType, errorMessage, null, null));
            }
        }
        return results;
    }

    private static String hookKeyword(HookTestStep hook) {
        return switch (hook.getHookType()) {
            case BEFORE -> "Before";
            case AFTER -> "After";
            case BEFORE_STEP -> "BeforeStep";
            case AFTER_STEP -> "AfterStep";
        };
    }

    private static String describe(RecordedStep step) {
        if (step != null && step.step() instanceof PickleStepTestStep pickle) {
            return pickle.getStep().getKeyword() + pickle.getStep().getText() + " (line " + pickle.getStep().getLine() + ")";
        }
        return "a step";
    }

    static String notApplicableReason(String message) {
        String rest = message.strip().substring(NOT_APPLICABLE_PREFIX.length()).strip();
        while (!rest.isEmpty() && (rest.charAt(0) == ':' || rest.charAt(0) == '-')) {
            rest = rest.substring(1).strip();
        }
        return rest.isEmpty() ? "a required capability is absent" : rest;
    }

    private static boolean isTestAborted(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TEST_ABORTED)) {
                return true;
            }
        }
        return false;
    }

    /** How the message of an ERROR for a transport failure starts. */
    public static final String TRANSPORT_PREFIX = "The target could not be reached, so nothing was judged: ";

    private static final java.util.Set<String> SDK_TIMEOUTS = java.util.Set.of(
            "software.amazon.awssdk.core.exception.ApiCallTimeoutException",
            "software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException");

    /**
     * The first transport failure in the cause chain: the connection was refused, reset or timed out, the host
     * is unknown, TLS failed, or the SDK's call timeout struck. A malformed answer is not one: it is the
     * target's, and a FAIL.
     */
    static Throwable transportFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof javax.net.ssl.SSLException || SDK_TIMEOUTS.contains(t.getClass().getName())) {
                return t;
            }
        }
        return null;
    }

    private static String describeTransport(Throwable t) {
        String what = t instanceof java.net.ConnectException ? "connection refused"
                : t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
                        || SDK_TIMEOUTS.contains(t.getClass().getName()) ? "no answer in time"
                : t instanceof java.net.UnknownHostException ? "unknown host"
                : t instanceof javax.net.ssl.SSLException ? "TLS failed"
                : "the connection failed";
        return what + " (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")";
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean causedByHarness(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HarnessException) {
                return true;
            }
        }
        return false;
    }

    /** The message, followed by the causes: a harness failure is often only explained by its cause. */
    static String message(Throwable error) {
        StringBuilder text = new StringBuilder(error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        int depth = 0;
        for (Throwable cause = error.getCause(); cause != null && cause != error && depth < 4; cause = cause.getCause(), depth++) {
            text.append("\nCaused by: ").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "\n... (truncated)" : text.toString();
    }
}
