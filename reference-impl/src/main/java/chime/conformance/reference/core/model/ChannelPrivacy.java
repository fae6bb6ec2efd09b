package chime.conformance.reference.core.model;

/** The API's {@code ChannelPrivacy} enum; constant names are the wire values. CHAN-003; the default when omitted is PUBLIC (kit decision). Privacy never changes after creation (CHAN-004). */
public enum ChannelPrivacy {
    PUBLIC, PRIVATE
}
