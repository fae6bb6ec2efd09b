package chime.conformance.runner.report;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.plugin.ConformancePlugin;
import chime.conformance.reports.plugin.ProgressPrinter;
import io.cucumber.core.plugin.JUnitFormatter;
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
 * {@code conformance-report}): the HTML report and results.json, JUnit XML for CI systems, and
 * Cucumber's message stream (NDJSON) for existing Cucumber tooling; and it prints progress. Every one of
 * them goes through the kit's one redaction ({@link OutputRedaction}).
 */
public final class RunOutputs implements ConcurrentEventListener {

    public static final String REPORT_DIR_PROPERTY = "chime.report.dir";

    private final List<ConcurrentEventListener> outputs = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private final Path dir = reportDir();

    public RunOutputs() {
        try {
            Files.createDirectories(dir);
            outputs.add(new ProgressPrinter());
            outputs.add(new ConformancePlugin(dir.toString()));
            outputs.add(new JUnitFormatter(open(dir.resolve("junit.xml"))));
            outputs.add(new MessageFormatter(open(dir.resolve("cucumber-messages.ndjson"))));
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
