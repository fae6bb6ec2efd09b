package chime.conformance.runner.target;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a target can do beyond the API itself. A scenario declares what it needs with a tag
 * {@code @requires:<tag>}; on a target without it the scenario is NOT_APPLICABLE, never passed or failed.
 */
public enum Capability {
    /** Lambda ARNs of processors whose behaviour is known: pass-through, deny, rewrite, unreachable. */
    FLOW_PROCESSORS("flow-processors"),
    /** The kit can see each processor invocation and can play the processor itself (a "hold" processor). */
    PROCESSOR_INSPECTION("processor-inspection"),
    /** Raw HTTP requests can be sent to the target's endpoint (wire-level rules, area HTTP). */
    WIRE("wire"),
    /**
     * The kit can move the target's clock forward ({@link Target#advanceClock}), to observe rules about
     * elapsed time without waiting (FLOW-030: a callback more than 48 hours after the invocation). Only a
     * service running in the kit's own process can offer it.
     */
    CLOCK_CONTROL("clock-control");

    private final String tag;

    Capability(String tag) {
        this.tag = tag;
    }

    /** The name used in {@code @requires:} tags and in target config files. */
    public String tag() {
        return tag;
    }

    public static Capability fromTag(String tag) {
        String wanted = tag.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.tag.equals(wanted) || c.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + tag
                        + "'; known: " + Arrays.toString(Arrays.stream(values()).map(Capability::tag).toArray())));
    }
}
