package chime.conformance.runner.target;

import java.util.List;

/**
 * Lets a scenario see processor invocations (capability PROCESSOR_INSPECTION): in process on the reference,
 * through the processor hooks (docs/processor-hooks.md) on a target reached over HTTP.
 */
public interface ProcessorProbe {

    /**
     * One invocation of a processor by the service. Its event is what the processor Lambda function receives,
     * as the Developer Guide documents it ("Setting up a Channel Processor"): the {@code EventType}, the
     * {@code CallbackId} and the {@code ChannelMessage} with its MessageId, ChannelArn, Content, Metadata,
     * Sender (Arn, Name), Persistence, LastEditedTimestamp, Type and CreatedTimestamp, each as the service gave
     * it (null when absent; timestamps as the text it sent). Around it, the service's record: the invocation's
     * place among all of them, the processor invoked.
     *
     * @param sequence orders every invocation of the service, across processors: a later one has a greater number
     */
    record Invocation(long sequence, String processorArn, String eventType, String callbackId, String channelArn,
                      String messageId, String content, String metadata, String senderArn, String senderName,
                      String persistence, String type, String createdTimestamp, String lastEditedTimestamp) {
    }

    /** The invocations of the processor with that Lambda ARN for messages of that channel, oldest first. */
    List<Invocation> invocations(String processorArn, String channelArn);
}
