package chime.conformance.runner.wire;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Cucumber plugin for tests: keeps every attachment the run made. */
public final class EmbedRecorder implements ConcurrentEventListener {

    static final List<EmbedEvent> EMBEDS = new CopyOnWriteArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(EmbedEvent.class, EMBEDS::add);
    }
}
