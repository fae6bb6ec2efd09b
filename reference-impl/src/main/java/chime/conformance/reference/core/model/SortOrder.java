package chime.conformance.reference.core.model;

/** The API's {@code SortOrder} enum; constant names are the wire values. MSG-021, MSG-022; the default is DESCENDING. */
public enum SortOrder {
    ASCENDING, DESCENDING
}
