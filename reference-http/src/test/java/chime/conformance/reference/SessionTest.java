package chime.conformance.reference;

import chime.conformance.reference.core.session.MessagingSession;
import chime.conformance.reference.core.session.MessagingSessions;
import chime.conformance.reference.core.session.SessionEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messaging session: who receives which event, in which shape and order (the SESS rules). */
class SessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(200);

    private final Fixture f = new Fixture();
    private final MessagingSessions sessions = f.service.sessions();
    private final String channel = f.bookClub();

    @AfterEach
    void close() {
        f.close();
    }

    private MessagingSession connect(String user) throws InterruptedException {
        MessagingSession session = sessions.connect(user, "s-" + user.hashCode());
        SessionEvent first = session.next(WAIT);
        assertThat(first.eventType(), equalTo("SESSION_ESTABLISHED"));
        return session;
    }

    private String send(String sender, String content, ChannelMessagePersistenceType persistence) {
        return f.messaging.sendChannelMessage(r -> r.chimeBearer(sender).channelArn(channel).content(content)
                .type(ChannelMessageType.STANDARD).persistence(persistence)).messageId();
    }

    private static SessionEvent next(MessagingSession session) throws InterruptedException {
        SessionEvent event = session.next(WAIT);
        assertThat("no event within " + WAIT, event, notNullValue());
        return event;
    }

    private static JsonNode payload(SessionEvent event) throws Exception {
        return JSON.readTree(event.payload());
    }

    @Test
    void sessionEstablishedComesFirstWithoutPayload() throws Exception {
        MessagingSession session = sessions.connect(f.bob, "1");
        SessionEvent first = next(session);
        JsonNode frame = JSON.readTree(first.frame());
        assertThat(frame.get("Headers").get("x-amz-chime-event-type").asText(), equalTo("SESSION_ESTABLISHED"));
        assertThat(frame.get("Headers").get("x-amz-chime-message-type").asText(), equalTo("SYSTEM"));
        assertThat(frame.has("Payload"), is(false));
    }

    @Test
    void membersAndTheSenderReceiveAMessageInTheDocumentedShape() throws Exception {
        MessagingSession bob = connect(f.bob);
        MessagingSession alice = connect(f.alice);
        MessagingSession carol = connect(f.carol);
        String id = send(f.alice, "Chapter 3 tonight?", ChannelMessagePersistenceType.PERSISTENT);
        for (MessagingSession member : List.of(bob, alice)) {
            SessionEvent event = next(member);
            assertThat(event.eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
            assertThat(event.messageType(), equalTo("STANDARD"));
            JsonNode frame = JSON.readTree(event.frame());
            assertTrue(frame.get("Payload").isTextual(), "the payload is a string");
            JsonNode message = JSON.readTree(frame.get("Payload").asText());
            assertThat(message.get("MessageId").asText(), equalTo(id));
            assertThat(message.get("ChannelArn").asText(), equalTo(channel));
            assertThat(message.get("Content").asText(), equalTo("Chapter 3 tonight?"));
            assertThat(message.get("Sender").get("Arn").asText(), equalTo(f.alice));
            assertThat(message.get("Sender").get("Name").asText(), equalTo("Alice"));
            assertThat(message.get("Status").get("Value").asText(), equalTo("SENT"));
            assertThat(message.get("Persistence").asText(), equalTo("PERSISTENT"));
            assertThat(message.get("CreatedTimestamp").asText(),
                    matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        }
        assertThat(carol.next(QUIET), nullValue());
    }

    @Test
    void deliveryFaultsInjectedTogetherAreAllInForce() throws Exception {
        // run --fault A,B injects several delivery faults into one service: each must act, none replace another.
        sessions.hub().injectFault(chime.conformance.reference.core.session.SessionFault.NON_MEMBER_RECEIVES);
        sessions.hub().injectFault(chime.conformance.reference.core.session.SessionFault.NON_PERSISTENT_DROPPED);
        MessagingSession bob = connect(f.bob);
        MessagingSession carol = connect(f.carol);
        send(f.alice, "typing", ChannelMessagePersistenceType.NON_PERSISTENT);
        send(f.alice, "Chapter 3 tonight?", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(payload(next(bob)).get("Content").asText(), equalTo("Chapter 3 tonight?"));
        assertThat(payload(next(carol)).get("Content").asText(), equalTo("Chapter 3 tonight?"));

        sessions.hub().injectFault(chime.conformance.reference.core.session.SessionFault.NONE);
        send(f.alice, "Chapter 4 next week", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(payload(next(bob)).get("Content").asText(), equalTo("Chapter 4 next week"));
        assertThat(carol.next(QUIET), nullValue());
    }

    @Test
    void nonPersistentAndControlMessagesAreDelivered() throws Exception {
        MessagingSession bob = connect(f.bob);
        send(f.alice, "typing", ChannelMessagePersistenceType.NON_PERSISTENT);
        f.messaging.sendChannelMessage(r -> r.chimeBearer(f.alice).channelArn(channel).content("ping")
                .type(ChannelMessageType.CONTROL).persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
        SessionEvent transientEvent = next(bob);
        assertThat(payload(transientEvent).get("Persistence").asText(), equalTo("NON_PERSISTENT"));
        SessionEvent control = next(bob);
        assertThat(control.messageType(), equalTo("CONTROL"));
        assertThat(payload(control).get("Content").asText(), equalTo("ping"));
        assertThat(f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)).channelMessages(),
                hasSize(0));
    }

    @Test
    void editsRedactionsAndDeletionsFollowInCommitOrder() throws Exception {
        MessagingSession bob = connect(f.bob);
        String id = send(f.alice, "v1", ChannelMessagePersistenceType.PERSISTENT);
        f.messaging.updateChannelMessage(r -> r.chimeBearer(f.alice).channelArn(channel).messageId(id).content("v2"));
        f.messaging.redactChannelMessage(r -> r.chimeBearer(f.alice).channelArn(channel).messageId(id));
        f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada).channelArn(channel).messageId(id));
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            types.add(next(bob).eventType());
        }
        assertThat(types, contains("CREATE_CHANNEL_MESSAGE", "UPDATE_CHANNEL_MESSAGE", "REDACT_CHANNEL_MESSAGE",
                "DELETE_CHANNEL_MESSAGE"));
    }

    @Test
    void membershipEventsReachTheMembersAndTheUserConcerned() throws Exception {
        MessagingSession bob = connect(f.bob);
        MessagingSession carol = connect(f.carol);
        f.member(channel, f.carol);
        assertThat(next(bob).eventType(), equalTo("CREATE_CHANNEL_MEMBERSHIP"));
        SessionEvent joined = next(carol);
        assertThat(joined.eventType(), equalTo("CREATE_CHANNEL_MEMBERSHIP"));
        assertThat(payload(joined).get("Member").get("Arn").asText(), equalTo(f.carol));
        f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.carol).channelArn(channel).memberArn(f.carol));
        assertThat(next(bob).eventType(), equalTo("DELETE_CHANNEL_MEMBERSHIP"));
        assertThat(next(carol).eventType(), equalTo("DELETE_CHANNEL_MEMBERSHIP"));
        send(f.alice, "after", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(next(bob).eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
        assertThat(carol.next(QUIET), nullValue());
    }

    @Test
    void aBatchIsOneEvent() throws Exception {
        MessagingSession bob = connect(f.bob);
        f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                .memberArns(f.carol, f.mallory));
        SessionEvent batch = next(bob);
        assertThat(batch.eventType(), equalTo("BATCH_CREATE_CHANNEL_MEMBERSHIP"));
        assertThat(payload(batch).get("Members"), notNullValue());
        assertThat(payload(batch).get("Members").size(), equalTo(2));
        assertThat(bob.next(QUIET), nullValue());
    }

    @Test
    void aBannedMemberStopsReceiving() throws Exception {
        f.member(channel, f.mallory);
        MessagingSession mallory = connect(f.mallory);
        f.messaging.createChannelBan(r -> r.chimeBearer(f.alice).channelArn(channel).memberArn(f.mallory));
        assertThat(next(mallory).eventType(), equalTo("DELETE_CHANNEL_MEMBERSHIP"));
        send(f.alice, "without Mallory", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(mallory.next(QUIET), nullValue());
    }

    @Test
    void adminsAndModeratorsReceiveOnlyAsMembers() throws Exception {
        f.moderator(channel, f.carol);
        MessagingSession ada = connect(f.ada);
        MessagingSession carol = connect(f.carol);
        send(f.alice, "members only", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(ada.next(QUIET), nullValue());
        assertThat(carol.next(QUIET), nullValue());
    }

    @Test
    void hiddenMembersObserveAndTheirMembershipIsNotAnnounced() throws Exception {
        MessagingSession bob = connect(f.bob);
        MessagingSession carol = connect(f.carol);
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.alice).channelArn(channel).memberArn(f.carol)
                .type(ChannelMembershipType.HIDDEN));
        assertThat(next(carol).eventType(), equalTo("CREATE_CHANNEL_MEMBERSHIP"));
        send(f.alice, "observed", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(next(bob).eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
        assertThat(next(carol).eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
    }

    @Test
    void channelUpdatesAndDeletionReachMembers() throws Exception {
        MessagingSession bob = connect(f.bob);
        f.messaging.updateChannel(r -> r.chimeBearer(f.alice).channelArn(channel).name("renamed"));
        SessionEvent updated = next(bob);
        assertThat(updated.eventType(), equalTo("UPDATE_CHANNEL"));
        assertThat(payload(updated).get("Name").asText(), equalTo("renamed"));
        f.messaging.deleteChannel(r -> r.chimeBearer(f.alice).channelArn(channel));
        assertThat(next(bob).eventType(), equalTo("DELETE_CHANNEL"));
    }

    @Test
    void flowResultsGoToTheSenderAndTheSentMessageToEveryone() throws Exception {
        String flowArn = f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("deny")
                .clientRequestToken("flow-1").processors(FlowTest.processor("p", f.service.processors().denyArn(), 1,
                        FallbackAction.CONTINUE))).channelFlowArn();
        f.messaging.associateChannelFlow(r -> r.chimeBearer(f.ada).channelArn(channel).channelFlowArn(flowArn));
        MessagingSession alice = connect(f.alice);
        MessagingSession bob = connect(f.bob);
        send(f.alice, "denied", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(next(alice).eventType(), equalTo("PENDING_CREATE_CHANNEL_MESSAGE"));
        SessionEvent denied = next(alice);
        assertThat(denied.eventType(), equalTo("DENIED_CREATE_CHANNEL_MESSAGE"));
        assertThat(payload(denied).get("Status").get("Value").asText(), equalTo("DENIED"));
        assertThat(bob.next(QUIET), nullValue());
    }

    @Test
    void prefetchSendsChannelDetailsAfterEstablishment() throws Exception {
        send(f.alice, "history", ChannelMessagePersistenceType.PERSISTENT);
        MessagingSession bob = sessions.connect(f.bob, "7", true);
        assertThat(next(bob).eventType(), equalTo("SESSION_ESTABLISHED"));
        SessionEvent details = next(bob);
        assertThat(details.eventType(), equalTo("CHANNEL_DETAILS"));
        JsonNode body = payload(details);
        assertThat(body.get("Channel").get("ChannelArn").asText(), equalTo(channel));
        assertThat(body.get("ChannelMessages").get(0).get("Content").asText(), equalTo("history"));
        assertThat(body.get("ChannelMessagesHasMore").asBoolean(), is(false));
        assertThat(body.get("ChannelMemberships").size(), equalTo(2));
    }

    @Test
    void unknownUsersAreRefusedWith4401() {
        MessagingSessions.Refused refused = assertThrows(MessagingSessions.Refused.class,
                () -> sessions.connect(f.appInstanceArn + "/user/nobody", "1"));
        assertThat(refused.code(), equalTo(4401));
        assertThrows(MessagingSessions.Refused.class, () -> sessions.connect(f.bob, ""));
    }

    @Test
    void everySessionOfAUserReceivesAndADeletedUserIsDisconnected() throws Exception {
        MessagingSession phone = sessions.connect(f.bob, "phone");
        MessagingSession laptop = sessions.connect(f.bob, "laptop");
        next(phone);
        next(laptop);
        send(f.alice, "both", ChannelMessagePersistenceType.PERSISTENT);
        assertThat(next(phone).eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
        assertThat(next(laptop).eventType(), equalTo("CREATE_CHANNEL_MESSAGE"));
        f.identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(f.bob));
        assertThat(phone.closeStatus().code(), equalTo(4003));
        assertThat(laptop.closeStatus().code(), equalTo(4003));
    }

    @Test
    void aSessionThatFallsBehindIsClosedAndTheSenderNeverWaits() throws Exception {
        MessagingSession slow = sessions.connect(f.bob, "slow");
        MessagingSession keepsUp = sessions.connect(f.alice, "fast");
        next(keepsUp);
        CountDownLatch done = new CountDownLatch(1);
        int count = 1500;
        List<String> received = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                while (received.size() < count) {
                    SessionEvent event = keepsUp.next(WAIT);
                    if (event == null) {
                        return;
                    }
                    received.add(event.eventType());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        });
        reader.start();
        for (int i = 0; i < count; i++) {
            send(f.alice, "m" + i, ChannelMessagePersistenceType.NON_PERSISTENT);
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertThat(received, hasSize(count));
        assertThat(slow.closeStatus(), notNullValue());
        assertThat(slow.closeStatus().code(), equalTo(MessagingSession.CLOSE_FELL_BEHIND));
        assertThat(f.service.sessions().hub().sessionsOf(f.bob), hasSize(0));
    }
}
