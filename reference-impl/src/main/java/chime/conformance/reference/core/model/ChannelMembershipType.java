package chime.conformance.reference.core.model;

/** The API's {@code ChannelMembershipType} enum; constant names are the wire values. MEMB-003 to MEMB-008. */
public enum ChannelMembershipType {
    DEFAULT, HIDDEN
}
