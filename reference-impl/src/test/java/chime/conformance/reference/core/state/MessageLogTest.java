package chime.conformance.reference.core.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.MessageStatus;
import chime.conformance.reference.core.paging.Paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The log of a channel's messages: order, windows, lookup by ID, deletes and compaction, the two views. */
class MessageLogTest {

    private static final String CHANNEL = "arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c";
    private static final Identity ALICE = new Identity("arn:aws:chime:us-east-1:111122223333:app-instance/a/user/alice", "Alice");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static ChannelMessage message(String id, int i) {
        Instant at = T0.plusMillis(i);
        return new ChannelMessage(CHANNEL, id, "m" + i, null, ChannelMessageType.STANDARD,
                ChannelMessagePersistenceType.PERSISTENT, ALICE, at, null, at, false, MessageStatus.SENT);
    }

    private static List<String> contents(Paging.Walk<MessageKey, ChannelMessage> walk) {
        List<String> seen = new ArrayList<>();
        while (walk.hasNext()) {
            ChannelMessage m = walk.next();
            if (m != null) {
                seen.add(m.content());
            }
        }
        return seen;
    }

    @Test
    void keepsOrderWindowsAndIdsThroughDeletesAndCompaction() {
        MessageLog log = new MessageLog();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = i % 2 == 0 ? UUID.randomUUID().toString() : "id-" + i; // both encodings of a MessageId
            ids.add(id);
            ChannelMessage m = message(id, i);
            StoredMessage stored = StoredMessage.delivered(new MessageKey(m.createdTimestamp(), i + 1), m);
            if (i % 3 == 0) {
                log.append(stored); // a message the service has just created: no look-up for one to replace
            } else {
                log.put(stored);
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i < 250 && i % 5 != 0) {
                assertThat(log.remove(ids.get(i)).latest().content(), is("m" + i));
            } else {
                expected.add("m" + i);
            }
        }
        assertThat(log.remove(ids.get(1)), nullValue());
        assertThat(contents(log.walk(false, null, null, null, "anyone")), equalTo(expected));
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(contents(log.walk(true, null, null, null, "anyone")), equalTo(reversed));
        for (int i = 0; i < 300; i++) {
            StoredMessage found = log.find(ids.get(i));
            if (expected.contains("m" + i)) {
                assertThat(found.latest().messageId(), is(ids.get(i)));
                assertThat(found.key(), is(new MessageKey(T0.plusMillis(i), i + 1)));
            } else {
                assertThat(found, nullValue());
            }
        }
        // NotBefore and NotAfter inclusive, and a position to resume after, in either order.
        assertThat(contents(log.walk(false, T0.plusMillis(250), T0.plusMillis(252), null, "x")),
                contains("m250", "m251", "m252"));
        assertThat(contents(log.walk(true, T0.plusMillis(240), T0.plusMillis(255), new MessageKey(T0.plusMillis(252), 253),
                "x")), contains("m251", "m250", "m245", "m240"));
        assertThat(contents(log.walk(false, T0.plusMillis(251).plusNanos(1), null, new MessageKey(T0.plusMillis(297), 298),
                "x")), contains("m298", "m299"));
        assertThat(contents(log.walk(false, T0.plusMillis(400), null, null, "x")), empty());
    }

    @Test
    void aRestoredMessageOutOfOrderTakesItsPlaceAndAnEditKeepsIt() {
        MessageLog log = new MessageLog();
        ChannelMessage late = message("late", 5);
        ChannelMessage early = message("early", 1);
        log.put(StoredMessage.delivered(new MessageKey(late.createdTimestamp(), 5), late));
        log.put(StoredMessage.delivered(new MessageKey(early.createdTimestamp(), 1), early));
        assertThat(contents(log.walk(false, null, null, null, "x")), contains("m1", "m5"));

        ChannelMessage edited = early.edited("m1 edited", null, T0.plusMillis(9), MessageStatus.PENDING);
        log.put(new StoredMessage(new MessageKey(early.createdTimestamp(), 1), edited, early));
        assertThat("the sender sees its edit", contents(log.walk(false, null, null, null, ALICE.arn())),
                contains("m1 edited", "m5"));
        assertThat("others see the published version", contents(log.walk(false, null, null, null, "x")),
                contains("m1", "m5"));
        assertThat(log.all().size(), is(2));
    }
}
