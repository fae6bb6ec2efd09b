package chime.conformance.reports.plugin;

import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.HookType;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.TestStep;
import java.util.Locale;

/**
 * The step a scenario is running, per thread, so that what it sends on the wire can be labelled with it. Cucumber
 * runs a scenario's steps on one thread and tells a concurrent listener ({@link ConformancePlugin}) that a step
 * starts on that same thread, before the step's code runs.
 *
 * <p>A step is set-up when it is a before hook or belongs to the scenario's {@code Given} block (a {@code Given}
 * and the {@code And} / {@code But} steps after it): it makes the situation the scenario then acts on.
 */
public final class CurrentStep {

    /** @param label "When Alice sends ... (line 12)"; setUp whether the step makes the scenario's situation */
    public record State(String label, boolean setUp) {
    }

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    private CurrentStep() {
    }

    /** The step running on this thread, or null outside a step. */
    public static State current() {
        return CURRENT.get();
    }

    static void started(TestStep step) {
        State before = CURRENT.get();
        if (step instanceof PickleStepTestStep pickle) {
            String keyword = pickle.getStep().getKeyword().strip();
            String primary = keyword.toLowerCase(Locale.ROOT);
            boolean setUp = switch (primary) {
                case "given" -> true;
                case "when", "then" -> false;
                default -> before != null && before.setUp(); // And, But, *: as the step before
            };
            CURRENT.set(new State(keyword + " " + pickle.getStep().getText() + " (line "
                    + pickle.getStep().getLine() + ")", setUp));
        } else if (step instanceof HookTestStep hook && (hook.getHookType() == HookType.BEFORE
                || hook.getHookType() == HookType.AFTER)) {
            // Hooks around each step leave the step's label as it is.
            boolean beforeHook = hook.getHookType() == HookType.BEFORE;
            CURRENT.set(new State(beforeHook ? "before the scenario" : "after the scenario", beforeHook));
        }
    }

    static void clear() {
        CURRENT.remove();
    }
}
