package chime.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.SortOrder;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

/** A service's state taken as plain data and put into a new service: every read answers as before. */
class StateSnapshotTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** What the cast reads: the responses of the reads, whole (the SDK's responses compare by value). */
    private record Scene(String club, String secret, String flow, String pendingMessage, String firstPageToken) {
    }

    private static Scene build(Fixture f) {
        String club = f.bookClub();
        f.member(club, f.carol);
        f.member(club, f.mallory);
        f.moderator(club, f.bob);
        String secret = f.channel(f.alice, "secret", ChannelMode.RESTRICTED, ChannelPrivacy.PRIVATE);
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.alice).channelArn(secret).memberArn(f.carol)
                .type(ChannelMembershipType.HIDDEN));
        f.messaging.createChannelBan(r -> r.chimeBearer(f.alice).channelArn(club).memberArn(f.mallory));
        f.messaging.updateChannel(r -> r.chimeBearer(f.alice).channelArn(club).name("Book club").metadata("m-1")
                .mode(ChannelMode.RESTRICTED));
        f.messaging.tagResource(r -> r.resourceARN(club).tags(Tag.builder().key("team").value("blue").build()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            ids.add(f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(club).content("hello " + n)
                    .metadata("meta " + n).type("STANDARD").persistence(ChannelMessagePersistenceType.PERSISTENT)
                    .clientRequestToken("send-" + n)).messageId());
        }
        f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(club).content("typing")
                .type("CONTROL").persistence(ChannelMessagePersistenceType.NON_PERSISTENT).clientRequestToken("ctl"));
        f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob).channelArn(club).messageId(ids.get(1))
                .content("edited").metadata("meta edited"));
        f.messaging.redactChannelMessage(r -> r.chimeBearer(f.bob).channelArn(club).messageId(ids.get(2)));
        f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada).channelArn(club).messageId(ids.get(3)));
        f.messaging.updateChannelReadMarker(r -> r.chimeBearer(f.carol).channelArn(club));
        String flow = f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("held")
                .clientRequestToken("flow-1").processors(FlowTest.processor("p1",
                        f.service.processors().holdArn(), 1, FallbackAction.CONTINUE))
                .tags(Tag.builder().key("kind").value("hold").build())).channelFlowArn();
        f.messaging.associateChannelFlow(r -> r.chimeBearer(f.alice).channelArn(secret).channelFlowArn(flow));
        String pending = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.alice).channelArn(secret)
                .content("awaiting the processor").type("STANDARD")
                .persistence(ChannelMessagePersistenceType.PERSISTENT).clientRequestToken("held-1")).messageId();
        String token = f.messaging.listChannelMessages(r -> r.chimeBearer(f.bob).channelArn(club).maxResults(2))
                .nextToken();
        return new Scene(club, secret, flow, pending, token);
    }

    /** The cast of a fixture, reached again in a restored service. */
    private record Cast(ReferenceService service, String appInstanceArn, String alice, String bob, String carol,
                        String mallory, String ada) {
        static Cast of(Fixture f) {
            return new Cast(f.service, f.appInstanceArn, f.alice, f.bob, f.carol, f.mallory, f.ada);
        }

        Cast in(ReferenceService other) {
            return new Cast(other, appInstanceArn, alice, bob, carol, mallory, ada);
        }

        software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient messaging() {
            return service.messagingClient();
        }

        software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient identity() {
            return service.identityClient();
        }
    }

    private static List<Object> readAll(Cast f, Scene s) {
        List<Object> reads = new ArrayList<>();
        reads.add(f.identity().listAppInstances(r -> { }).appInstances());
        reads.add(f.identity().describeAppInstance(r -> r.appInstanceArn(f.appInstanceArn())).appInstance());
        reads.add(f.identity().listAppInstanceUsers(r -> r.appInstanceArn(f.appInstanceArn())).appInstanceUsers());
        reads.add(f.identity().describeAppInstanceUser(r -> r.appInstanceUserArn(f.bob())).appInstanceUser());
        reads.add(f.identity().listAppInstanceAdmins(r -> r.appInstanceArn(f.appInstanceArn())).appInstanceAdmins());
        for (String channel : List.of(s.club(), s.secret())) {
            reads.add(f.messaging().describeChannel(r -> r.chimeBearer(f.alice()).channelArn(channel)).channel());
            for (ChannelMembershipType type : ChannelMembershipType.knownValues()) {
                reads.add(f.messaging().listChannelMemberships(r -> r.chimeBearer(f.alice()).channelArn(channel)
                        .type(type)).channelMemberships());
            }
            reads.add(f.messaging().listChannelModerators(r -> r.chimeBearer(f.alice()).channelArn(channel))
                    .channelModerators());
            reads.add(f.messaging().listChannelBans(r -> r.chimeBearer(f.alice()).channelArn(channel)).channelBans());
            reads.add(f.messaging().listTagsForResource(r -> r.resourceARN(channel)).tags());
            for (String viewer : List.of(f.alice(), f.carol())) {
                for (SortOrder order : SortOrder.knownValues()) {
                    reads.add(f.messaging().listChannelMessages(r -> r.chimeBearer(viewer).channelArn(channel)
                            .sortOrder(order)));
                }
            }
        }
        reads.add(f.messaging().describeChannelMembership(r -> r.chimeBearer(f.carol()).channelArn(s.club())
                .memberArn(f.carol())).channelMembership());
        reads.add(f.messaging().getChannelMessage(r -> r.chimeBearer(f.alice()).channelArn(s.secret())
                .messageId(s.pendingMessage())).channelMessage());
        reads.add(f.messaging().listChannels(r -> r.chimeBearer(f.ada()).appInstanceArn(f.appInstanceArn())));
        reads.add(f.messaging().listChannels(r -> r.chimeBearer(f.ada()).appInstanceArn(f.appInstanceArn())
                .privacy(ChannelPrivacy.PRIVATE)));
        reads.add(f.messaging().listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.carol())
                .appInstanceUserArn(f.carol())));
        reads.add(f.messaging().listChannelsModeratedByAppInstanceUser(r -> r.chimeBearer(f.bob())
                .appInstanceUserArn(f.bob())));
        reads.add(f.messaging().listChannelFlows(r -> r.appInstanceArn(f.appInstanceArn())));
        reads.add(f.messaging().describeChannelFlow(r -> r.channelFlowArn(s.flow())).channelFlow());
        reads.add(f.messaging().listChannelsAssociatedWithChannelFlow(r -> r.channelFlowArn(s.flow())));
        reads.add(f.messaging().listTagsForResource(r -> r.resourceARN(s.flow())).tags());
        reads.add(f.messaging().listChannelMessages(r -> r.chimeBearer(f.bob()).channelArn(s.club()).maxResults(2)
                .nextToken(s.firstPageToken())));
        return reads;
    }

    @Test
    void aRestoredServiceAnswersEveryReadAsTheSavedOne() {
        MutableClock clock = new MutableClock(START);
        ServiceSnapshot snapshot;
        Scene scene;
        Cast cast;
        List<Object> before;
        try (Fixture f = new Fixture(ReferenceService.builder().clock(clock).build())) {
            scene = build(f);
            clock.advance(Duration.ofMinutes(5));
            cast = Cast.of(f);
            before = readAll(cast, scene);
            snapshot = f.service.exportState();
        }
        // The machine's clock is now behind the saved time: the restored clock still goes on from it.
        MutableClock behind = new MutableClock(START.minus(Duration.ofDays(1)));
        ReferenceService restored = ReferenceService.builder().clock(behind).build();
        restored.importState(snapshot);
        try (restored) {
            Cast f = cast.in(restored);
            assertEquals(before, readAll(f, scene));
            assertEquals(snapshot.channels(), restored.exportState().channels(), "a second snapshot is the same");

            Instant sent = f.messaging().getChannelMessage(r -> r.chimeBearer(f.bob()).channelArn(scene.club())
                    .messageId(f.messaging().sendChannelMessage(m -> m.chimeBearer(f.bob()).channelArn(scene.club())
                            .content("after").type("STANDARD").persistence(ChannelMessagePersistenceType.PERSISTENT)
                            .clientRequestToken("after-1")).messageId())).channelMessage().createdTimestamp();
            assertTrue(!sent.isBefore(snapshot.savedAt()), sent + " is before the save at " + snapshot.savedAt());
            assertEquals("after", f.messaging().listChannelMessages(r -> r.chimeBearer(f.bob()).channelArn(scene.club())
                    .sortOrder(SortOrder.DESCENDING).maxResults(1)).channelMessages().get(0).content());
            // The pending message stays pending for its sender, as it was saved.
            assertEquals(ChannelMessageStatus.PENDING, f.messaging().getChannelMessage(r -> r.chimeBearer(f.alice())
                    .channelArn(scene.secret()).messageId(scene.pendingMessage())).channelMessage().status().value());
            // New resources are listed after the saved ones.
            String later = f.messaging().createChannel(r -> r.chimeBearer(f.alice()).appInstanceArn(f.appInstanceArn())
                    .name("later").clientRequestToken("later-1")).channelArn();
            var channels = f.messaging().listChannels(r -> r.chimeBearer(f.ada()).appInstanceArn(f.appInstanceArn()))
                    .channels();
            assertEquals(later, channels.get(channels.size() - 1).channelArn());
        }
    }

    @Test
    void aSnapshotGoesOnlyIntoAnEmptyServiceAndItsPartsMustFit() {
        ServiceSnapshot snapshot;
        try (Fixture f = new Fixture()) {
            build(f);
            snapshot = f.service.exportState();
        }
        try (Fixture f = new Fixture()) {
            assertThrows(IllegalStateException.class, () -> f.service.importState(snapshot));
        }
        ServiceSnapshot orphanChannels = new ServiceSnapshot(snapshot.savedAt(), snapshot.creationOrder(),
                snapshot.pageTokenKey(), List.of(), snapshot.channelFlows(), snapshot.channels());
        try (ReferenceService fresh = ReferenceService.create()) {
            assertThrows(IllegalArgumentException.class, () -> fresh.importState(orphanChannels));
        }
        ServiceSnapshot twice = new ServiceSnapshot(snapshot.savedAt(), snapshot.creationOrder(),
                snapshot.pageTokenKey(), List.of(snapshot.appInstances().get(0), snapshot.appInstances().get(0)),
                List.of(), List.of());
        try (ReferenceService fresh = ReferenceService.create()) {
            assertThrows(IllegalArgumentException.class, () -> fresh.importState(twice));
        }
    }
}
