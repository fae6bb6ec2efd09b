package chime.conformance.reports.model;

/**
 * A feature file that contributed scenarios to the run.
 *
 * @param path the path under {@code features/}
 * @param name the Feature's name
 * @param page its report page, relative to the report directory
 */
public record FeatureInfo(String path, String name, String page) {
}
