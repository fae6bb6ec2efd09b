package chime.conformance.runner.report;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.plugin.ConformancePlugin;
import chime.conformance.reports.plugin.ErrorStreak;
import chime.conformance.reports.plugin.ProgressPrinter;
import chime.conformance.reports.render.ReportFiles;
import io.cucumber.core.plugin.MessageFormatter;
import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Cucumber plugin every run uses, from the command line or the Maven build alike: it writes all
 * outputs of a run into the report directory (system property {@code chime.report.dir}, default
 * {@code conformance-report}): the HTML report, results.json and JUnit XML for CI systems (all three from
 * the kit's own results, so statuses and levels agree), and, when asked ({@value #NDJSON_PROPERTY}), Cucumber's
 * message stream (NDJSON) for existing Cucumber tooling; and it prints progress. An earlier report in the
 * directory is removed first ({@link ReportFiles#clean}). Every one of them goes through the kit's one
 * redaction ({@link OutputRedaction}).
 */
public final class RunOutputs implements ConcurrentEventListener {

    public static final String REPORT_DIR_PROPERTY = "chime.report.dir";
    /** {@code true}: also write Cucumber's message stream (NDJSON), which is large; off by default. */
    public static final String NDJSON_PROPERTY = "chime.report.ndjson";

    private final List<ConcurrentEventListener> outputs = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private final Path dir = reportDir();

    public RunOutputs() {
        try {
            Files.createDirectories(dir);
            ReportFiles.clean(dir);
            outputs.add(new ProgressPrinter());
            outputs.add(new ErrorStreak());
            outputs.add(new ConformancePlugin(dir.toString()));
            if (Boolean.getBoolean(NDJSON_PROPERTY)) {
                outputs.add(new MessageFormatter(open(dir.resolve(ReportFiles.NDJSON))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Path reportDir() {
        return Path.of(System.getProperty(REPORT_DIR_PROPERTY, "conformance-report"));
    }

    private OutputStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        streams.add(out);
        return out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        // Before the report's own handler, so the report shows the target as it stands at the end of the run.
        publisher.registerHandlerFor(TestRunFinished.class, e -> RunContexts.refreshTargetDescription());
        outputs.forEach(o -> o.setEventPublisher(publisher));
        // Registered last, so the formatters above have flushed their output when the streams close. The
        // JUnit and message formatters write on the run's last message (the TestRunFinished envelope), which
        // comes after the TestRunFinished event: closing on the event would cut their output.
        publisher.registerHandlerFor(Envelope.class, e -> {
            if (e.getTestRunFinished().isPresent()) {
                closeStreams();
            }
        });
    }

    private void closeStreams() {
        for (OutputStream out : streams) {
            try {
                out.close();
            } catch (IOException ignored) {
                // A report file that cannot be closed has been written as far as it could be.
            }
        }
        try {
            OutputRedaction.finish(dir, Redaction.of(RunContext.current().maskAccount()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot redact the report in " + dir + ": " + e.getMessage(), e);
        }
    }
}
