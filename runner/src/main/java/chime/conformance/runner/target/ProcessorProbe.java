package chime.conformance.runner.target;

import java.util.List;

/** Lets a scenario see processor invocations (capability PROCESSOR_INSPECTION). */
public interface ProcessorProbe {

    /** One invocation of a processor by the service, as the processor received it. */
    record Invocation(String processorArn, String channelArn, String messageId, String callbackId,
                      String content, String metadata) {
    }

    /** Every invocation so far for messages of the given channel, oldest first. */
    List<Invocation> invocationsFor(String channelArn);
}
