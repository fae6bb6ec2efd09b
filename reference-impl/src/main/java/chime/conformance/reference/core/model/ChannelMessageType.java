package chime.conformance.reference.core.model;

/** The API's {@code ChannelMessageType} enum; constant names are the wire values. MSG-003; channel flows process STANDARD messages only (FLOW-019). */
public enum ChannelMessageType {
    STANDARD, CONTROL
}
