package chime.conformance.reports.model;

/**
 * A public AWS source a rule rests on (design section 11).
 *
 * @param kind what sort of source it is
 * @param url  where to read it
 * @param says a short quote or close paraphrase of what it states
 */
public record Source(SourceKind kind, String url, String says) {
}
