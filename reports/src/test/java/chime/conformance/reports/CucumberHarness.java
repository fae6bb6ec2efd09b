package chime.conformance.reports;

import io.cucumber.core.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs real Cucumber over feature files written for a test, with the report plugin attached. */
public final class CucumberHarness {

    private final Path root;
    private final Map<String, String> features = new LinkedHashMap<>();

    public CucumberHarness(Path root) {
        this.root = root;
    }

    /** Adds a feature at {@code features/<path>}. */
    public CucumberHarness feature(String path, String source) {
        features.put(path, source);
        return this;
    }

    /** Runs the features; returns the report directory. */
    public Path run(RunContext context) throws IOException {
        Path featuresDir = root.resolve("features");
        for (Map.Entry<String, String> feature : features.entrySet()) {
            Path file = featuresDir.resolve(feature.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, feature.getValue(), StandardCharsets.UTF_8);
        }
        Path report = root.resolve("report");
        System.setProperty("cucumber.publish.quiet", "true");
        RunContext.install(context);
        try {
            List<String> args = new ArrayList<>(List.of(
                    "--glue", "chime.conformance.reports.testglue",
                    "--plugin", "chime.conformance.reports.plugin.ConformancePlugin:" + report,
                    "--no-summary",
                    "--threads", "2",
                    "--monochrome",
                    featuresDir.toString()));
            Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        } finally {
            RunContext.clear();
        }
        return report;
    }
}
