package chime.conformance.reference.core.flow;

/**
 * Whether the service could reach a processor. An UNREACHABLE processor triggers its FallbackAction
 * (FLOW-025 to FLOW-027); a REACHED one answers, now or later, through ChannelFlowCallback.
 */
public enum InvocationOutcome {
    REACHED,
    UNREACHABLE
}
