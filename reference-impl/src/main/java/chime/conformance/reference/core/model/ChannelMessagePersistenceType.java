package chime.conformance.reference.core.model;

/** The API's {@code ChannelMessagePersistenceType} enum; constant names are the wire values. MSG-004 and MSG-005: NON_PERSISTENT messages are never stored or listed. */
public enum ChannelMessagePersistenceType {
    PERSISTENT, NON_PERSISTENT
}
