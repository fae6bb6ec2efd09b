package chime.conformance.reference.core.model;

/** What SendChannelMessage and UpdateChannelMessage answer: ChannelArn, MessageId and Status. */
public record MessageReceipt(String channelArn, String messageId, MessageStatus status) {
}
