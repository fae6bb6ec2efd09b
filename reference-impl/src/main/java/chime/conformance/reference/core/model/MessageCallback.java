package chime.conformance.reference.core.model;

/** ChannelFlowCallback's {@code ChannelMessage}: the processed message's ID and, optionally, new content. */
public record MessageCallback(String messageId, String content, String metadata) {
}
