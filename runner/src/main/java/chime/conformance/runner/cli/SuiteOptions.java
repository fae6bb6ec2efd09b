package chime.conformance.runner.cli;

import chime.conformance.runner.target.TargetConfig;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a suite run is run against and with which scenarios: {@code --target}, {@code --target-config},
 * {@code --tags} and {@code --threads}, shared by {@code run} and {@code kill-matrix}.
 */
public final class SuiteOptions {

    @Option(names = "--target", defaultValue = "reference",
            description = "Target name (reference, reference-http, ...) or endpoint URL; kill-matrix injects its faults"
                    + " into it (they wrap the client the kit drives it with). Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--target-config", paramLabel = "FILE",
            description = "YAML file with the target's settings (endpoint, processors, hooks, ...).")
    Path targetConfig;

    @Option(names = "--tags",
            description = "Cucumber tag expression selecting scenarios, e.g. \"@rule:BAN-002 or @op:SendChannelMessage\".")
    String tags;

    @Option(names = "--threads", defaultValue = "4",
            description = "Scenarios run in parallel on this many threads (1: sequential). Default: ${DEFAULT-VALUE}.")
    int threads;

    /**
     * Checks the options before anything runs: the thread count, and that {@code --tags} is a tag expression
     * some scenario matches (tags no scenario carries are warnings). The catalogue read for that, or null
     * without {@code --tags}.
     */
    FeatureCatalogue check() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        if (tags == null || tags.isBlank()) {
            return null;
        }
        try {
            TagExpressionParser.parse(tags);
        } catch (TagExpressionException e) {
            throw new IllegalArgumentException("--tags is not a tag expression: " + e.getMessage()
                    + ". Tags are joined with and, or, not and parentheses, e.g. '@rule:BAN-002 or @area:TAG'", e);
        }
        FeatureCatalogue catalogue = FeatureCatalogue.load();
        List<String> problems = catalogue.tagProblems(tags);
        if (catalogue.matching(tags) == 0) {
            throw new IllegalArgumentException("no scenario matches --tags '" + tags + "'"
                    + (problems.isEmpty() ? "" : ": " + String.join("; ", problems))
                    + ". Scenarios are tagged @rule:ID, @op:Operation, @area:AREA, @requires:capability and"
                    + " @assumption (features/README.md)");
        }
        problems.forEach(p -> System.err.println("warning: --tags: " + p));
        return catalogue;
    }

    /** The target config file's settings, or none. */
    TargetConfig config() {
        return targetConfig == null ? TargetConfig.empty() : TargetConfig.load(targetConfig);
    }
}
