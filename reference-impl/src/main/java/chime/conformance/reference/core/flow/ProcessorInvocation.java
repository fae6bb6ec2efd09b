package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.Processor;

import java.time.Instant;

/**
 * One invocation of a processor by the service (FLOW-005). Its event is what the Developer Guide says a
 * processor Lambda function receives ("Setting up a Channel Processor",
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/processor-setup.html): the {@code EventType}, the constant
 * {@value #CHANNEL_MESSAGE_EVENT}; the {@code CallbackId} to answer with; and the {@code ChannelMessage} as it
 * stands at this step of the flow (MessageId, ChannelArn, Content, Metadata, Sender, Persistence,
 * LastEditedTimestamp, Type, CreatedTimestamp). An edit is told from a new message by its LastEditedTimestamp
 * (FLOW-017). Around the event, what the service knows of the invocation: the processor it invoked, when, and
 * its place among every invocation the service made.
 *
 * @param sequence  orders every invocation of the service, across processors: a later one has a greater number
 * @param processor the processor of the flow that was invoked
 * @param invokedAt when the service invoked it (the start of its 48-hour window, FLOW-030)
 */
public record ProcessorInvocation(String eventType, String callbackId, ChannelMessage channelMessage,
                                  Processor processor, Instant invokedAt, long sequence) {

    /** The only event type the Developer Guide documents for processors. */
    public static final String CHANNEL_MESSAGE_EVENT = "CHANNEL_MESSAGE_EVENT";

    public String channelArn() {
        return channelMessage.channelArn();
    }

    public String messageId() {
        return channelMessage.messageId();
    }

    public String content() {
        return channelMessage.content();
    }

    public String metadata() {
        return channelMessage.metadata();
    }

    public Identity sender() {
        return channelMessage.sender();
    }

    public ChannelMessageType type() {
        return channelMessage.type();
    }

    public ChannelMessagePersistenceType persistence() {
        return channelMessage.persistence();
    }

    /** Whether the invocation is for an edit: the message has been edited (FLOW-017). */
    public boolean update() {
        return channelMessage.lastEditedTimestamp() != null;
    }

    /** The same invocation with its place among the service's invocations. */
    ProcessorInvocation numbered(long number) {
        return new ProcessorInvocation(eventType, callbackId, channelMessage, processor, invokedAt, number);
    }
}
