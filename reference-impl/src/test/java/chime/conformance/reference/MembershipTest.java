package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipError;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembership;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipForAppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MembershipTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ChannelMembership describe(String bearer, String channel, String member) {
        return f.messaging.describeChannelMembership(r -> r.chimeBearer(bearer).channelArn(channel).memberArn(member))
                .channelMembership();
    }

    private List<String> members(String bearer, String channel, ChannelMembershipType type) {
        return f.messaging.listChannelMemberships(r -> r.chimeBearer(bearer).channelArn(channel).type(type))
                .channelMemberships().stream().map(ChannelMembershipSummary::member).map(Identity::arn).toList();
    }

    @Test
    void aMemberAddsAnotherUserAndIsRecordedAsInviter() {
        // MEMB-001, MEMB-002, AUTH-012, MEMB-017
        String channel = f.bookClub();
        var response = f.messaging.createChannelMembership(r -> r.chimeBearer(f.bob).channelArn(channel)
                .memberArn(f.carol).type(ChannelMembershipType.DEFAULT));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(201));
        assertThat(response.member().arn(), equalTo(f.carol));
        assertThat(response.member().name(), equalTo("Carol"));
        ChannelMembership membership = describe(f.bob, channel, f.carol);
        assertThat(membership.invitedBy().arn(), equalTo(f.bob));
        assertThat(membership.invitedBy().name(), equalTo("Bob"));
        assertThat(membership.type(), equalTo(ChannelMembershipType.DEFAULT));
        assertThat(membership.createdTimestamp(), notNullValue());
        assertThat(members(f.bob, channel, null), containsInAnyOrder(f.alice, f.bob, f.carol));
    }

    @Test
    void typeIsRequiredAndMustBeDefaultOrHidden() {
        // MEMB-003
        String channel = f.bookClub();
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.carol)));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.carol).type("VISIBLE")));
    }

    @Test
    void restrictedChannelsOnlyLetModeratorsAndAdminsAdd() {
        // AUTH-011, CHAN-018
        String channel = f.channel(f.alice, "restricted", ChannelMode.RESTRICTED, ChannelPrivacy.PUBLIC);
        f.member(channel, f.bob);
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.carol).type(ChannelMembershipType.DEFAULT)));
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.carol)
                .channelArn(channel).memberArn(f.carol).type(ChannelMembershipType.DEFAULT)));
        // Alice created the channel, so she moderates it (CHAN-026).
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.alice).channelArn(channel).memberArn(f.carol)
                .type(ChannelMembershipType.DEFAULT));
        assertThat(members(f.alice, channel, null), containsInAnyOrder(f.alice, f.bob, f.carol));
    }

    @Test
    void outsidersMayJoinPublicUnrestrictedChannelsOnly() {
        // AUTH-013 (kit decision)
        String open = f.channel(f.alice, "open", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        String secret = f.channel(f.alice, "secret", ChannelMode.UNRESTRICTED, ChannelPrivacy.PRIVATE);
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.carol).channelArn(open).memberArn(f.carol)
                .type(ChannelMembershipType.DEFAULT));
        assertThat(describe(f.carol, open, f.carol).invitedBy().arn(), equalTo(f.carol));
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.carol)
                .channelArn(secret).memberArn(f.carol).type(ChannelMembershipType.DEFAULT)));
        // An outsider cannot add someone else.
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.mallory)
                .channelArn(open).memberArn(f.bob).type(ChannelMembershipType.DEFAULT)));
    }

    @Test
    void hiddenMembersAreCreatedByModeratorsAndListedOnlyOnRequest() {
        // MEMB-005 to MEMB-009
        String channel = f.bookClub();
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.carol).type(ChannelMembershipType.HIDDEN)));
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.carol)
                .type(ChannelMembershipType.HIDDEN));
        assertThat(members(f.bob, channel, null), containsInAnyOrder(f.alice, f.bob));
        assertThat(members(f.bob, channel, ChannelMembershipType.DEFAULT), containsInAnyOrder(f.alice, f.bob));
        assertThat(members(f.bob, channel, ChannelMembershipType.HIDDEN), contains(f.carol));
        assertThat(describe(f.carol, channel, f.carol).type(), equalTo(ChannelMembershipType.HIDDEN));
    }

    @Test
    void membersMustBeUsersOfTheChannelsAppInstance() {
        // MEMB-015
        String channel = f.bookClub();
        assertThrows(NotFoundException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.appInstanceArn + "/user/nobody").type(ChannelMembershipType.DEFAULT)));
    }

    @Test
    void membersLeaveButOnlyModeratorsRemoveOthers() {
        // AUTH-014, AUTH-019, MEMB-014
        String channel = f.bookClub();
        f.member(channel, f.carol);
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.carol)));
        var left = f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.carol).channelArn(channel).memberArn(f.carol));
        assertThat(left.sdkHttpResponse().statusCode(), equalTo(204));
        assertThrows(NotFoundException.class, () -> describe(f.bob, channel, f.carol));
        // Alice created the channel, so she moderates it (CHAN-026).
        f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.alice).channelArn(channel).memberArn(f.bob));
        assertThat(members(f.alice, channel, null), contains(f.alice));
        assertThat(f.messaging.listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.bob)).channelMemberships(),
                empty());
    }

    @Test
    void batchAddsValidMembersAndReportsTheRest() {
        // MEMB-004, MEMB-010 to MEMB-012, BAN-003, ERR-011
        String channel = f.bookClub();
        f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        String nobody = f.appInstanceArn + "/user/nobody";
        var response = f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                .memberArns(f.carol, f.mallory, nobody));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(200));
        var batch = response.batchChannelMemberships();
        assertThat(batch.members().stream().map(Identity::arn).toList(), contains(f.carol));
        assertThat(batch.type(), equalTo(ChannelMembershipType.DEFAULT));
        assertThat(batch.invitedBy().arn(), equalTo(f.ada));
        assertThat(response.errors().stream().map(BatchCreateChannelMembershipError::memberArn).toList(),
                containsInAnyOrder(f.mallory, nobody));
        assertThat(response.errors().stream().map(BatchCreateChannelMembershipError::errorCode).toList(),
                containsInAnyOrder(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND));
        assertThat(members(f.ada, channel, null), containsInAnyOrder(f.alice, f.bob, f.carol));
    }

    @Test
    void batchSizeIsOneToOneHundred() {
        // SIZE-009
        String channel = f.bookClub();
        assertThrows(BadRequestException.class, () -> f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArns(List.of())));
        List<String> tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> f.appInstanceArn + "/user/u" + i).toList();
        assertThrows(BadRequestException.class, () -> f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArns(tooMany)));
        List<String> hundred = tooMany.subList(0, 100);
        var response = f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                .memberArns(hundred));
        assertThat(response.errors().size(), equalTo(100));
    }

    @Test
    void anUnauthorisedBatchFailsAsAWhole() {
        // AUTH-011 (kit decision)
        String channel = f.channel(f.alice, "restricted", ChannelMode.RESTRICTED, ChannelPrivacy.PUBLIC);
        f.member(channel, f.bob);
        assertThrows(ForbiddenException.class, () -> f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArns(f.carol)));
    }

    @Test
    void theReadMarkerBelongsToTheMemberAndOnlyMovesForward() {
        // READ-001 to READ-005, CHAN-022, CHAN-025
        String channel = f.bookClub();
        ChannelMembershipForAppInstanceUserSummary before = f.messaging.describeChannelMembershipForAppInstanceUser(
                r -> r.chimeBearer(f.bob).channelArn(channel).appInstanceUserArn(f.bob)).channelMembership();
        assertThat(before.appInstanceUserMembershipSummary().readMarkerTimestamp(), nullValue());
        assertThat(before.channelSummary().name(), equalTo("book-club"));
        Instant start = Instant.now().minusSeconds(1);
        f.messaging.updateChannelReadMarker(r -> r.chimeBearer(f.bob).channelArn(channel));
        Instant first = f.messaging.listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.bob))
                .channelMemberships().get(0).appInstanceUserMembershipSummary().readMarkerTimestamp();
        assertThat(first, greaterThanOrEqualTo(start));
        f.messaging.updateChannelReadMarker(r -> r.chimeBearer(f.bob).channelArn(channel));
        Instant second = f.messaging.describeChannelMembershipForAppInstanceUser(r -> r.chimeBearer(f.bob)
                .channelArn(channel).appInstanceUserArn(f.bob)).channelMembership().appInstanceUserMembershipSummary()
                .readMarkerTimestamp();
        assertThat(second, greaterThanOrEqualTo(first));
        assertThrows(ForbiddenException.class, () -> f.messaging.updateChannelReadMarker(r -> r.chimeBearer(f.carol)
                .channelArn(channel)));
    }

    @Test
    void onlyAnAdminMayListAnotherUsersMemberships() {
        // AUTH-010
        String channel = f.bookClub();
        assertThrows(ForbiddenException.class, () -> f.messaging.listChannelMembershipsForAppInstanceUser(r -> r
                .chimeBearer(f.carol).appInstanceUserArn(f.bob)));
        var summaries = f.messaging.listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.ada)
                .appInstanceUserArn(f.bob)).channelMemberships();
        assertThat(summaries.stream().map(s -> s.channelSummary().channelArn()).toList(), contains(channel));
        assertThat(summaries.get(0).appInstanceUserMembershipSummary().type(), equalTo(ChannelMembershipType.DEFAULT));
    }
}
