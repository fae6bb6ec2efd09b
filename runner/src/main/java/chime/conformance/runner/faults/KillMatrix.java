package chime.conformance.runner.faults;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.StepResult;
import chime.conformance.reports.plugin.ErrorStreak;
import chime.conformance.reports.render.Templates;
import chime.conformance.runner.cli.SuiteLauncher;
import chime.conformance.runner.report.RunContexts;
import chime.conformance.runner.report.RunOutputs;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the suite once against the correct target and once per fault, all in this JVM, and tells which
 * scenarios caught each fault: a fault is caught when a scenario that passes on the correct target fails
 * (or errors) with the fault. Writes {@code kill-matrix.json} and {@code kill-matrix.md}.
 */
public final class KillMatrix {

    public static final String JSON = "kill-matrix.json";
    public static final String MARKDOWN = "kill-matrix.md";
    private static final int MAX_MESSAGE = 300;

    /** One scenario that caught a fault; {@code tentative} when it checks a kit decision ({@code @assumption}). */
    public record Catch(String scenario, String name, String feature, int line, String status,
                        boolean onRule, boolean tentative, String step, String message) {
    }

    /**
     * What the suite made of one fault. {@code caughtOnlyByTentative}: every scenario that caught it checks a
     * kit decision, so a run that is not strict would pass with the fault (design section 11).
     */
    public record FaultResult(String name, List<String> rules, String area, String description, boolean caught,
                              int failed, int errored, boolean caughtOnRule, boolean caughtOnlyByTentative,
                              long durationMs, List<Catch> caughtBy) {
    }

    public record Baseline(String target, int scenarios, Map<String, Integer> statuses, long durationMs) {
    }

    public record Matrix(String schema, Instant start, Instant end, String tags, Baseline baseline,
                         int faults, int caught, List<String> uncaught, Map<String, List<String>> faultsByArea,
                         List<FaultResult> results) {
    }

    private final Supplier<Target> targets;
    private final Path dir;
    private final String tags;
    private final int threads;
    private final boolean keepReports;
    private final PrintStream log;

    public KillMatrix(Supplier<Target> targets, Path dir, String tags, int threads, boolean keepReports, PrintStream log) {
        this.targets = targets;
        this.dir = dir;
        this.tags = tags;
        this.threads = threads;
        this.keepReports = keepReports;
        this.log = log;
    }

    public Matrix run(List<Fault> faults) throws IOException {
        Instant start = Instant.now();
        Files.createDirectories(dir);
        log.printf("kill matrix: %d faults; baseline run first%n", faults.size());
        RunResults baseline = runSuite(targets.get(), dir.resolve("baseline"), true);
        Map<String, ScenarioResult> passing = new LinkedHashMap<>();
        baseline.scenarios().stream().filter(s -> s.status() == Status.PASS).forEach(s -> passing.put(s.id(), s));
        Map<String, Integer> statuses = new TreeMap<>();
        baseline.scenarios().forEach(s -> statuses.merge(s.status().name(), 1, Integer::sum));
        log.printf("baseline: %d scenarios, %s%n", baseline.scenarios().size(), statuses);

        List<FaultResult> results = new ArrayList<>();
        int n = 0;
        for (Fault fault : faults) {
            n++;
            Instant t0 = Instant.now();
            Path runDir = dir.resolve("runs").resolve(fault.name());
            RunResults run = runSuite(new FaultyTarget(targets.get(), List.of(fault)), runDir, keepReports);
            FaultResult result = judge(fault, passing, run, Duration.between(t0, Instant.now()).toMillis());
            results.add(result);
            log.printf("[%2d/%d] %-40s %s%n", n, faults.size(), fault.name(), result.caught()
                    ? "caught by " + result.caughtBy().size() + " scenario(s)" + (result.caughtOnRule() ? "" : " (none tagged with its rules)")
                    : "NOT CAUGHT");
        }
        List<String> uncaught = results.stream().filter(r -> !r.caught()).map(FaultResult::name).toList();
        Map<String, List<String>> byArea = new TreeMap<>();
        faults.forEach(f -> byArea.computeIfAbsent(f.area(), a -> new ArrayList<>()).add(f.name()));
        Matrix matrix = new Matrix("chime-conformance/kill-matrix/v1", start, Instant.now(), tags,
                new Baseline(baseline.target() == null ? "reference" : baseline.target().name(), baseline.scenarios().size(),
                        statuses, baseline.durationMs()),
                faults.size(), faults.size() - uncaught.size(), uncaught, byArea, results);
        write(matrix);
        return matrix;
    }

