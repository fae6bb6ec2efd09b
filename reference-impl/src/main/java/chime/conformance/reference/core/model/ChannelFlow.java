package chime.conformance.reference.core.model;

import java.time.Instant;
import java.util.List;

/** A channel flow: a named, ordered list of processors (FLOW-001, FLOW-012). */
public record ChannelFlow(String channelFlowArn, String appInstanceArn, String name, List<Processor> processors,
                          Instant createdTimestamp, Instant lastUpdatedTimestamp, long sequence) {
    public ChannelFlow {
        processors = List.copyOf(processors);
    }
}
