package chime.conformance.runner.target;

/**
 * Service-provider interface for targets. The kit's own targets and third-party ones are found with
 * {@link java.util.ServiceLoader}: list the implementation class in
 * {@code META-INF/services/chime.conformance.runner.target.TargetProvider} of a jar on the class path.
 */
public interface TargetProvider {

    /** The name users pass to {@code --target}, e.g. {@code reference}. */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /** Whether this provider serves the given {@code --target} value (its name, or a URL it understands). */
    default boolean accepts(String spec) {
        return name().equalsIgnoreCase(spec);
    }

    /** Opens the target; the caller closes it at the end of the run. */
    Target open(String spec, TargetConfig config);
}
