package chime.conformance.reports.model;

/** Which build of the kit produced the results: its version and source commit. */
public record KitInfo(String version, String commit) {
}
