package chime.conformance.reference.core.flow;

/**
 * What a Lambda processor does when the service invokes it. It runs on the service's processor thread and
 * answers, if it wants to, through {@code callback} (the service's own ChannelFlowCallback). Returning
 * {@link InvocationOutcome#UNREACHABLE}, or throwing, means the invocation failed.
 */
@FunctionalInterface
public interface ProcessorBehaviour {

    InvocationOutcome invoke(ProcessorInvocation invocation, FlowCallback callback);
}
