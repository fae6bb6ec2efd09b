package chime.conformance.runner.steps;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;

/**
 * What a scenario knows about the messages it posted (by the label a feature gives them, usually their
 * first content), what its last listing showed, and when the service created each message. Shared by the
 * step classes about messages, read markers, sizes, idempotency and paging through the scenario's World.
 */
final class MessageLedger {

    /** A message a step posted: everything needed to check what the service gives back. */
    record Posted(String label, String channel, String messageId, String posterName, String posterArn,
                  String content, String metadata, ChannelMessageType type,
                  ChannelMessagePersistenceType persistence) {
    }

    private static final String POSTED = "messages.posted";
    private static final String CREATED = "messages.created";
    private static final String SEEN = "messages.seen";
    private static final String LAST_WRITE = "messages.last-write-nanos";

    /**
     * Writes whose times a scenario compares (posts, edits, read markers) are spaced this far apart, so
     * that a service stamping times to the millisecond gives each a later time than the one before.
     * This is not a wait for a time window to pass: every time bound is taken from the service's own
     * CreatedTimestamps, never from the kit's clock.
     */
    private static final long SPACING_NANOS = Duration.ofMillis(3).toNanos();

    private MessageLedger() {
    }

    /** Remembers a posted message; a label already known keeps the message it was first given to. */
    static void record(World world, Posted posted) {
        Map<String, Posted> all = postedMessages(world);
        if (!all.containsKey(posted.label())) {
            all.put(posted.label(), posted);
            world.rememberMessage(posted.label(), posted.messageId());
        }
    }

    static boolean knows(World world, String label) {
        return postedMessages(world).containsKey(label);
    }

    static Posted posted(World world, String label) {
        Posted posted = postedMessages(world).get(label);
        if (posted == null) {
            throw new HarnessException("the scenario names message \"" + label + "\" before posting it");
        }
        return posted;
    }

    /** The service's CreatedTimestamp of a posted message, read once by its sender and then remembered. */
    static Instant createdAt(World world, String label) {
        Map<String, Instant> created = createdTimes(world);
        Instant known = created.get(label);
        if (known != null) {
            return known;
        }
        Posted posted = posted(world, label);
        Instant read;
        try {
            read = world.messaging().getChannelMessage(r -> r
                    .channelArn(world.channel(posted.channel()))
                    .messageId(posted.messageId())
                    .chimeBearer(posted.posterArn())).channelMessage().createdTimestamp();
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
    static void tryToLearnCreationTime(World world, String label) {
        try {
            createdAt(world, label);
        } catch (HarnessException notReadable) {
            // e.g. a message held by a channel flow: the time is read later, if a step needs it.
        }
    }

    /** A moment strictly between the creation times of two messages, the first created before the second. */
    static Instant between(World world, String earlier, String later) {
        Instant from = createdAt(world, earlier);
        Instant to = createdAt(world, later);
        if (!from.isBefore(to)) {
            throw new HarnessException("\"" + earlier + "\" (" + from + ") was not created before \"" + later
                    + "\" (" + to + "): no moment lies between them");
        }
        return from.plus(Duration.between(from, to).dividedBy(2));
    }

    /** Waits, if need be, until the last timed write is a few milliseconds in the past. */
    static void spaceOut(World world) {
        Long last = world.note(LAST_WRITE);
        if (last == null) {
            return;
        }
        long until = last + SPACING_NANOS;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Marks the end of a timed write. */
    static void written(World world) {
        world.note(LAST_WRITE, System.nanoTime());
    }

    /** What a listing showed, tied to the outcome of the {@code When} that listed. */
    private record Seen(Outcome outcome, List<ChannelMessageSummary> messages) {
    }

    /**
     * Remembers the messages the last listing showed, in order: one page, or every page of a paging run
     * (whose outcome is that of its last page).
     */
    static void seen(World world, List<ChannelMessageSummary> messages) {
        world.note(SEEN, new Seen(world.outcome(), List.copyOf(messages)));
    }

    /**
     * The messages the last {@code When} listed, asserting it succeeded. A listing made by a step that
     * does not record what it saw is read from its response.
     */
    static List<ChannelMessageSummary> seen(World world) {
        Outcome outcome = world.outcome();
        ListChannelMessagesResponse page = outcome.response(ListChannelMessagesResponse.class);
        Seen seen = world.note(SEEN);
        if (seen != null && seen.outcome() == outcome) {
            return seen.messages();
        }
        return page.channelMessages();
    }

    /** The label of a listed message, or its ID if the scenario did not post it. */
    static String labelOf(World world, String messageId) {
        return postedMessages(world).values().stream()
                .filter(p -> p.messageId().equals(messageId))
                .map(Posted::label)
                .findFirst()
                .orElse("message " + messageId);
    }

    private static Map<String, Posted> postedMessages(World world) {
        Map<String, Posted> all = world.note(POSTED);
        if (all == null) {
            all = new LinkedHashMap<>();
            world.note(POSTED, all);
        }
        return all;
    }

    private static Map<String, Instant> createdTimes(World world) {
        Map<String, Instant> all = world.note(CREATED);
        if (all == null) {
            all = new LinkedHashMap<>();
            world.note(CREATED, all);
        }
        return all;
    }
}
