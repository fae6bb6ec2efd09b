package chime.conformance.reference.core.model;

/** What SendChannelMessage and UpdateChannelMessage answer: ChannelArn, MessageId and Status. */
public record MessageReceipt(String channelArn, String messageId, MessageStatus status) {

    /** The receipt of a message as it was stored. */
    public static MessageReceipt of(ChannelMessage message) {
        return new MessageReceipt(message.channelArn(), message.messageId(), message.status());
    }
}
