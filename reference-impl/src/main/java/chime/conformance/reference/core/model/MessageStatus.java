package chime.conformance.reference.core.model;

/** A message's {@code Status}: a value and an optional detail (STAT-001). */
public record MessageStatus(ChannelMessageStatus value, String detail) {

    public static final MessageStatus SENT = new MessageStatus(ChannelMessageStatus.SENT, null);
    public static final MessageStatus PENDING = new MessageStatus(ChannelMessageStatus.PENDING, null);

    public static MessageStatus failed(String detail) {
        return new MessageStatus(ChannelMessageStatus.FAILED, detail);
    }
}
