package chime.conformance.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkidentity.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;

/**
 * Idempotency records cannot grow without bound or outlive what they name: a refused request leaves none,
 * a deleted resource takes its records with it (the token then acts anew, never answering with a dead
 * identifier), and records are bounded in count and age.
 */
class IdempotencyRecordsTest {

    private static String send(Fixture f, String sender, String channel, String content, String token) {
        return f.messaging.sendChannelMessage(r -> r.chimeBearer(sender).channelArn(channel).content(content)
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(token)).messageId();
    }

    @Test
    void refusedRequestsLeaveNoRecord() {
        try (Fixture f = new Fixture()) {
            String channel = f.bookClub();
            int before = f.service.idempotencyRecords();
            for (int i = 0; i < 1_000; i++) {
                String token = "refused-" + i;
                // Carol is not a member: Forbidden, decided inside the idempotent call.
                assertThrows(ForbiddenException.class, () -> send(f, f.carol, channel, "let me in", token));
                // Too long: refused before it.
                assertThrows(BadRequestException.class, () -> send(f, f.bob, channel, "x".repeat(4097), token));
            }
            assertThat(f.service.idempotencyRecords(), is(before));

            // A refused token may be used again once the request can succeed.
            f.member(channel, f.carol);
            String id = send(f, f.carol, channel, "let me in", "refused-0");
            assertThat(send(f, f.carol, channel, "let me in", "refused-0"), equalTo(id));
            assertThat(f.service.idempotencyRecords(), is(before + 1));
        }
    }

