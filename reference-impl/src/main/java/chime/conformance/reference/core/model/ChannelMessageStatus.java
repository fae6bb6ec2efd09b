package chime.conformance.reference.core.model;

/** The API's {@code ChannelMessageStatus} enum; constant names are the wire values. STAT-001. DENIED is never returned: denied messages are not stored (STAT-007, STAT-008). */
public enum ChannelMessageStatus {
    SENT, PENDING, FAILED, DENIED
}
