package chime.conformance.runner.cli;

import chime.conformance.reports.expectations.Expectation;
import chime.conformance.reports.expectations.Expectations;
import chime.conformance.reports.expectations.ExpectationsFile;
import chime.conformance.reports.expectations.ExpectationsWriter;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code expectations --from RESULTS [--previous FILE] --out FILE}: writes a target's expectation file
 * from a run, so that updating it is a reviewed diff. Exit code 0 when written, 2 on unreadable input.
 */
@Command(name = "expectations", mixinStandardHelpOptions = true,
        description = {"Generate a target's expectation file from a run: every FAIL and XFAIL scenario becomes an entry.",
                "With --previous, reasons and links are kept where the ID still matches, and so are rule entries whose rule still fails.",
                "New entries get an \"Unreviewed\" reason for a reviewer to replace.",
                "Exit code: 0 written, 2 unreadable input."})
public final class ExpectationsCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Option(names = "--from", required = true, paramLabel = "RESULTS",
            description = "The run: a report directory or its results.json.")
    Path from;

    @Option(names = "--previous", paramLabel = "FILE", description = "The target's current expectation file.")
    Path previous;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the new expectation file (may be the same as --previous).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        RunResults results;
        Expectations old = null;
        try {
            results = ResultsFile.read(from);
            if (previous != null) {
                if (!Files.isRegularFile(previous)) {
                    err.println("error: the previous expectation file " + previous + " does not exist");
                    err.flush();
                    return BAD_INPUT;
                }
                old = ExpectationsFile.read(previous);
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (old != null && !old.target().equals(results.target().name())) {
            err.println("warning: " + previous + " is for target " + old.target() + ", the run is on target "
                    + results.target().name() + "; writing an expectation file for " + results.target().name());
        }
        Expectations generated = ExpectationsWriter.generate(results, old);
        try {
            ExpectationsFile.write(generated, out);
        } catch (IOException e) {
            err.println("error: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        Set<String> before = old == null ? Set.of() : old.entries().stream().map(Expectation::key).collect(Collectors.toSet());
        Set<String> now = generated.entries().stream().map(Expectation::key).collect(Collectors.toSet());
        long added = now.stream().filter(k -> !before.contains(k)).count();
        long dropped = before.stream().filter(k -> !now.contains(k)).count();
        stdout.println("Wrote " + generated.entries().size() + " expectation(s) for target " + generated.target() + " to "
                + out + " (" + added + " new, " + dropped + " dropped). Review the change as a diff.");
        stdout.flush();
        err.flush();
        return 0;
    }
}
