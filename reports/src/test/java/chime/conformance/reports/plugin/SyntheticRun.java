package chime.conformance.reports.plugin;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.Event;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.Step;
import io.cucumber.plugin.event.StepArgument;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends hand-made Cucumber events to a plugin, for what a plain Cucumber run cannot easily produce
 * (a rerun of the same scenario in one run).
 */
final class SyntheticRun implements EventPublisher {

    private final Map<Class<?>, List<EventHandler<?>>> handlers = new LinkedHashMap<>();
    private Instant clock = Instant.parse("2025-03-01T12:00:00Z");

    SyntheticRun(ConcurrentEventListener... listeners) {
        for (ConcurrentEventListener listener : listeners) {
            listener.setEventPublisher(this);
        }
    }

    @Override
    public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
        handlers.computeIfAbsent(type, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {
        handlers.getOrDefault(type, new ArrayList<>()).remove(handler);
    }

    @SuppressWarnings("unchecked")
    private void send(Event event) {
        for (EventHandler<?> handler : handlers.getOrDefault(event.getClass(), List.of())) {
            ((EventHandler<Event>) handler).receive(event);
        }
    }

    private Instant tick(long millis) {
        clock = clock.plusMillis(millis);
        return clock;
    }

    SyntheticRun start() {
        send(new TestRunStarted(clock));
        return this;
    }

    SyntheticRun source(URI uri, String source) {
        send(new TestSourceRead(clock, uri, source));
        return this;
    }

    /** Runs one attempt of a one-step scenario, passing or failing with the given error. */
    SyntheticRun attempt(URI uri, int line, String name, List<String> tags, Throwable error, byte[] wire) {
        FakeTestCase testCase = new FakeTestCase(UUID.randomUUID(), uri, line, name, tags);
        send(new TestCaseStarted(tick(1), testCase));
        Result result = error == null ? new Result(Status.PASSED, Duration.ofMillis(5), null)
                : new Result(Status.FAILED, Duration.ofMillis(5), error);
        if (wire != null) {
            send(new EmbedEvent(tick(1), testCase, wire, ConformancePlugin.WIRE_MEDIA_TYPE, "wire"));
        }
        send(new TestStepFinished(tick(5), testCase, testCase.step, result));
        send(new TestCaseFinished(tick(1), testCase, result));
        return this;
    }

    void finish() {
        send(new TestRunFinished(tick(10), new Result(Status.PASSED, Duration.ZERO, null)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static final class FakeTestCase implements TestCase {
        private final UUID id;
        private final URI uri;
        private final int line;
        private final String name;
        private final List<String> tags;
        private final FakeStep step;

        FakeTestCase(UUID id, URI uri, int line, String name, List<String> tags) {
            this.id = id;
            this.uri = uri;
            this.line = line;
            this.name = name;
            this.tags = List.copyOf(tags);
            this.step = new FakeStep(uri, line + 1, "Then ", "the target behaves");
        }

        @Override public Integer getLine() { return line; }
        @Override public Location getLocation() { return new Location(line, 3); }
        @Override public String getKeyword() { return "Scenario"; }
        @Override public String getName() { return name; }
        @Override public String getScenarioDesignation() { return uri + ":" + line + " # " + name; }
        @Override public List<String> getTags() { return tags; }
        @Override public List<TestStep> getTestSteps() { return List.of(step); }
        @Override public URI getUri() { return uri; }
        @Override public UUID getId() { return id; }
    }

    static final class FakeStep implements PickleStepTestStep, Step {
        private final UUID id = UUID.randomUUID();
        private final URI uri;
        private final int line;
        private final String keyword;
        private final String text;

        FakeStep(URI uri, int line, String keyword, String text) {
            this.uri = uri;
            this.line = line;
            this.keyword = keyword;
            this.text = text;
        }

        @Override public String getPattern() { return text; }
        @Override public Step getStep() { return this; }
        @Override public List<io.cucumber.plugin.event.Argument> getDefinitionArgument() { return List.of(); }
        @Override public StepArgument getStepArgument() { return null; }
        @Override public int getStepLine() { return line; }
        @Override public URI getUri() { return uri; }
        @Override public String getStepText() { return text; }
        @Override public String getCodeLocation() { return "FakeStep.run()"; }
        @Override public UUID getId() { return id; }
        @Override public StepArgument getArgument() { return null; }
        @Override public String getKeyword() { return keyword; }
        @Override public String getText() { return text; }
        @Override public int getLine() { return line; }
        @Override public Location getLocation() { return new Location(line, 5); }
    }
}
