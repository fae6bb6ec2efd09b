package chime.conformance.reference.core.model;

/** A tag's key-value pair (TAG-006). As an input either member may be missing, which validation rejects. */
public record Tag(String key, String value) {
}
