package chime.conformance.reference.core.model;

import java.time.Instant;

/**
 * A channel message as GetChannelMessage shows it (MSG-006). {@code content} and {@code metadata} are null
 * once redacted (MSG-018); {@code lastEditedTimestamp} is null until the first edit (MSG-012).
 */
public record ChannelMessage(String channelArn, String messageId, String content, String metadata,
                             ChannelMessageType type, ChannelMessagePersistenceType persistence, Identity sender,
                             Instant createdTimestamp, Instant lastEditedTimestamp, Instant lastUpdatedTimestamp,
                             boolean redacted, MessageStatus status) {

    public ChannelMessage withStatus(MessageStatus newStatus) {
        return new ChannelMessage(channelArn, messageId, content, metadata, type, persistence, sender,
                createdTimestamp, lastEditedTimestamp, lastUpdatedTimestamp, redacted, newStatus);
    }

    /** An edit: new content and metadata, LastEditedTimestamp and LastUpdatedTimestamp advance (MSG-012, MSG-013). */
    public ChannelMessage edited(String newContent, String newMetadata, Instant at, MessageStatus newStatus) {
        return new ChannelMessage(channelArn, messageId, newContent, newMetadata, type, persistence, sender,
                createdTimestamp, at, at, redacted, newStatus);
    }

    /** A processor's answer replaces content and metadata without counting as the sender's edit (FLOW-020). */
    public ChannelMessage processed(String newContent, String newMetadata, MessageStatus newStatus) {
        return new ChannelMessage(channelArn, messageId, newContent, newMetadata, type, persistence, sender,
                createdTimestamp, lastEditedTimestamp, lastUpdatedTimestamp, redacted, newStatus);
    }

    /**
     * MSG-018: a redact clears the content and the metadata, as the current API Reference says ("Redacts
     * message content and metadata"); LastUpdatedTimestamp advances (MSG-013).
     */
    public ChannelMessage redact(Instant at) {
        return new ChannelMessage(channelArn, messageId, null, null, type, persistence, sender,
                createdTimestamp, lastEditedTimestamp, at, true, status);
    }
}
