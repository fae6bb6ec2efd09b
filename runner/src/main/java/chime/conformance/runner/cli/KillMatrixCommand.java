package chime.conformance.runner.cli;

import chime.conformance.runner.faults.Fault;
import chime.conformance.runner.faults.FaultCatalogue;
import chime.conformance.runner.faults.KillMatrix;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.Targets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kill-matrix}: the kit's check of itself, one suite run per named fault, all in this JVM. */
@Command(name = "kill-matrix", mixinStandardHelpOptions = true,
        description = {"Run the suite against the target (the reference unless told) once as it is and once per named"
                + " fault, and write which "
                + "scenarios caught each fault (kill-matrix.md, kill-matrix.json).",
                "Exit code 0 when every fault was caught, 1 when some fault was not."})
public final class KillMatrixCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions suite;

    @Option(names = "--report", defaultValue = "kill-matrix",
            description = "Directory for the matrix, the baseline report and each fault's results.json. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--fault", split = ",", paramLabel = "NAME",
            description = "Only these faults (repeatable or comma-separated). Default: the whole catalogue.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--keep-reports", description = "Keep the full report of every fault's run, not only its results.json.")
    boolean keepReports;

    @Override
    public Integer call() throws Exception {
        List<Fault> selected = faults.isEmpty() ? FaultCatalogue.all() : FaultCatalogue.named(faults);
        suite.check();
        ReportDirectory.prepare(report, "--report");
        TargetConfig config = suite.config();
        KillMatrix matrix = new KillMatrix(() -> Targets.open(suite.target, config), report, suite.tags, suite.threads,
                keepReports, System.out);
        KillMatrix.Matrix result = matrix.run(selected);
        System.out.printf("%d of %d faults caught%s%n", result.caught(), result.faults(),
                result.uncaught().isEmpty() ? "" : "; not caught: " + String.join(", ", result.uncaught()));
        System.out.println("Matrix: " + report.resolve(KillMatrix.MARKDOWN).toAbsolutePath());
        return result.uncaught().isEmpty() ? 0 : 1;
    }
}
