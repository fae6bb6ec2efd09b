package chime.conformance.reference.core.model;

/** The API's {@code FallbackAction} enum; constant names are the wire values. FLOW-025, FLOW-026: what happens when a processor cannot be reached. */
public enum FallbackAction {
    CONTINUE, ABORT
}
