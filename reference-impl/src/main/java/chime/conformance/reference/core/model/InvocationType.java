package chime.conformance.reference.core.model;

/** The API's {@code InvocationType} enum; constant names are the wire values. FLOW-004: the only invocation type. */
public enum InvocationType {
    ASYNC
}
