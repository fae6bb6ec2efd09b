package chime.conformance.runner.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import chime.conformance.runner.report.RunOutputs;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.target.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: executes the features against a target and writes the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the conformance suite against a target and write the report.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "reference",
            description = "Target name (reference, reference-http, aws) or endpoint URL. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--target-config", description = "YAML file with the target's settings.")
    Path targetConfig;

    @Option(names = "--report", defaultValue = "conformance-report",
            description = "Directory the report is written to. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--tags", description = "Cucumber tag expression selecting scenarios, e.g. \"@rule:BAN-002 or @op:SendChannelMessage\".")
    String tags;

    @Option(names = "--threads", defaultValue = "4",
            description = "Scenarios run in parallel on this many threads (1: sequential). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        TargetConfig config = targetConfig == null ? TargetConfig.empty() : TargetConfig.load(targetConfig);
        Files.createDirectories(report);
        System.setProperty(RunOutputs.REPORT_DIR_PROPERTY, report.toString());
        System.setProperty("chime.target", target);
        try (Target opened = Targets.open(target, config)) {
            TargetSession.install(opened);
            System.out.println("chime-conformance " + KitVersion.version() + ": running against " + opened.name()
                    + " (" + opened.description() + ")");
            TestExecutionSummary summary = launch();
            long failed = summary.getTotalFailureCount();
            System.out.println("Report: " + report.resolve("index.html").toAbsolutePath());
            return failed == 0 ? 0 : 1;
        }
    }

    private TestExecutionSummary launch() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("cucumber.execution.parallel.enabled", Boolean.toString(threads > 1));
        parameters.put("cucumber.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
        parameters.put("cucumber.execution.parallel.config.fixed.max-pool-size", Integer.toString(threads));
        if (tags != null && !tags.isBlank()) {
            parameters.put("cucumber.filter.tags", tags);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameters(parameters)
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }
}
