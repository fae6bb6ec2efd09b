package chime.conformance.runner.faults;

import chime.conformance.runner.target.ProcessorProbe;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A named bug an emulator of the Chime SDK Messaging API could plausibly have. Each fault breaks one or
 * more documented rules (catalogue IDs such as {@code BAN-002}); the kill matrix checks that some
 * scenario notices it. The behaviour is built fresh for every target it is applied to, so faults may keep
 * state (what was deleted, who was banned) for the life of one run. A fault in what the service hands its
 * processors changes the invocations the target shows ({@code invocations}, through its processor hooks on
 * an endpoint): that is the event the processors received.
 */
public record Fault(String name, List<String> rules, String description, Function<FaultContext, Interceptor> behaviour,
                    UnaryOperator<ProcessorProbe> invocations) {

    /** A fault of the messaging API only. */
    public Fault(String name, List<String> rules, String description, Function<FaultContext, Interceptor> behaviour) {
        this(name, rules, description, behaviour, UnaryOperator.identity());
    }

    public Fault {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a fault name is lower-case words joined by hyphens: " + name);
        }
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("fault " + name + " names no rule it breaks");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(invocations, "invocations");
    }

    /** The rule area of the first rule, e.g. {@code BAN}. */
    public String area() {
        String first = rules.get(0);
        int dash = first.indexOf('-');
        return dash < 0 ? first : first.substring(0, dash);
    }

    Interceptor open(FaultContext context) {
        return behaviour.apply(context);
    }
}
