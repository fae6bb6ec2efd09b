package chime.conformance.reports.plugin;

import chime.conformance.reports.RunContext;
import chime.conformance.reports.expectations.Expectations;
import chime.conformance.reports.expectations.ExpectationsFile;
import chime.conformance.reports.model.FeatureDocument;
import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.Status;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints one line per finished scenario and a summary, for a person watching a run:
 * <pre>
 * [ 37] PASS               12ms  channels/privacy.feature:14  A non-member reads the channel
 * [ 38] FAIL              230ms  channels/privacy.feature:20  A non-member cannot post
 *       -> java.lang.AssertionError: expected ForbiddenException but the call succeeded
 * [ 39] FAIL (tentative)   41ms  channels/listing.feature:56  A user outside a channel ...
 * </pre>
 * The summary counts scenarios by status, then required and tentative scenarios apart (design section 11).
 * Scenario expectations of {@link RunContext#expectationsFile()} are applied as the scenarios finish
 * (FAIL becomes XFAIL); the few statuses that only the whole run decides (a rule entry that turns
 * out stale, a rerun that makes a scenario FLAKY) are settled in the summary and the report.
 */
public final class ProgressPrinter implements ConcurrentEventListener {

    private static final int MAX_DETAIL = 200;

    private final PrintStream out;
    private final AtomicInteger counter = new AtomicInteger();
    private final ConcurrentMap<URI, FeatureDocument> documents = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, List<Classifier.RecordedStep>> steps = new ConcurrentHashMap<>();
    /** Final status by scenario ID, after reruns. */
    private final Map<String, List<Status>> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The level of each scenario, by ID. */
    private final Map<String, Level> levels = new ConcurrentHashMap<>();
    private volatile Instant started;
    private volatile Expectations expectations;
    private volatile Redaction redaction = Redaction.of(false);

    public ProgressPrinter() {
        this(System.out);
    }

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, this::onRunStarted);
        publisher.registerHandlerFor(TestSourceRead.class, e -> documents.put(e.getUri(),
                FeatureDocument.parse(ScenarioIds.featurePath(e.getUri()), e.getSource())));
        publisher.registerHandlerFor(TestStepFinished.class, e -> steps
                .computeIfAbsent(e.getTestCase().getId(), id -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Classifier.RecordedStep(e.getTestStep(), e.getResult())));
        publisher.registerHandlerFor(TestCaseFinished.class, this::onCaseFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
    }

    private void onRunStarted(TestRunStarted event) {
        started = event.getInstant();
        RunContext context = RunContext.current();
        redaction = Redaction.of(context.maskAccount());
        if (context.expectationsFile() != null) {
            try {
                expectations = ExpectationsFile.read(context.expectationsFile());
            } catch (IOException e) {
                out.println(redaction.untrusted("Expectation file not applied: " + e.getMessage()));
            }
        }
    }

    private void onCaseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<Classifier.RecordedStep> recorded = steps.remove(testCase.getId());
        List<Classifier.RecordedStep> snapshot;
        if (recorded == null) {
            snapshot = List.of();
        } else {
            synchronized (recorded) {
                snapshot = List.copyOf(recorded);
            }
        }
        Classifier.Outcome outcome = Classifier.classify(event.getResult(), snapshot, redaction);
        String path = ScenarioIds.featurePath(testCase.getUri());
        String id = idOf(testCase, path);
        Status status = expected(outcome.status(), id, testCase.getTags());
        Level level = Level.of(testCase.getTags());
        levels.put(id, level);
        statuses.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(status);

        long millis = event.getResult().getDuration() == null ? 0 : event.getResult().getDuration().toMillis();
        String shown = level == Level.TENTATIVE && status != Status.PASS && status != Status.NOT_APPLICABLE
                ? status.name() + " (tentative)" : status.name();
        String line = String.format(Locale.ROOT, "[%3d] %-14s %7s  %s:%d  %s", counter.incrementAndGet(), shown,
                millis(millis), path, testCase.getLine(), testCase.getName());
        String detail = detail(status, outcome);
        synchronized (out) {
            // A target's messages reach the terminal: redacted, and with no control character left to act.
            out.println(redaction.untrusted(line));
            if (detail != null) {
                out.println(redaction.untrusted("      -> " + detail));
            }
        }
    }

    private String idOf(TestCase testCase, String path) {
        FeatureDocument document = documents.get(testCase.getUri());
        return document == null ? ScenarioIds.id(path, ScenarioIds.slug(testCase.getName()) + "@" + testCase.getLine())
                : document.idAt(testCase.getLine()).orElse(ScenarioIds.id(path, "line-" + testCase.getLine()));
    }

    private Status expected(Status status, String id, List<String> tags) {
        Expectations known = expectations;
        if (known == null) {
            return status;
        }
        boolean listed = known.forScenario(id).isPresent();
        if (status == Status.PASS && listed) {
            return Status.XPASS;
        }
        boolean ruleListed = tags.stream().filter(t -> t.startsWith("@rule:"))
                .anyMatch(t -> known.forRule(t.substring("@rule:".length())).isPresent());
        return status == Status.FAIL && (listed || ruleListed) ? Status.XFAIL : status;
    }

    private static String detail(Status status, Classifier.Outcome outcome) {
        String text = switch (status) {
            case PASS, XPASS -> null;
            case NOT_APPLICABLE -> outcome.reason();
            default -> outcome.errorType() == null ? outcome.errorMessage()
                    : outcome.errorType() + (outcome.errorMessage() == null ? "" : ": " + outcome.errorMessage());
        };
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > MAX_DETAIL ? first.substring(0, MAX_DETAIL - 3) + "..." : first;
    }

    private void onRunFinished(TestRunFinished event) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        Map<Level, Map<Status, Integer>> byLevel = new EnumMap<>(Level.class);
        synchronized (statuses) {
            statuses.forEach((id, attempts) -> {
                Status status = finalStatus(attempts);
                counts.merge(status, 1, Integer::sum);
                byLevel.computeIfAbsent(levels.getOrDefault(id, Level.REQUIRED), l -> new EnumMap<>(Status.class))
                        .merge(status, 1, Integer::sum);
            });
        }
        long wallMs = started == null ? 0 : Math.max(0, Duration.between(started, event.getInstant()).toMillis());
        synchronized (out) {
            out.println();
            out.println(statuses.size() + " scenarios on target " + RunContext.current().targetName()
                    + " in " + millis(wallMs));
            out.println(statusLine(counts));
            out.println(levelLines(byLevel, RunContext.current().strict()));
            out.flush();
        }
    }

    /** Every status and its count: {@code PASS 739  FAIL 0  ...}. */
    public static String statusLine(Map<Status, Integer> counts) {
        StringBuilder line = new StringBuilder();
        for (Status status : Status.values()) {
            line.append(line.length() == 0 ? "" : "  ").append(status.name()).append(' ')
                    .append(counts.getOrDefault(status, 0));
        }
        return line.toString();
    }

    /**
     * The required and the tentative scenarios apart, saying which decide the run:
     * <pre>
     * required:  PASS 700  FAIL 0  ERROR 0  XFAIL 0  NOT_APPLICABLE 52  (decide the verdict)
     * tentative: PASS 37  FAIL 2  ERROR 0  XFAIL 0  NOT_APPLICABLE 0  (fail the run only with --strict)
     * </pre>
     * Statuses no scenario of either level has (XPASS, FLAKY) are left out.
     */
    public static String levelLines(Map<Level, Map<Status, Integer>> byLevel, boolean strict) {
        List<Status> shown = new ArrayList<>();
        for (Status status : Status.values()) {
            boolean always = status == Status.PASS || status == Status.FAIL || status == Status.ERROR
                    || status == Status.NOT_APPLICABLE;
            if (always || byLevel.values().stream().anyMatch(m -> m.getOrDefault(status, 0) > 0)) {
                shown.add(status);
            }
        }
        StringBuilder lines = new StringBuilder();
        for (Level level : Level.values()) {
            Map<Status, Integer> counts = byLevel.getOrDefault(level, Map.of());
            lines.append(lines.length() == 0 ? "" : System.lineSeparator())
                    .append(String.format(Locale.ROOT, "%-10s", level.label() + ":"));
            for (Status status : shown) {
                lines.append(' ').append(status.name()).append(' ').append(counts.getOrDefault(status, 0)).append(' ');
            }
            lines.append(level == Level.REQUIRED ? "(decide the verdict)"
                    : strict ? "(decide the verdict: strict run)" : "(fail the run only with --strict)");
        }
        return lines.toString();
    }

    /** The same rule as the report: passing after a failed attempt is FLAKY, otherwise the last attempt counts. */
    static Status finalStatus(List<Status> attempts) {
        Status last;
        boolean failedBefore = false;
        synchronized (attempts) {
            last = attempts.get(attempts.size() - 1);
            for (int i = 0; i < attempts.size() - 1; i++) {
                failedBefore |= attempts.get(i) == Status.FAIL || attempts.get(i) == Status.ERROR;
            }
        }
        return last == Status.PASS && failedBefore ? Status.FLAKY : last;
    }

    static String millis(long millis) {
        if (millis < 10_000) {
            return millis + "ms";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
