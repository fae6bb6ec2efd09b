package chime.conformance.reference.core.model;

import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.support.UuidText;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel message as GetChannelMessage shows it (MSG-006). {@code content} and {@code metadata} are null
 * once redacted (MSG-018); {@code lastEditedTimestamp} is null until the first edit (MSG-012).
 *
 * <p>A value with the accessors of a record, kept compact because the service stores one per message: the
 * timestamps as epoch milliseconds (the service clock's precision, {@code ServiceClock}), a MessageId of the
 * default generator's form (a UUID in its canonical lower-case text) as two longs and any other as its text,
 * the type, persistence and redaction in one byte; the channel ARN and the sender's Identity are references to
 * the channel's and the user's own. 80 bytes of heap besides the content and metadata, where a record of the
 * same members took 168 (the record, a creation Instant and a MessageId string). Equal values are equal
 * messages; the accessors give the same text and instants as were given to the constructor (at the millisecond).
 * It is the idempotency result of SendChannelMessage: the record of a ClientRequestToken goes when the message
 * or its channel is deleted.
 */
public final class ChannelMessage implements IdempotencyCache.CreatedResource {

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final byte CONTROL = 1;
    private static final byte NON_PERSISTENT = 2;
    private static final byte REDACTED = 4;

    private final String channelArn;
    /** The MessageId when it is not a canonical lower-case UUID; null when {@link #idHigh}/{@link #idLow} hold it. */
    private final String idText;
    private final long idHigh;
    private final long idLow;
    private final String content;
    private final String metadata;
    private final Identity sender;
    private final MessageStatus status;
    private final long created;
    private final long lastEdited;
    private final long lastUpdated;
    private final byte flags;

    public ChannelMessage(String channelArn, String messageId, String content, String metadata,
                          ChannelMessageType type, ChannelMessagePersistenceType persistence, Identity sender,
                          Instant createdTimestamp, Instant lastEditedTimestamp, Instant lastUpdatedTimestamp,
                          boolean redacted, MessageStatus status) {
        this.channelArn = channelArn;
        boolean uuid = UuidText.isCanonical(messageId);
        this.idText = uuid ? null : messageId;
        this.idHigh = uuid ? UuidText.high(messageId) : 0;
        this.idLow = uuid ? UuidText.low(messageId) : 0;
        this.content = content;
        this.metadata = metadata;
        this.sender = sender;
        this.status = status;
        this.created = millis(createdTimestamp);
        this.lastEdited = millis(lastEditedTimestamp);
        this.lastUpdated = millis(lastUpdatedTimestamp);
        this.flags = flags(Objects.requireNonNull(type, "type"), Objects.requireNonNull(persistence, "persistence"),
                redacted);
    }

    private ChannelMessage(ChannelMessage m, String content, String metadata, long lastEdited, long lastUpdated,
                           byte flags, MessageStatus status) {
        this.channelArn = m.channelArn;
        this.idText = m.idText;
        this.idHigh = m.idHigh;
        this.idLow = m.idLow;
        this.content = content;
        this.metadata = metadata;
        this.sender = m.sender;
        this.status = status;
        this.created = m.created;
        this.lastEdited = lastEdited;
        this.lastUpdated = lastUpdated;
        this.flags = flags;
    }

    public String channelArn() {
        return channelArn;
    }

    public String messageId() {
        return idText != null ? idText : UuidText.text(idHigh, idLow);
    }

    public String content() {
        return content;
    }

    public String metadata() {
        return metadata;
    }

    public ChannelMessageType type() {
        return (flags & CONTROL) != 0 ? ChannelMessageType.CONTROL : ChannelMessageType.STANDARD;
    }

    public ChannelMessagePersistenceType persistence() {
        return (flags & NON_PERSISTENT) != 0 ? ChannelMessagePersistenceType.NON_PERSISTENT
                : ChannelMessagePersistenceType.PERSISTENT;
    }

    public Identity sender() {
        return sender;
    }

    public Instant createdTimestamp() {
        return instant(created);
    }

    /** CreatedTimestamp in epoch milliseconds, without an Instant. */
    public long createdMillis() {
        return created;
    }

    public Instant lastEditedTimestamp() {
        return instant(lastEdited);
    }

    public Instant lastUpdatedTimestamp() {
        return instant(lastUpdated);
    }

    public boolean redacted() {
        return (flags & REDACTED) != 0;
    }

    public MessageStatus status() {
        return status;
    }

    /** Whether {@code messageId} is this message's MessageId, compared without building its text. */
    public boolean hasMessageId(String messageId) {
        if (idText != null) {
            return idText.equals(messageId);
        }
        return UuidText.isCanonical(messageId) && UuidText.high(messageId) == idHigh
                && UuidText.low(messageId) == idLow;
    }

    /** Whether {@code other} has the same MessageId, compared without building either text. */
    public boolean sameMessageId(ChannelMessage other) {
        return idHigh == other.idHigh && idLow == other.idLow && Objects.equals(idText, other.idText);
    }

    /** The {@link String#hashCode()} of the MessageId, computed without building its text. */
    public int messageIdHash() {
        return idText != null ? idText.hashCode() : UuidText.hash(idHigh, idLow);
    }

    public ChannelMessage withStatus(MessageStatus newStatus) {
        return new ChannelMessage(this, content, metadata, lastEdited, lastUpdated, flags, newStatus);
    }

    /** An edit: new content and metadata, LastEditedTimestamp and LastUpdatedTimestamp advance (MSG-012, MSG-013). */
    public ChannelMessage edited(String newContent, String newMetadata, Instant at, MessageStatus newStatus) {
        long when = millis(at);
        return new ChannelMessage(this, newContent, newMetadata, when, when, flags, newStatus);
    }

    /** A processor's answer replaces content and metadata without counting as the sender's edit (FLOW-020). */
    public ChannelMessage processed(String newContent, String newMetadata, MessageStatus newStatus) {
        return new ChannelMessage(this, newContent, newMetadata, lastEdited, lastUpdated, flags, newStatus);
    }

    /**
     * MSG-018: a redact clears the content and the metadata, as the current API Reference says ("Redacts
     * message content and metadata"); LastUpdatedTimestamp advances (MSG-013).
     */
    public ChannelMessage redact(Instant at) {
        return new ChannelMessage(this, null, null, lastEdited, millis(at), (byte) (flags | REDACTED), status);
    }

    // ---- idempotency: SendChannelMessage answers the message it stored --------------------------------

    @Override
    public boolean isResource(String id) {
        return hasMessageId(id);
    }

    @Override
    public int resourceHash() {
        return messageIdHash();
    }

    @Override
    public boolean livesIn(String resource) {
        return channelArn.equals(resource);
    }

    // ---- value semantics, as a record's -------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelMessage m && created == m.created && lastEdited == m.lastEdited
                && lastUpdated == m.lastUpdated && flags == m.flags && idHigh == m.idHigh && idLow == m.idLow
                && Objects.equals(idText, m.idText) && Objects.equals(channelArn, m.channelArn)
                && Objects.equals(content, m.content) && Objects.equals(metadata, m.metadata)
                && Objects.equals(sender, m.sender) && Objects.equals(status, m.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelArn, messageIdHash(), content, metadata, sender, status, created, lastEdited,
                lastUpdated, flags);
    }

    @Override
    public String toString() {
        return "ChannelMessage[channelArn=" + channelArn + ", messageId=" + messageId() + ", content=" + content
                + ", metadata=" + metadata + ", type=" + type() + ", persistence=" + persistence() + ", sender="
                + sender + ", createdTimestamp=" + createdTimestamp() + ", lastEditedTimestamp="
                + lastEditedTimestamp() + ", lastUpdatedTimestamp=" + lastUpdatedTimestamp() + ", redacted="
                + redacted() + ", status=" + status + "]";
    }

    // ---- encodings ----------------------------------------------------------------------------------

    private static byte flags(ChannelMessageType type, ChannelMessagePersistenceType persistence, boolean redacted) {
        return (byte) ((type == ChannelMessageType.CONTROL ? CONTROL : 0)
                | (persistence == ChannelMessagePersistenceType.NON_PERSISTENT ? NON_PERSISTENT : 0)
                | (redacted ? REDACTED : 0));
    }

    private static long millis(Instant instant) {
        return instant == null ? NO_TIME : instant.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == NO_TIME ? null : Instant.ofEpochMilli(millis);
    }
}