    private RunResults runSuite(Target target, Path reportDir, boolean keep) throws IOException {
        Files.createDirectories(reportDir);
        String previousDir = System.getProperty(RunOutputs.REPORT_DIR_PROPERTY);
        PrintStream out = System.out;
        int errorLimit = ErrorStreak.limit();
        try (target) {
            // Every scenario of every run counts in the matrix: a fault that breaks fixtures must not stop one.
            ErrorStreak.limit(0);
            System.setProperty(RunOutputs.REPORT_DIR_PROPERTY, reportDir.toString());
            TargetSession.install(target);
            RunContext.install(RunContexts.forTarget(target).reportDir(reportDir).build());
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            SuiteLauncher.launch(tags, threads);
        } finally {
            ErrorStreak.limit(errorLimit);
            System.setOut(out);
            RunContext.clear();
            TargetSession.install(null);
            if (previousDir == null) {
                System.clearProperty(RunOutputs.REPORT_DIR_PROPERTY);
            } else {
                System.setProperty(RunOutputs.REPORT_DIR_PROPERTY, previousDir);
            }
        }
        RunResults results = ResultsFile.read(reportDir);
        if (!keep) {
            prune(reportDir);
        }
        return results;
    }

    /** Keeps only results.json of a fault's run: the rest of its report is large and rarely wanted. */
    private static void prune(Path reportDir) throws IOException {
        try (Stream<Path> paths = Files.walk(reportDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(reportDir) && !p.getFileName().toString().equals(ResultsFile.FILE_NAME)) {
                    Files.delete(p);
                }
            }
        }
    }

    static FaultResult judge(Fault fault, Map<String, ScenarioResult> passingBefore, RunResults run, long durationMs) {
        Set<String> rules = Set.copyOf(fault.rules());
        List<Catch> catches = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            if (!passingBefore.containsKey(s.id()) || (s.status() != Status.FAIL && s.status() != Status.ERROR)) {
                continue;
            }
            StepResult decisive = s.steps().stream().filter(st -> st.errorMessage() != null).findFirst().orElse(null);
            String message = s.errorMessage() == null ? "" : s.errorMessage().lines().findFirst().orElse("");
            catches.add(new Catch(s.id(), s.name(), s.feature(), s.line(), s.status().name(),
                    s.rules().stream().anyMatch(rules::contains), s.isTentative(),
                    decisive == null ? null : decisive.keyword() + decisive.text(),
                    message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message));
        }
        // Scenarios of the fault's own rules first, required before tentative, then failures before errors.
        catches.sort(Comparator.comparing((Catch c) -> !c.onRule()).thenComparing(Catch::tentative)
                .thenComparing(c -> !c.status().equals("FAIL"))
                .thenComparing(Catch::feature).thenComparingInt(Catch::line));
        int failed = (int) catches.stream().filter(c -> c.status().equals("FAIL")).count();
        return new FaultResult(fault.name(), fault.rules(), fault.area(), fault.description(), !catches.isEmpty(),
                failed, catches.size() - failed, catches.stream().anyMatch(Catch::onRule),
                !catches.isEmpty() && catches.stream().allMatch(Catch::tentative), durationMs, List.copyOf(catches));
    }

    private void write(Matrix matrix) throws IOException {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve(JSON).toFile(), matrix);
        Files.writeString(dir.resolve(MARKDOWN), markdown(matrix));
    }

    static String markdown(Matrix m) {
        List<String> tentativeOnly = m.results().stream().filter(FaultResult::caughtOnlyByTentative)
                .map(FaultResult::name).toList();
        return Templates.markdown().render("kill-matrix.md.vm", Map.of("m", m, "tentativeOnly", tentativeOnly));
    }
}
