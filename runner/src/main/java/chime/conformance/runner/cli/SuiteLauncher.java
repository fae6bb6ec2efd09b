package chime.conformance.runner.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the features on the JUnit Platform in this JVM, against the target installed in
 * {@link chime.conformance.runner.target.TargetSession}; the report goes where
 * {@link chime.conformance.runner.report.RunOutputs} is told.
 */
public final class SuiteLauncher {

    private SuiteLauncher() {
    }

    public static void launch(String tags, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("cucumber.execution.parallel.enabled", Boolean.toString(threads > 1));
        parameters.put("cucumber.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
        parameters.put("cucumber.execution.parallel.config.fixed.max-pool-size", Integer.toString(threads));
        if (tags != null && !tags.isBlank()) {
            parameters.put("cucumber.filter.tags", tags);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameters(parameters)
                .build();
        LauncherFactory.create().execute(request, new SummaryGeneratingListener());
    }
}
