package chime.conformance.runner.target;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a target can do beyond the API itself, at the grain of what a scenario needs (design section 12). A
 * scenario declares what it needs with a tag {@code @requires:<tag>}; on a target without it the scenario is
 * NOT_APPLICABLE, decided before its first step, never passed, failed or errored.
 *
 * <p>Each processor behaviour is a capability of its own ({@code processor:deny}, ...): a target has it when it
 * can give the Lambda ARN of a processor with that behaviour. A scenario that only manages channel flows needs
 * a well-formed Lambda ARN and no behaviour: it requires nothing.
 */
public enum Capability {
    /** A processor that calls back with the MessageId only: no change to the message. */
    PROCESSOR_PASS_THROUGH(ProcessorBehaviour.PASS_THROUGH),
    /** A processor that denies every message (DeleteResource=true). */
    PROCESSOR_DENY(ProcessorBehaviour.DENY),
    /** A processor that upper-cases the content and sets the metadata {@code rewritten-by-processor}. */
    PROCESSOR_REWRITE(ProcessorBehaviour.REWRITE),
    /** A processor that cannot be invoked, so that the fallback action decides. */
    PROCESSOR_UNREACHABLE(ProcessorBehaviour.UNREACHABLE),
    /** A processor that only records its invocations, so that the scenario can play the processor. */
    PROCESSOR_HOLD(ProcessorBehaviour.HOLD),
    /** A processor that changes nothing and answers only after the delay the target states. */
    PROCESSOR_SLOW_PASS_THROUGH(ProcessorBehaviour.SLOW_PASS_THROUGH),
    /** The kit can see each processor invocation (the callback ID it carries, the message it was given). */
    PROCESSOR_INSPECTION("processor-inspection"),
    /** Raw HTTP requests can be sent to the target's endpoint (wire-level rules, area HTTP). */
    WIRE("wire"),
    /**
     * The kit can move the target's clock forward ({@link Target#advanceClock}), to observe rules about
     * elapsed time without waiting (FLOW-030: a callback more than 48 hours after the invocation): the reference
     * in process, or an endpoint whose processor hooks move its clock (docs/processor-hooks.md).
     */
    CLOCK_CONTROL("clock-control"),
    /**
     * The kit can open messaging sessions as each user ({@link Target#sessions}): over WebSocket, as clients
     * connect, or on the reference in process through its subscription API.
     */
    MESSAGING_SESSION("messaging-session");

    /**
     * The single capability of earlier versions, standing for every processor behaviour. Target configs may
     * still name it (it then means the behaviours whose ARNs are given); scenarios require behaviours.
     */
    public static final String DEPRECATED_FLOW_PROCESSORS = "flow-processors";

    private static final String PROCESSOR_PREFIX = "processor:";

    private final String tag;
    private final ProcessorBehaviour behaviour;

    Capability(ProcessorBehaviour behaviour) {
        this.tag = PROCESSOR_PREFIX + behaviour.key();
        this.behaviour = behaviour;
    }

    Capability(String tag) {
        this.tag = tag;
        this.behaviour = null;
    }

    /** The name used in {@code @requires:} tags, in target config files and in reports. */
    public String tag() {
        return tag;
    }

    /** The processor behaviour this capability stands for, if it is one. */
    public Optional<ProcessorBehaviour> behaviour() {
        return Optional.ofNullable(behaviour);
    }

    /** The capability of providing a processor with this behaviour. */
    public static Capability of(ProcessorBehaviour behaviour) {
        for (Capability c : values()) {
            if (c.behaviour == behaviour) {
                return c;
            }
        }
        throw new IllegalArgumentException("no capability for processor behaviour " + behaviour);
    }

    /** The capabilities of a target that gives ARNs for these processor behaviours. */
    public static Set<Capability> processors(Collection<ProcessorBehaviour> behaviours) {
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        behaviours.forEach(b -> caps.add(of(b)));
        return caps;
    }

    /** Every capability name, for messages. */
    public static String knownTags() {
        return Arrays.stream(values()).map(Capability::tag).collect(Collectors.joining(", "));
    }

    public static Capability fromTag(String tag) {
        String wanted = tag.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(DEPRECATED_FLOW_PROCESSORS) || wanted.equals("flow_processors")) {
            throw new IllegalArgumentException("'" + DEPRECATED_FLOW_PROCESSORS + "' is no longer a capability a"
                    + " scenario can require: require the processor behaviours it uses (processor:pass-through,"
                    + " processor:deny, ...); known: " + knownTags());
        }
        return Arrays.stream(values())
                .filter(c -> c.tag.equals(wanted) || c.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + tag + "'; known: "
                        + knownTags()));
    }
}
