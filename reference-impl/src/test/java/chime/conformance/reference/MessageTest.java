package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.SortOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final Fixture f = new Fixture(ReferenceService.builder().clock(clock).build());
    private final String channel = f.bookClub();

    @AfterEach
    void close() {
        f.close();
    }

    private SendChannelMessageResponse send(String bearer, String content) {
        return f.messaging.sendChannelMessage(r -> r.chimeBearer(bearer).channelArn(channel).content(content)
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT));
    }

    private ChannelMessage get(String bearer, String messageId) {
        return f.messaging.getChannelMessage(r -> r.chimeBearer(bearer).channelArn(channel).messageId(messageId))
                .channelMessage();
    }

    private List<String> contents(String bearer, SortOrder order) {
        return f.messaging.listChannelMessages(r -> r.chimeBearer(bearer).channelArn(channel).sortOrder(order))
                .channelMessages().stream().map(ChannelMessageSummary::content).toList();
    }

    @Test
    void aMemberSendsAndEveryoneInTheAppInstanceReadsAPublicChannel() {
        // MSG-001, MSG-002, MSG-006, MSG-007, STAT-002, AUTH-021, HTTP-001
        SendChannelMessageResponse sent = send(f.bob, "Chapter 3 tonight?");
        assertThat(sent.sdkHttpResponse().statusCode(), equalTo(201));
        assertThat(sent.messageId(), matchesPattern("[-_a-zA-Z0-9]{1,128}"));
        assertThat(sent.status().value(), equalTo(ChannelMessageStatus.SENT));
        ChannelMessage message = get(f.carol, sent.messageId());
        assertThat(message.content(), equalTo("Chapter 3 tonight?"));
        assertThat(message.sender().arn(), equalTo(f.bob));
        assertThat(message.sender().name(), equalTo("Bob"));
        assertThat(message.redacted(), is(false));
        assertThat(message.persistence(), equalTo(ChannelMessagePersistenceType.PERSISTENT));
        assertThat(message.type(), equalTo(ChannelMessageType.STANDARD));
        assertThat(message.status().value(), equalTo(ChannelMessageStatus.SENT));
        assertThat(message.metadata(), nullValue());
        assertThat(message.lastEditedTimestamp(), nullValue());
        assertThat(contents(f.carol, null), contains("Chapter 3 tonight?"));
        // CHAN-014
        assertThat(f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel)).channel()
                .lastMessageTimestamp(), equalTo(message.createdTimestamp()));
    }

    @Test
    void onlyDefaultMembersSend() {
        // AUTH-021, AUTH-023, MEMB-018
        assertThrows(ForbiddenException.class, () -> send(f.carol, "Hello?"));
        f.moderator(channel, f.mallory);
        assertThrows(ForbiddenException.class, () -> send(f.mallory, "I moderate"));
        assertThrows(ForbiddenException.class, () -> send(f.ada, "I administer"));
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.carol)
                .type(ChannelMembershipType.HIDDEN));
        assertThrows(ForbiddenException.class, () -> send(f.carol, "I hide"));
        send(f.alice, "I created the channel");
    }

    @Test
    void privateChannelsAreReadByMembersAndModeratorsOnly() {
        // AUTH-018, AUTH-022
        String secret = f.channel(f.alice, "secret", ChannelMode.UNRESTRICTED, ChannelPrivacy.PRIVATE);
        f.member(secret, f.bob);
        String id = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(secret).content("psst")
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)).messageId();
        assertThrows(ForbiddenException.class, () -> f.messaging.listChannelMessages(r -> r.chimeBearer(f.carol)
                .channelArn(secret)));
        assertThrows(ForbiddenException.class, () -> f.messaging.getChannelMessage(r -> r.chimeBearer(f.carol)
                .channelArn(secret).messageId(id)));
        f.moderator(secret, f.carol);
        assertThat(f.messaging.listChannelMessages(r -> r.chimeBearer(f.carol).channelArn(secret)).channelMessages()
                .size(), equalTo(1));
    }

    @Test
    void nonPersistentMessagesAreNeverStored() {
        // MSG-005, CHAN-014 (model: last persistent message)
        var sent = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("typing...")
                .type(ChannelMessageType.CONTROL).persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
        assertThat(sent.messageId(), not(equalTo(null)));
        assertThrows(NotFoundException.class, () -> get(f.bob, sent.messageId()));
        assertThat(contents(f.bob, null), empty());
        assertThat(f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel)).channel()
                .lastMessageTimestamp(), nullValue());
    }

    @Test
    void standardMessagesHold4096BytesAnd1024BytesOfMetadata() {
        // SIZE-001, SIZE-002, SIZE-005, MSG-008
        send(f.bob, "a".repeat(4096));
        send(f.bob, "é".repeat(2048));
        assertThrows(BadRequestException.class, () -> send(f.bob, "a".repeat(4097)));
        assertThrows(BadRequestException.class, () -> send(f.bob, "é".repeat(2048) + "a"));
        assertThrows(BadRequestException.class, () -> send(f.bob, ""));
        String metadata = "ü".repeat(512);
        String id = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("x")
                .metadata(metadata).type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT))
                .messageId();
        assertThat(get(f.bob, id).metadata(), equalTo(metadata));
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("x").metadata("m".repeat(1025)).type(ChannelMessageType.STANDARD)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)));
    }

    @Test
    void controlMessagesHold30BytesAndNoMetadata() {
        // SIZE-003, SIZE-004
        f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("c".repeat(30))
                .type(ChannelMessageType.CONTROL).persistence(ChannelMessagePersistenceType.PERSISTENT));
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("c".repeat(31)).type(ChannelMessageType.CONTROL)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)));
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("c").metadata("m").type(ChannelMessageType.CONTROL)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)));
    }

    @Test
    void typeAndPersistenceAreRequiredEnums() {
        // MSG-003, MSG-004
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("x").persistence(ChannelMessagePersistenceType.PERSISTENT)));
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("x").type(ChannelMessageType.STANDARD)));
        assertThrows(BadRequestException.class, () -> f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).content("x").type(ChannelMessageType.STANDARD).persistence("true")));
    }

    @Test
    void theSenderEditsAndTheListShowsTheLatestVersionOnce() {
        // MSG-009 to MSG-014, AUTH-020
        String id = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("v1")
                .metadata("meta").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT))
                .messageId();
        ChannelMessage original = get(f.bob, id);
        clock.advance(Duration.ofSeconds(1));
        var response = f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(id)
                .content("v2"));
        assertThat(response.status().value(), equalTo(ChannelMessageStatus.SENT));
        f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(id).content("v3"));
        ChannelMessage edited = get(f.carol, id);
        assertThat(edited.content(), equalTo("v3"));
        assertThat(edited.metadata(), equalTo("meta"));
        assertThat(edited.lastEditedTimestamp(), greaterThanOrEqualTo(original.createdTimestamp()));
        assertThat(edited.lastUpdatedTimestamp(), greaterThan(original.lastUpdatedTimestamp()));
        assertThat(edited.createdTimestamp(), equalTo(original.createdTimestamp()));
        assertThat(contents(f.carol, null), contains("v3"));
        f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(id).metadata("m2"));
        assertThat(get(f.bob, id).metadata(), equalTo("m2"));
        assertThat(get(f.bob, id).content(), equalTo("v3"));
    }

    @Test
    void nobodyElseEditsAMessage() {
        // AUTH-020, SIZE-007
        String id = send(f.bob, "mine").messageId();
        f.member(channel, f.carol);
        f.moderator(channel, f.alice);
        for (String other : List.of(f.carol, f.alice, f.ada)) {
            assertThrows(ForbiddenException.class, () -> f.messaging.updateChannelMessage(r -> r.chimeBearer(other)
                    .channelArn(channel).messageId(id).content("theirs")));
        }
        assertThrows(BadRequestException.class, () -> f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(id).content("a".repeat(4097))));
    }

    @Test
    void onlyAdminsDeleteMessages() {
        // AUTH-007, MOD-006, MSG-015, MSG-016, HTTP-002
        String id = send(f.bob, "delete me").messageId();
        send(f.bob, "keep me");
        f.moderator(channel, f.alice);
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(id)));
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.alice)
                .channelArn(channel).messageId(id)));
        assertThat(get(f.bob, id).content(), equalTo("delete me"));
        var response = f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada).channelArn(channel).messageId(id));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(204));
        assertThrows(NotFoundException.class, () -> get(f.bob, id));
        assertThat(contents(f.bob, SortOrder.ASCENDING), contains("keep me"));
        assertThat(contents(f.bob, SortOrder.DESCENDING), contains("keep me"));
        assertThrows(NotFoundException.class, () -> f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(id).content("again")));
        assertThrows(NotFoundException.class, () -> f.messaging.redactChannelMessage(r -> r.chimeBearer(f.ada)
                .channelArn(channel).messageId(id)));
    }

    @Test
    void redactionClearsContentAndMetadataButKeepsPosition() {
        // MSG-018 to MSG-020, AUTH-017, MOD-006 (Alice, the creator, moderates the channel: CHAN-026)
        send(f.bob, "first");
        String id = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("rude")
                .metadata("keep").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT))
                .messageId();
        send(f.bob, "last");
        f.member(channel, f.carol);
        assertThrows(ForbiddenException.class, () -> f.messaging.redactChannelMessage(r -> r.chimeBearer(f.carol)
                .channelArn(channel).messageId(id)));
        var response = f.messaging.redactChannelMessage(r -> r.chimeBearer(f.alice).channelArn(channel).messageId(id));
        assertThat(response.messageId(), equalTo(id));
        assertThat(response.channelArn(), equalTo(channel));
        ChannelMessage redacted = get(f.carol, id);
        assertThat(redacted.redacted(), is(true));
        assertThat(redacted.content(), nullValue());
        // The current API Reference: "Redacts message content and metadata".
        assertThat(redacted.metadata(), nullValue());
        List<ChannelMessageSummary> listed = f.messaging.listChannelMessages(r -> r.chimeBearer(f.carol)
                .channelArn(channel).sortOrder(SortOrder.ASCENDING)).channelMessages();
        assertThat(listed.stream().map(ChannelMessageSummary::messageId).toList().indexOf(id), equalTo(1));
        assertThat(listed.get(1).redacted(), is(true));
        assertThat(listed.get(1).metadata(), nullValue());
        // A redacted message cannot be edited (kit decision).
        assertThrows(ConflictException.class, () -> f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(id).content("sorry")));
    }

    @Test
    void aMemberRedactsItsOwnMessagesOnly() {
        // AUTH-025, AUTH-017
        String own = send(f.bob, "oops").messageId();
        f.member(channel, f.carol);
        String other = send(f.carol, "mine").messageId();
        assertThrows(ForbiddenException.class, () -> f.messaging.redactChannelMessage(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(other)));
        f.messaging.redactChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(own));
        assertThat(get(f.carol, own).redacted(), is(true));
        assertThat(get(f.carol, other).redacted(), is(false));
    }

    @Test
    void messagesAreSortedByCreationAndFilteredByInclusiveTimeBounds() {
        // MSG-021 to MSG-024, PAGE-004
        Instant[] times = new Instant[4];
        for (int i = 0; i < 4; i++) {
            String content = "m" + i;
            times[i] = get(f.bob, send(f.bob, content).messageId()).createdTimestamp();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(contents(f.bob, null), contains("m3", "m2", "m1", "m0"));
        assertThat(contents(f.bob, SortOrder.ASCENDING), contains("m0", "m1", "m2", "m3"));
        var window = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)
                .notBefore(times[1]).notAfter(times[2]).sortOrder(SortOrder.ASCENDING)).channelMessages();
        assertThat(window.stream().map(ChannelMessageSummary::content).toList(), contains("m1", "m2"));
        var reversed = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)
                .notBefore(times[2]).notAfter(times[1])).channelMessages();
        assertThat(reversed, empty());
        // Paging keeps the window and the order.
        var page1 = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)
                .notBefore(times[1]).maxResults(2));
        assertThat(page1.channelMessages().stream().map(ChannelMessageSummary::content).toList(), contains("m3", "m2"));
        var page2 = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)
                .notBefore(times[1]).maxResults(2).nextToken(page1.nextToken()));
        assertThat(page2.channelMessages().stream().map(ChannelMessageSummary::content).toList(), contains("m1"));
        assertThat(page2.nextToken(), nullValue());
        assertThrows(BadRequestException.class, () -> f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob)
                .channelArn(channel).sortOrder(SortOrder.ASCENDING).maxResults(2).nextToken(page1.nextToken())));
    }

    @Test
    void messagesSentInTheSameMillisecondStillHaveDistinctOrderedTimestamps() {
        // MSG-022: the test clock stands still, yet order is total.
        send(f.bob, "a");
        send(f.bob, "b");
        send(f.bob, "c");
        var listed = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(channel)
                .sortOrder(SortOrder.ASCENDING)).channelMessages();
        assertThat(listed.stream().map(ChannelMessageSummary::content).toList(), contains("a", "b", "c"));
        assertThat(listed.get(1).createdTimestamp(), greaterThan(listed.get(0).createdTimestamp()));
        assertThat(listed.get(2).createdTimestamp(), greaterThan(listed.get(1).createdTimestamp()));
    }

    @Test
    void theSameTokenAndMessageSendOnce() {
        // IDEM-003, IDEM-004, IDEM-006
        SendChannelMessageRequest request = SendChannelMessageRequest.builder().chimeBearer(f.bob).channelArn(channel)
                .content("once").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken("send-token-1").build();
        String first = f.messaging.sendChannelMessage(request).messageId();
        assertThat(f.messaging.sendChannelMessage(request).messageId(), equalTo(first));
        assertThat(contents(f.bob, null), contains("once"));
        assertThrows(ConflictException.class, () -> f.messaging.sendChannelMessage(request.toBuilder().content("twice").build()));
        SendChannelMessageRequest noToken = request.toBuilder().clientRequestToken(null).build();
        assertThat(f.messaging.sendChannelMessage(noToken).messageId(),
                not(equalTo(f.messaging.sendChannelMessage(noToken).messageId())));
    }

    @Test
    void onlyTheSenderGetsTheStatus() {
        // STAT-002, STAT-009, AUTH-008
        String id = send(f.bob, "status?").messageId();
        var status = f.messaging.getChannelMessageStatus(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(id));
        assertThat(status.status().value(), equalTo(ChannelMessageStatus.SENT));
        f.member(channel, f.carol);
        f.moderator(channel, f.alice);
        for (String other : List.of(f.carol, f.alice, f.ada)) {
            assertThrows(ForbiddenException.class, () -> f.messaging.getChannelMessageStatus(r -> r.chimeBearer(other)
                    .channelArn(channel).messageId(id)));
        }
        f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada).channelArn(channel).messageId(id));
        assertThrows(NotFoundException.class, () -> f.messaging.getChannelMessageStatus(r -> r.chimeBearer(f.bob)
                .channelArn(channel).messageId(id)));
    }

    @Test
    void leavingTheChannelEndsSending() {
        // AUTH-019, MEMB-014
        f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.bob).channelArn(channel).memberArn(f.bob));
        assertThrows(ForbiddenException.class, () -> send(f.bob, "still here?"));
    }
}
