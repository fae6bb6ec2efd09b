package chime.conformance.runner.cli;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.expectations.Expectation;
import chime.conformance.reports.expectations.Expectations;
import chime.conformance.reports.expectations.ExpectationsFile;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.Verdict;
import chime.conformance.reports.plugin.ProgressPrinter;
import chime.conformance.reports.render.ConsoleRecap;
import chime.conformance.runner.faults.Fault;
import chime.conformance.runner.faults.FaultCatalogue;
import chime.conformance.runner.faults.FaultyTarget;
import chime.conformance.runner.report.RunContexts;
import chime.conformance.runner.report.RunOutputs;
import chime.conformance.reports.plugin.ErrorStreak;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Reachability;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetCallTimer;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.target.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: executes the features against a target and writes the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the conformance suite against a target and write the report.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SuiteOptions suite;

    @Option(names = "--report", defaultValue = "conformance-report",
            description = "Directory the report is written to. Default: ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--expectations",
            description = "YAML file of scenarios or rules expected to fail on this target: their failures become XFAIL.")
    Path expectations;

    @Option(names = "--strict", description = "Fail the run on tentative failures too (scenarios checking a kit"
            + " decision where AWS documents nothing, tagged @assumption), on XPASS (a listed failure that passed)"
            + " and on FLAKY.")
    boolean strict;

    @Option(names = "--fault", split = ",", paramLabel = "NAME",
            description = "Run against the target with these named faults injected (repeatable or comma-separated); "
                    + "the kit's check of itself: the run should fail. List them with the 'faults' command.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--ndjson", description = "Also write Cucumber's message stream (cucumber-messages.ndjson, about"
            + " 10 MB for the whole suite) for Cucumber tooling. Off by default.")
    boolean ndjson;

    @Option(names = "--timing", description = "Measure the time scenarios spend in calls to the target and print,"
            + " after the summary, scenarios per second and the harness's own time per scenario.")
    boolean timing;

    @Option(names = "--full-jit", description = "Run in this JVM with its optimising compiler (C2). By default a run"
            + " started with java -jar runs in a JVM of its own with the quick compiler (C1) alone, without"
            + " profiling: a run of seconds needs a fifth to two fifths less CPU. A JVM that carries an agent, a"
            + " debugger or its own compiler flags runs the suite itself, without C2.")
    boolean fullJit;

    @Option(names = "--stop-after-errors", defaultValue = "" + ErrorStreak.DEFAULT_LIMIT, paramLabel = "N",
            description = "Stop the run when N scenarios in a row end in ERROR (the target is down, or the kit is"
                    + " broken): the rest end at once as ERROR, not run, and the run exits 2. 0: never stop."
                    + " Default: ${DEFAULT-VALUE}.")
    int stopAfterErrors;

    @Option(names = "--mask-account",
            description = "Mask AWS account IDs in the report, results and wire evidence (e.g. to publish a report).")
    boolean maskAccount;

    @Mixin
    AccessOptions access;

    // Target-specific options: the run command passes them on in the target config; the target they are
    // meant for reads them (today the aws target), others ignore them.

    @Option(names = "--yes-create-resources",
            description = "Confirm that --target aws may create resources in your AWS account (deleted when the run"
                    + " ends). Without it the aws target prints its plan and stops.")
    boolean yesCreateResources;

    @Option(names = "--max-calls",
            description = "At most this many calls by scenarios (--target aws); scenarios after that are ERROR (the run"
                    + " stops once --stop-after-errors of them came in a row) and cleanup still runs. Default: no limit.")
    Long maxCalls;

    @Override
    public Integer call() throws Exception {
        if (stopAfterErrors < 0) {
            throw new IllegalArgumentException("--stop-after-errors must be 0 (never stop) or more, not "
                    + stopAfterErrors);
        }
        if (!fullJit) {
            OptionalInt exit = QuickCompilation.inQuickJvm(spec.root().commandLine().getParseResult().originalArgs());
            if (exit.isPresent()) {
                return exit.getAsInt();
            }
        }
        FeatureCatalogue catalogue = suite.check();
        Expectations expected = null;
        if (expectations != null) {
            expected = readExpectations(expectations, catalogue);
        }
        ReportDirectory.prepare(report, "--report");
        if (!fullJit) {
            QuickCompilation.apply();
        }
        if (timing) {
            TargetCallTimer.enable();
        }
        TargetConfig config = access.applyTo(suite.config());
        config.warnings().forEach(w -> System.err.println("warning: target config " + suite.targetConfig + ": " + w));
        if (yesCreateResources) {
            config = config.withOption("yes-create-resources", "true");
        }
        if (maxCalls != null) {
            config = config.withOption("max-calls", Long.toString(maxCalls));
        }
        if (maskAccount) {
            config = config.withOption("mask-account", "true");
        }
        System.setProperty(RunOutputs.REPORT_DIR_PROPERTY, report.toString());
        String ndjsonBefore = System.getProperty(RunOutputs.NDJSON_PROPERTY);
        System.setProperty(RunOutputs.NDJSON_PROPERTY, Boolean.toString(ndjson));
        List<Fault> injected = FaultCatalogue.named(faults);
        int errorLimit = ErrorStreak.limit();
        try (Target opened = injected.isEmpty() ? Targets.open(suite.target, config)
                : new FaultyTarget(Targets.open(suite.target, config), injected)) {
            TargetConfig.Timeouts timeouts = config.timeouts();
            Optional<String> unreachable = opened.endpoint().flatMap(endpoint -> Reachability.problem(endpoint,
                    timeouts.connectOr(TargetConfig.DEFAULT_CONNECT), timeouts.callOr(TargetConfig.DEFAULT_CALL)));
            if (unreachable.isPresent()) {
                System.err.println("error: " + unreachable.get());
                return 2;
            }
            if (suite.targetConfig == null && opened.endpoint().isPresent()
                    && Capability.processors(java.util.EnumSet.allOf(ProcessorBehaviour.class)).stream()
                            .noneMatch(opened::has)) {
                System.err.println("warning: no --target-config: " + opened.name() + " declares no channel-flow"
                        + " processor, so the scenarios that run one are NOT_APPLICABLE. List the Lambda ARNs of the"
                        + " processors your emulator runs under 'processors:' in a target config (README, Targets).");
            }
            if (expected != null && !expected.target().equals(opened.name())) {
                System.err.println("warning: the expectation file " + expectations + " is for target '"
                        + expected.target() + "', and this run's target is '" + opened.name() + "': its entries"
                        + " apply all the same. If the file is meant for this target, set 'target: " + opened.name()
                        + "' in it");
            }
            TargetSession.install(opened);
            ErrorStreak.limit(stopAfterErrors);
            RunContext.Builder context = RunContexts.forTarget(opened)
                    .expectationsFile(expectations)
                    .strict(strict)
                    .reportDir(report);
            if (maskAccount) {
                context.maskAccount(true);
            }
            RunContext.install(context.build());
            System.out.println("chime-conformance " + KitVersion.version() + ": running against " + opened.name()
                    + " (" + opened.description() + ")");
            SuiteLauncher.launch(suite.tags, suite.threads);
            RunResults results = ResultsFile.read(report);
            if (results.scenarios().isEmpty()) {
                // A conformance run that ran nothing proves nothing: say so rather than pass.
                System.err.println("error: no scenario matched" + (suite.tags == null ? "" : " --tags " + suite.tags));
                return 2;
            }
            // The report has the final word: expectations on whole rules and reruns settle statuses only
            // once every scenario has finished, after the progress lines were printed.
            String recap = ConsoleRecap.of(results, report);
            if (!recap.isEmpty()) {
                System.out.println();
                System.out.println(recap);
            }
            System.out.println("Verdict: " + results.verdict() + (strict ? " (strict)" : "") + "  "
                    + ProgressPrinter.statusLine(results.counts().scenarios()));
            System.out.println(ProgressPrinter.levelLines(results.counts().levels(), strict));
            int tentativeFailures = results.tentativeFailures().size();
            if (tentativeFailures > 0) {
                System.out.println(tentativeFailures + " tentative scenario(s) failed: the target differs from the kit's"
                        + " reading where AWS documents nothing (see the report)" + (strict ? "" : "; they fail only"
                        + " a --strict run"));
            }
            if (timing) {
                System.out.println(timingSummary(results, TargetCallTimer.totals()));
            }
            System.out.println("Report: " + report.resolve("index.html").toAbsolutePath());
            if (ErrorStreak.stopReason() != null) {
                System.err.println("error: incomplete run: " + ErrorStreak.stopReason());
                return 2;
            }
            return results.verdict() == Verdict.PASSED ? 0 : 1;
        } finally {
            ErrorStreak.limit(errorLimit);
            if (ndjsonBefore == null) {
                System.clearProperty(RunOutputs.NDJSON_PROPERTY);
            } else {
                System.setProperty(RunOutputs.NDJSON_PROPERTY, ndjsonBefore);
            }
            RunContext.clear();
            // The target is closed now; a later run in this JVM must not be handed it.
            TargetSession.install(null);
        }
    }

    /**
     * Reads the expectation file before the run, so that a mistake in it shows now: a rule or scenario it
     * names that the kit does not have is a warning, with the closest known one.
     */
    private static Expectations readExpectations(Path file, FeatureCatalogue known) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--expectations " + file + " does not exist: give a YAML file of"
                    + " expected failures (README, Expected failures), or write one from a run with"
                    + " 'expectations --from REPORT_DIR --out FILE'");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("--expectations: cannot read " + file + (Files.isDirectory(file)
                    ? ": it is a directory; give the YAML file" : ": permission denied"));
        }
        Expectations read;
        try {
            read = ExpectationsFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--expectations " + file + ": " + e.getMessage(), e);
        }
        RuleRegistry registry = RuleRegistry.load();
        FeatureCatalogue catalogue = known != null ? known : FeatureCatalogue.load();
        for (Expectation entry : read.entries()) {
            if (entry.rule() != null && !registry.contains(entry.rule())) {
                System.err.println("warning: the expectation file " + file + " names rule " + entry.rule()
                        + ", which the registry does not have" + FeatureCatalogue.closest(entry.rule(),
                        registry.rules().stream().map(chime.conformance.reports.model.Rule::id).toList())
                        .map(s -> "; did you mean " + s + "?").orElse(""));
            }
            if (entry.scenario() != null && !catalogue.hasScenario(entry.scenario())) {
                System.err.println("warning: the expectation file " + file + " names scenario " + entry.scenario()
                        + ", which the kit does not have" + FeatureCatalogue.closest(entry.scenario(),
                        catalogue.scenarioIds()).map(s -> "; did you mean " + s + "?").orElse(""));
            }
        }
        return read;
    }

    /**
     * One line a script can read: the run's duration, scenarios per second, and how the scenarios' own time
     * (summed over threads) splits between calls to the target and everything else, per scenario.
     */
    static String timingSummary(RunResults results, TargetCallTimer.Totals totals) {
        int scenarios = results.scenarios().size();
        long scenarioMs = results.scenarios().stream().mapToLong(s -> s.durationMs()).sum();
        double targetMs = totals.nanos() / 1e6;
        double perScenario = scenarios == 0 ? 0 : 1.0 / scenarios;
        return String.format(Locale.ROOT, "Timing: scenarios=%d run_ms=%d scenarios_per_s=%.1f scenario_ms_sum=%d"
                        + " target_calls=%d target_ms=%.0f calls_per_scenario=%.1f target_ms_per_scenario=%.2f"
                        + " harness_ms_per_scenario=%.2f",
                scenarios, results.durationMs(),
                results.durationMs() == 0 ? 0 : scenarios * 1000.0 / results.durationMs(),
                scenarioMs, totals.calls(), targetMs, totals.calls() * perScenario, targetMs * perScenario,
                Math.max(0, scenarioMs - targetMs) * perScenario);
    }
}
