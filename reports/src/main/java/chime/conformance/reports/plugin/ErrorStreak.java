package chime.conformance.reports.plugin;

import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.Status;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stops a run that has stopped telling anything: when {@link #limit()} scenarios in a row (in the order they
 * finish) end in ERROR, the target is down or the kit is broken, and every further scenario would only wait
 * and err too. From then on {@link #stopReason()} says why, and the runner ends each scenario not yet started
 * at once as ERROR (not run) with that reason. A scenario that passes or fails resets the count; a
 * NOT_APPLICABLE one, which never reached the target, leaves it as it is.
 *
 * <p>One run at a time per JVM, like the target session: the state is reset when a run starts.
 */
public final class ErrorStreak implements ConcurrentEventListener {

    /** The limit unless the run says otherwise. */
    public static final int DEFAULT_LIMIT = 25;

    private static volatile int limit = DEFAULT_LIMIT;
    private static volatile String stopReason;
    private static int streak;
    private static final Object LOCK = new Object();

    private final PrintStream err;
    private final ConcurrentMap<UUID, List<Classifier.RecordedStep>> steps = new ConcurrentHashMap<>();

    public ErrorStreak() {
        this(System.err);
    }

    ErrorStreak(PrintStream err) {
        this.err = err;
    }

    /** Sets how many scenarios in a row may end in ERROR before the run stops; 0 never stops it. */
    public static void limit(int scenarios) {
        if (scenarios < 0) {
            throw new IllegalArgumentException("the number of errors in a row that stops a run must be 0 (never) or"
                    + " more, not " + scenarios);
        }
        limit = scenarios;
    }

    public static int limit() {
        return limit;
    }

    /** Why the run stopped, or null while it goes on. */
    public static String stopReason() {
        return stopReason;
    }

    static void reset() {
        synchronized (LOCK) {
            streak = 0;
            stopReason = null;
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> reset());
        publisher.registerHandlerFor(TestStepFinished.class, e -> steps
                .computeIfAbsent(e.getTestCase().getId(), id -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Classifier.RecordedStep(e.getTestStep(), e.getResult())));
        publisher.registerHandlerFor(TestCaseFinished.class, this::onCaseFinished);
    }

    private void onCaseFinished(TestCaseFinished event) {
        List<Classifier.RecordedStep> recorded = steps.remove(event.getTestCase().getId());
        List<Classifier.RecordedStep> snapshot;
        if (recorded == null) {
            snapshot = List.of();
        } else {
            synchronized (recorded) {
                snapshot = List.copyOf(recorded);
            }
        }
        Classifier.Outcome outcome = Classifier.classify(event.getResult(), snapshot, Redaction.of(false));
        String message = null;
        synchronized (LOCK) {
            if (stopReason != null) {
                return;
            }
            if (outcome.status() == Status.ERROR) {
                streak++;
            } else if (outcome.status() != Status.NOT_APPLICABLE) {
                streak = 0;
            }
            if (limit > 0 && streak >= limit) {
                String last = outcome.errorMessage() == null ? String.valueOf(outcome.errorType())
                        : outcome.errorMessage().strip().lines().findFirst().orElse("");
                if (last.length() > 300) {
                    last = last.substring(0, 297) + "...";
                }
                stopReason = "the run stopped after " + streak + " scenarios in a row ended in ERROR (the last: "
                        + last + ")";
                message = "Stopping: " + streak + " scenarios in a row ended in ERROR; the target is down or"
                        + " unreachable, or the kit is broken. The last error: " + last + System.lineSeparator()
                        + "  The scenarios not yet run end as ERROR (not run). Fix the cause and run again;"
                        + " --stop-after-errors N changes the limit (0: never stop).";
            }
        }
        if (message != null) {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
        }
    }
}
