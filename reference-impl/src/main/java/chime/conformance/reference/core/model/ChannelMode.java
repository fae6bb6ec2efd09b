package chime.conformance.reference.core.model;

/** The API's {@code ChannelMode} enum; constant names are the wire values. CHAN-002; the default when omitted is UNRESTRICTED (kit decision). */
public enum ChannelMode {
    UNRESTRICTED, RESTRICTED
}
