package chime.conformance.runner.world;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * What a scenario knows about the messages it posted (by the label a feature gives them, usually their
 * first content), what its last listing showed, and when the service created each message. One per
 * scenario, injected by PicoContainer into the step classes about messages, status, read markers, sizes,
 * idempotency, paging and flows.
 */
public class MessageLedger {

    /** A message a step posted: everything needed to check what the service gives back. */
    public record Posted(String label, String channel, String messageId, String posterName, String posterArn,
                         String content, String metadata, ChannelMessageType type,
                         ChannelMessagePersistenceType persistence) {
    }

    /**
     * Writes whose times a scenario compares (posts, edits, read markers) are spaced this far apart, so
     * that a service stamping times to the millisecond gives each a later time than the one before.
     * This is not a wait for a time window to pass: every time bound is taken from the service's own
     * CreatedTimestamps, never from the kit's clock.
     */
    private static final long SPACING_NANOS = Duration.ofMillis(3).toNanos();

    private final World world;
    private final Map<String, Posted> posted = new LinkedHashMap<>();
    private final Map<String, Instant> created = new LinkedHashMap<>();
    private Seen seen;
    /** When the last timed write ended (System.nanoTime), or null before the first. */
    private Long lastWrite;

    private final Driver api;

    /** Made by the scenario's {@link Driver}, through which it reads the messages back. */
    public MessageLedger(Driver api) {
        this.api = api;
        this.world = api.world();
    }

    /** Remembers a message a Given step posted, under its label. */
    public void posted(String actor, String channel, String label, SendChannelMessageRequest sent, String id) {
        record(new Posted(label, channel, id, actor, sent.chimeBearer(), sent.content(), sent.metadata(), sent.type(),
                sent.persistence()));
    }

    /** Remembers a posted message; a label already known keeps the message it was first given to. */
    public void record(Posted message) {
        if (!posted.containsKey(message.label())) {
            posted.put(message.label(), message);
            world.rememberMessage(message.label(), message.messageId());
        }
    }

    public Posted posted(String label) {
        Posted message = posted.get(label);
        if (message == null) {
            throw new HarnessException("the scenario names message \"" + label + "\" before posting it");
        }
        return message;
    }

    /** The service's CreatedTimestamp of a posted message, read once by its sender and then remembered. */
    public Instant createdAt(String label) {
        Instant known = created.get(label);
        if (known != null) {
            return known;
        }
        Posted message = posted(label);
        Instant read;
        try {
            read = api.call("GetChannelMessage").with("ChannelArn", world.channel(message.channel()))
                    .with("MessageId", message.messageId()).with("ChimeBearer", message.posterArn())
                    .<GetChannelMessageResponse>send(message.posterName()).channelMessage().createdTimestamp();
        } catch (AwsServiceException e) {
            throw new HarnessException("cannot read the creation time of \"" + label + "\": " + e.getMessage(), e);
        }
        if (read == null) {
            throw new HarnessException("the service gave no creation time for \"" + label + "\"");
        }
        created.put(label, read);
        return read;
    }

    /** Reads and remembers the creation time, if the sender can read the message back; never fails. */
    public void tryToLearnCreationTime(String label) {
        try {
            createdAt(label);
        } catch (HarnessException notReadable) {
            // e.g. a message held by a channel flow: the time is read later, if a step needs it.
        }
    }

    /** A moment strictly between the creation times of two messages, the first created before the second. */
    public Instant between(String earlier, String later) {
        Instant from = createdAt(earlier);
        Instant to = createdAt(later);
        if (!from.isBefore(to)) {
            throw new HarnessException("\"" + earlier + "\" (" + from + ") was not created before \"" + later
                    + "\" (" + to + "): no moment lies between them");
        }
        return from.plus(Duration.between(from, to).dividedBy(2));
    }

    /** Makes a write whose time a scenario compares: spaced out from the last one, and marked as the last. */
    public <T> T timed(Supplier<T> write) {
        spaceOut();
        T result = write.get();
        written();
        return result;
    }

    /** Waits, if need be, until the last timed write is a few milliseconds in the past. */
    private void spaceOut() {
        if (lastWrite == null) {
            return;
        }
        long until = lastWrite + SPACING_NANOS;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Marks the end of a timed write. */
    private void written() {
        lastWrite = System.nanoTime();
    }

    /** What a listing showed, tied to the outcome of the {@code When} that listed. */
    private record Seen(Outcome outcome, List<ChannelMessageSummary> messages) {
    }

    /**
     * Remembers the messages the last listing showed, in order: one page, or every page of a paging run
     * (whose outcome is that of its last page).
     */
    public void seen(List<ChannelMessageSummary> messages) {
        seen = new Seen(world.outcome(), List.copyOf(messages));
    }

    /**
     * The messages the last {@code When} listed, asserting it succeeded. A listing made by a step that
     * does not record what it saw is read from its response.
     */
    public List<ChannelMessageSummary> seen() {
        Outcome outcome = world.outcome();
        ListChannelMessagesResponse page = outcome.response(ListChannelMessagesResponse.class);
        if (seen != null && seen.outcome() == outcome) {
            return seen.messages();
        }
        return page.channelMessages();
    }

    /**
     * The ID of the message a feature quotes: one a Given step remembered, or else the one the When step
     * just sent (a send step need not remember what it sent).
     */
    public String messageId(String label) {
        try {
            return world.message(label);
        } catch (HarnessException notRemembered) {
            Outcome outcome = world.outcome();
            if (outcome.response() instanceof SendChannelMessageResponse sent && sent.messageId() != null) {
                world.rememberMessage(label, sent.messageId());
                return sent.messageId();
            }
            throw notRemembered;
        }
    }

    /** The label of a listed message, or its ID if the scenario did not post it. */
    public String labelOf(String messageId) {
        return posted.values().stream()
                .filter(p -> p.messageId().equals(messageId))
                .map(Posted::label)
                .findFirst()
                .orElse("message " + messageId);
    }
}
