package chime.conformance.runner.cli;

import chime.conformance.reports.compare.Comparison;
import chime.conformance.reports.compare.ComparisonReport;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare [RUN...] A B [--out DIR] [--strict]}: the drift between the last two runs, and the trend over all. Exit code 0 without regressions, 1
 * with regressions (with {@code --strict}, tentative ones too), 2 when either input cannot be read.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs: every scenario and rule whose status changed from A to B. Given more"
                + " runs, oldest first, A and B are the last two and compare.html also draws the trend over all.",
                "Each change is a regression, tentative regression, fix, new, removed or other change.",
                "A tentative regression shows only in scenarios checking a kit decision (@assumption);"
                        + " it fails the comparison only with --strict.",
                "Prints the comparison; with --out also writes compare.html and compare.txt.",
                "Exit code: 0 no regressions, 1 regressions, 2 unreadable input."})
public final class CompareCommand implements Callable<Integer> {

    static final int REGRESSIONS = 1;
    static final int BAD_INPUT = 2;

    @Parameters(arity = "2..*", paramLabel = "RUN", description = {"Two runs or more, oldest first: report"
            + " directories or their results.json. The last (B) is compared with the one before it (A, the baseline);"
            + " compare.html draws the trend over all of them."})
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Write compare.html and compare.txt into this directory.")
    Path out;

    @Option(names = "--strict", description = "Count tentative regressions too (scenarios checking a kit decision"
            + " where AWS documents nothing, tagged @assumption).")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<ComparisonReport.Run> history = new ArrayList<>();
        for (Path run : runs) {
            try {
                history.add(new ComparisonReport.Run(run.toString(), ResultsFile.read(run)));
            } catch (IOException e) {
                err.println("error: cannot compare: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
        }
        ComparisonReport.Run a = history.get(history.size() - 2);
        ComparisonReport.Run b = history.get(history.size() - 1);
        Comparison comparison = Comparison.of(a.results(), b.results());
        ComparisonReport report = new ComparisonReport(comparison, a.label(), b.label(), history);
        stdout.print(report.text());
        if (out != null) {
            try {
                ReportDirectory.prepare(out, "--out");
                report.writeTo(out);
                stdout.println("Comparison written to " + out.resolve(ComparisonReport.HTML));
            } catch (IOException | IllegalArgumentException e) {
                err.println("error: cannot write the comparison to " + out + ": " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
        }
        stdout.flush();
        return comparison.hasRegressions(strict) ? REGRESSIONS : 0;
    }
}
