package chime.conformance.reports.plugin;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.expectations.Expectations;
import chime.conformance.reports.expectations.ExpectationsFile;
import chime.conformance.reports.model.FeatureDocument;
import chime.conformance.reports.model.KitInfo;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.TargetInfo;
import chime.conformance.reports.model.WireExchange;
import chime.conformance.reports.render.JUnitReport;
import chime.conformance.reports.render.ReportRenderer;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Cucumber plugin that writes the conformance report: {@code results.json}, {@code junit.xml},
 * {@code index.html}, {@code rules.html}, {@code operations.html} and a page per feature.
 *
 * <p>Use it as {@code chime.conformance.reports.plugin.ConformancePlugin:<report directory>}. The run's
 * metadata (target, kit build, expectation file, options) comes from {@link RunContext#current()}.
 * Scenarios attach wire evidence with
 * {@code scenario.attach(json, "application/vnd.chime-conformance.wire+json", "wire")}.
 *
 * <p>Thread safe: with parallel execution, events of different scenarios arrive concurrently. Each
 * scenario's steps arrive on one thread, in order.
 */
public final class ConformancePlugin implements ConcurrentEventListener {

    /** The media type of wire evidence attachments. */
    public static final String WIRE_MEDIA_TYPE = WireEvidence.MEDIA_TYPE;

    private final Path configuredDir;
    private final ConcurrentMap<URI, String> sources = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, AttemptRecorder> attempts = new ConcurrentHashMap<>();
    private final AtomicLong finished = new AtomicLong();
    private volatile Instant runStarted;
    private volatile Path writtenTo;

    public ConformancePlugin() {
        this(null);
    }

    /** @param outputDir the report directory; blank for {@link RunContext#reportDir()} */
    public ConformancePlugin(String outputDir) {
        this.configuredDir = outputDir == null || outputDir.isBlank() ? null : Path.of(outputDir.strip());
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> runStarted = e.getInstant());
        publisher.registerHandlerFor(TestSourceRead.class, e -> sources.put(e.getUri(), e.getSource()));
        publisher.registerHandlerFor(TestCaseStarted.class, e -> {
            CurrentStep.clear();
            recorder(e.getTestCase());
        });
        publisher.registerHandlerFor(io.cucumber.plugin.event.TestStepStarted.class,
                e -> CurrentStep.started(e.getTestStep()));
        publisher.registerHandlerFor(TestStepFinished.class, e -> recorder(e.getTestCase()).step(e.getTestStep(), e.getResult()));
        publisher.registerHandlerFor(EmbedEvent.class, this::onEmbed);
        publisher.registerHandlerFor(TestCaseFinished.class,
                e -> recorder(e.getTestCase()).finish(e.getResult(), finished.incrementAndGet()));
        publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
    }

    private AttemptRecorder recorder(TestCase testCase) {
        return attempts.computeIfAbsent(testCase.getId(), id -> new AttemptRecorder(testCase));
    }

    private void onEmbed(EmbedEvent event) {
        if (WIRE_MEDIA_TYPE.equals(event.getMediaType())) {
            recorder(event.getTestCase()).wire(event.getData());
        }
    }

    /** Where the report was written, once the run finished. */
    public Path reportDirectory() {
        return writtenTo;
    }

    private void onRunFinished(TestRunFinished event) {
        RunContext context = RunContext.current();
        Path directory = configuredDir != null ? configuredDir : context.reportDir();
        try {
            writeReport(context, event.getInstant(), directory);
            writtenTo = directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance report to " + directory, e);
        }
    }

    private void writeReport(RunContext context, Instant end, Path directory) throws IOException {
        List<String> warnings = new ArrayList<>();
        Redaction redaction = Redaction.of(context.maskAccount());
        if (ErrorStreak.stopReason() != null) {
            warnings.add("Incomplete: " + ErrorStreak.stopReason() + "; the scenarios after it were not run");
        }

        RuleRegistry registry;
        try {
            registry = RuleRegistry.load();
        } catch (RuntimeException e) {
            registry = RuleRegistry.empty();
            warnings.add("No rule registry: " + e.getMessage());
        }

        Expectations expectations = null;
        String expectationsSource = null;
        if (context.expectationsFile() != null) {
            expectationsSource = context.expectationsFile().toString();
            try {
                expectations = ExpectationsFile.read(context.expectationsFile());
            } catch (IOException e) {
                warnings.add("The expectation file was not applied: " + e.getMessage());
            }
        }

        Map<String, FeatureDocument> documents = new LinkedHashMap<>();
        sources.forEach((uri, source) -> {
            String path = ScenarioIds.featurePath(uri);
            documents.put(path, FeatureDocument.parse(path, source));
        });

        List<ScenarioAttempt> classified = new ArrayList<>();
        List<AttemptRecorder> done = attempts.values().stream().filter(AttemptRecorder::isFinished).toList();
        Map<String, Map<Integer, String>> fallbackIds = new LinkedHashMap<>();
        for (AttemptRecorder attempt : done) {
            String path = ScenarioIds.featurePath(attempt.testCase().getUri());
            FeatureDocument document = documents.get(path);
            String id = document == null ? null : document.idAt(attempt.testCase().getLine()).orElse(null);
            if (id == null) {
                id = fallbackId(fallbackIds, path, attempt.testCase());
            }
            classified.add(attempt.classify(id, path, redaction, warnings));
        }

        Map<String, String> featureNames = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        documents.forEach((path, document) -> {
            featureNames.put(path, document.name());
            notes.putAll(document.notesById());
        });
        TargetInfo target = new TargetInfo(context.targetName(), redaction.text(context.targetDescription()),
                context.capabilities());
        Instant start = context.startTime() != null ? context.startTime() : runStarted;
        ResultsAssembler.RunHeader header = new ResultsAssembler.RunHeader(
                new KitInfo(context.kitVersion(), context.kitCommit()), target, start, end, context.strict(),
                context.maskAccount(), featureNames, expectations, expectationsSource, notes);
        ResultsAssembler.Assembled assembled = ResultsAssembler.assemble(header, classified, registry, warnings);

        ResultsFile.write(assembled.results(), directory);
        new JUnitReport(assembled.results()).writeTo(directory);
        new ReportRenderer(assembled.results(), registry, documents, assembled.evidence()).writeAll(directory);
    }

    /**
     * When Cucumber did not publish a feature's source, IDs come from the scenario names alone,
     * numbered by line where names repeat. They are still stable unless names change.
     */
    private static String fallbackId(Map<String, Map<Integer, String>> fallbackIds, String path, TestCase testCase) {
        Map<Integer, String> byLine = fallbackIds.computeIfAbsent(path, p -> new LinkedHashMap<>());
        synchronized (byLine) {
            return byLine.computeIfAbsent(testCase.getLine(), line -> {
                String base = ScenarioIds.slug(testCase.getName());
                String candidate = base;
                for (int n = 2; byLine.containsValue(ScenarioIds.id(path, candidate)); n++) {
                    candidate = base + "-" + n;
                }
                return ScenarioIds.id(path, candidate);
            });
        }
    }

    /** Everything Cucumber tells about one run of one test case. */
    static final class AttemptRecorder {
        private final TestCase testCase;
        private final List<Classifier.RecordedStep> steps = Collections.synchronizedList(new ArrayList<>());
        private final List<byte[]> wire = Collections.synchronizedList(new ArrayList<>());
        private volatile io.cucumber.plugin.event.Result result;
        private volatile long sequence;

        AttemptRecorder(TestCase testCase) {
            this.testCase = testCase;
        }

        TestCase testCase() {
            return testCase;
        }

        void step(io.cucumber.plugin.event.TestStep step, io.cucumber.plugin.event.Result stepResult) {
            steps.add(new Classifier.RecordedStep(step, stepResult));
        }

        void wire(byte[] data) {
            wire.add(data.clone());
        }

        void finish(io.cucumber.plugin.event.Result caseResult, long order) {
            this.sequence = order;
            this.result = caseResult;
        }

        boolean isFinished() {
            return result != null;
        }

        ScenarioAttempt classify(String id, String featurePath, Redaction redaction, List<String> warnings) {
            List<Classifier.RecordedStep> stepsSnapshot;
            synchronized (steps) {
                stepsSnapshot = List.copyOf(steps);
            }
            Classifier.Outcome outcome = Classifier.classify(result, stepsSnapshot, redaction);
            List<WireExchange> evidence = new ArrayList<>();
            synchronized (wire) {
                for (byte[] data : wire) {
                    try {
                        evidence.addAll(WireEvidence.parse(data, redaction));
                    } catch (IOException e) {
                        // The parser's message quotes the input, which may hold a secret: say only what went wrong.
                        warnings.add(id + ": wire evidence that is not a JSON array of exchanges was ignored");
                    }
                }
            }
            long millis = result.getDuration() == null ? 0 : result.getDuration().toMillis();
            return new ScenarioAttempt(sequence, id, testCase.getName(), featurePath, testCase.getUri().toString(),
                    testCase.getLine(), testCase.getTags(), outcome.status(), millis, outcome.errorType(),
                    outcome.errorMessage(), outcome.reason(), outcome.steps(), evidence);
        }
    }
}
