package chime.conformance.reference.core.state;

import chime.conformance.reference.core.model.ChannelMessage;

/**
 * A stored message in two views. {@code latest} is what its sender sees, including processing that is
 * still going on (PENDING) or that failed (FAILED). {@code published} is what everyone else sees: the last
 * version a channel flow let through, or null while the message was never delivered (FLOW-029, kit
 * decision: PENDING and FAILED messages are visible to their sender only).
 */
public record StoredMessage(MessageKey key, ChannelMessage latest, ChannelMessage published) {

    public String messageId() {
        return latest.messageId();
    }

    public String senderArn() {
        return latest.sender().arn();
    }

    /** The version {@code viewerArn} may see, or null if the message is invisible to them. */
    public ChannelMessage viewFor(String viewerArn) {
        return senderArn().equals(viewerArn) ? latest : published;
    }

    /** A version both sender and others see: delivered, no processing pending. */
    public static StoredMessage delivered(MessageKey key, ChannelMessage message) {
        return new StoredMessage(key, message, message);
    }
}
