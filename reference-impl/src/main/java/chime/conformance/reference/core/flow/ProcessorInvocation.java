package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.Processor;

import java.time.Instant;

/**
 * What the service hands a processor when it invokes it (FLOW-005): the CallbackId to answer with, the
 * channel and message, and the message as it stands at this step of the flow. The payload of a real Lambda
 * invocation is not in the documentation; this is the kit's contract with its processor doubles.
 *
 * @param eventType {@code CREATE_CHANNEL_MESSAGE} for a send, {@code UPDATE_CHANNEL_MESSAGE} for an edit
 *                  (FLOW-017)
 */
public record ProcessorInvocation(String callbackId, String channelArn, String messageId, String content,
                                  String metadata, Identity sender, ChannelMessageType type,
                                  ChannelMessagePersistenceType persistence, String eventType, Processor processor,
                                  Instant invokedAt) {

    public static final String CREATE_CHANNEL_MESSAGE = "CREATE_CHANNEL_MESSAGE";
    public static final String UPDATE_CHANNEL_MESSAGE = "UPDATE_CHANNEL_MESSAGE";
}
