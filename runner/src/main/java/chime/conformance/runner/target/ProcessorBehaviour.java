package chime.conformance.runner.target;

/**
 * Channel-flow processors whose behaviour the kit knows, so that flow rules can be exercised on any
 * target that can run them. The target maps each to a Lambda ARN.
 */
public enum ProcessorBehaviour {
    /** Calls back with the MessageId only: no change to the message. */
    PASS_THROUGH("pass-through"),
    /** Calls back with DeleteResource=true: the message is denied. */
    DENY("deny"),
    /** Calls back with the content upper-cased and the metadata {@code rewritten-by-processor}. */
    REWRITE("rewrite"),
    /** Cannot be invoked: the FallbackAction of the last processor decides. */
    UNREACHABLE("unreachable"),
    /** Records the invocation and does nothing: the scenario plays the processor (needs PROCESSOR_INSPECTION). */
    HOLD("hold"),
    /**
     * Calls back like the pass-through processor, but only after a delay the target states
     * ({@link Target#slowProcessorDelay}): for that long a message is observably being processed.
     */
    SLOW_PASS_THROUGH("slow-pass-through");

    private final String key;

    ProcessorBehaviour(String key) {
        this.key = key;
    }

    /** The name used in target config files and Gherkin ("the rewrite processor"). */
    public String key() {
        return key;
    }

    public static ProcessorBehaviour fromKey(String key) {
        for (ProcessorBehaviour b : values()) {
            if (b.key.equalsIgnoreCase(key.trim()) || b.name().equalsIgnoreCase(key.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown processor behaviour '" + key
                + "'; known: pass-through, deny, rewrite, unreachable, hold, slow-pass-through");
    }
}