    @Test
    void aDeletedChannelTakesItsRecordsWithIt() {
        try (Fixture f = new Fixture()) {
            int before = f.service.idempotencyRecords();
            String first = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                    .name("c").clientRequestToken("create-c")).channelArn();
            f.member(first, f.bob);
            for (int i = 0; i < 10; i++) {
                send(f, f.bob, first, "m" + i, "send-" + i);
            }
            assertThat(f.service.idempotencyRecords(), is(before + 11));

            f.messaging.deleteChannel(r -> r.chimeBearer(f.ada).channelArn(first));

            assertThat(f.service.idempotencyRecords(), is(before));
            String second = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                    .name("c").clientRequestToken("create-c")).channelArn();
            assertThat("the token creates a new channel, not the deleted one", second, not(equalTo(first)));
            f.messaging.describeChannel(r -> r.chimeBearer(f.alice).channelArn(second));
        }
    }

    /**
     * AWS SDKs fill an absent ClientRequestToken with a random UUID's text, and the service keeps such a token
     * as its bits: it must still be the same token exactly when its text is, and scoped as any other.
     */
    @Test
    void aTokenInTheFormSdksGenerateIsOneTokenExactlyWhenItsTextIs() {
        try (Fixture f = new Fixture()) {
            String channel = f.bookClub();
            f.member(channel, f.carol);
            String token = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0ff";
            String first = send(f, f.bob, channel, "hello", token);

            assertThat(send(f, f.bob, channel, "hello", token), equalTo(first));
            assertThat(send(f, f.bob, channel, "hello", new String(token.toCharArray())), equalTo(first));
            assertThat("upper case is another token", send(f, f.bob, channel, "hello", token.toUpperCase()),
                    not(equalTo(first)));
            assertThat("one digit apart is another token",
                    send(f, f.bob, channel, "hello", token.replace("0ff", "0fe")), not(equalTo(first)));
            assertThat("another sender's token is its own", send(f, f.carol, channel, "hello", token),
                    not(equalTo(first)));
            assertThrows(software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException.class,
                    () -> send(f, f.bob, channel, "other content", token));
        }
    }

    @Test
    void aDeletedMessageTakesItsRecordWithIt() {
        try (Fixture f = new Fixture()) {
            String channel = f.bookClub();
            String first = send(f, f.bob, channel, "oops", "send-once");
            int withRecord = f.service.idempotencyRecords();

            f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada).channelArn(channel).messageId(first));

            assertThat(f.service.idempotencyRecords(), is(withRecord - 1));
            String second = send(f, f.bob, channel, "oops", "send-once");
            assertThat(second, not(equalTo(first)));
            f.messaging.getChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(second));
        }
    }

    @Test
    void aDeletedAppInstanceTakesEveryRecordMadeInIt() {
        try (Fixture f = new Fixture()) {
            int before = f.service.idempotencyRecords();
            String first = f.identity.createAppInstance(r -> r.name("other").clientRequestToken("create-ai"))
                    .appInstanceArn();
            String user = f.identity.createAppInstanceUser(r -> r.appInstanceArn(first).appInstanceUserId("u")
                    .name("U").clientRequestToken("create-u")).appInstanceUserArn();
            String channel = f.messaging.createChannel(r -> r.chimeBearer(user).appInstanceArn(first).name("c")
                    .clientRequestToken("create-c")).channelArn();
            f.identity.createAppInstanceAdmin(r -> r.appInstanceArn(first).appInstanceAdminArn(user));
            f.messaging.createChannelMembership(r -> r.chimeBearer(user).channelArn(channel).memberArn(user)
                    .type(ChannelMembershipType.DEFAULT));
            send(f, user, channel, "hello", "send-1");
            assertThat(f.service.idempotencyRecords(), is(before + 4));

            f.identity.deleteAppInstance(r -> r.appInstanceArn(first));

            assertThat(f.service.idempotencyRecords(), is(before));
            String second = f.identity.createAppInstance(r -> r.name("other").clientRequestToken("create-ai"))
                    .appInstanceArn();
            assertThat(second, not(equalTo(first)));
            f.identity.describeAppInstance(r -> r.appInstanceArn(second));
        }
    }

    @Test
    void aDeletedUserTakesItsRecordsWithIt() {
        try (Fixture f = new Fixture()) {
            int before = f.service.idempotencyRecords();
            String user = f.identity.createAppInstanceUser(r -> r.appInstanceArn(f.appInstanceArn)
                    .appInstanceUserId("dave").name("Dave").clientRequestToken("create-dave")).appInstanceUserArn();
            f.messaging.createChannel(r -> r.chimeBearer(user).appInstanceArn(f.appInstanceArn).name("d")
                    .clientRequestToken("dave-creates"));
            assertThat(f.service.idempotencyRecords(), is(before + 2));

            f.identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(user));

            assertThat(f.service.idempotencyRecords(), is(before));
            assertThrows(NotFoundException.class, () -> f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(user)));
            f.identity.createAppInstanceUser(r -> r.appInstanceArn(f.appInstanceArn).appInstanceUserId("dave")
                    .name("Dave").clientRequestToken("create-dave"));
            f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(user));
        }
    }

    @Test
    void recordsAreBoundedInCountAndAge() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ReferenceService service = ReferenceService.builder().clock(clock)
                .idempotencyRetention(Duration.ofHours(24), 20).build();
        try (Fixture f = new Fixture(service)) {
            String channel = f.bookClub();
            for (int i = 0; i < 100; i++) {
                send(f, f.bob, channel, "m" + i, "bounded-" + i);
                assertThat(f.service.idempotencyRecords(), lessThanOrEqualTo(20));
            }
            // The newest records are kept: a retry of the last send is answered from its record.
            String last = send(f, f.bob, channel, "m99", "bounded-99");
            assertThat(send(f, f.bob, channel, "m99", "bounded-99"), equalTo(last));

            clock.advance(Duration.ofHours(24).plusSeconds(1));
            send(f, f.bob, channel, "later", "later-1");
            assertThat("records older than 24 hours are gone", f.service.idempotencyRecords(), is(1));
            assertThat("an expired token acts anew", send(f, f.bob, channel, "m99", "bounded-99"), not(equalTo(last)));
        }
    }
}
