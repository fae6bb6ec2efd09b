package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModeratedByAppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModeratorSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModeratorTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> moderatedBy(String bearer, String user) {
        return f.messaging.listChannelsModeratedByAppInstanceUser(r -> r.chimeBearer(bearer).appInstanceUserArn(user))
                .channels().stream().map(ChannelModeratedByAppInstanceUserSummary::channelSummary)
                .map(s -> s.channelArn()).toList();
    }

    @Test
    void theCreatorOfAChannelIsItsModerator() {
        // CHAN-026: the creator of a (non-elastic) channel is a member and a moderator of it
        String channel = f.bookClub();
        var moderator = f.messaging.describeChannelModerator(r -> r.chimeBearer(f.ada).channelArn(channel)
                .channelModeratorArn(f.alice)).channelModerator();
        assertThat(moderator.createdBy().arn(), equalTo(f.alice));
        assertThat(moderatedBy(f.alice, f.alice), contains(channel));
    }

    @Test
    void anAdminCreatesAModeratorWhoIsRecordedWithItsCreator() {
        // MOD-001, MOD-002, AUTH-024
        String channel = f.bookClub();
        var response = f.messaging.createChannelModerator(r -> r.chimeBearer(f.ada).channelArn(channel)
                .channelModeratorArn(f.carol));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(201));
        assertThat(response.channelModerator().arn(), equalTo(f.carol));
        assertThat(response.channelModerator().name(), equalTo("Carol"));
        var moderator = f.messaging.describeChannelModerator(r -> r.chimeBearer(f.alice).channelArn(channel)
                .channelModeratorArn(f.carol)).channelModerator();
        assertThat(moderator.createdBy().arn(), equalTo(f.ada));
        assertThat(f.messaging.listChannelModerators(r -> r.chimeBearer(f.carol).channelArn(channel)).channelModerators()
                .stream().map(ChannelModeratorSummary::moderator).map(Identity::arn).toList(),
                containsInAnyOrder(f.alice, f.carol));
    }

    @Test
    void onlyModeratorsAndAdminsReadTheModerators() {
        // AUTH-026: members and non-members are denied DescribeChannelModerator and ListChannelModerators
        String channel = f.bookClub();
        for (String reader : List.of(f.bob, f.carol)) {
            assertThrows(ForbiddenException.class, () -> f.messaging.listChannelModerators(r -> r.chimeBearer(reader)
                    .channelArn(channel)));
            assertThrows(ForbiddenException.class, () -> f.messaging.describeChannelModerator(r -> r
                    .chimeBearer(reader).channelArn(channel).channelModeratorArn(f.alice)));
        }
        f.messaging.listChannelModerators(r -> r.chimeBearer(f.ada).channelArn(channel));
    }

    @Test
    void theModeratorRoleIsIndependentOfMembership() {
        // MOD-005, AUTH-015
        String channel = f.bookClub();
        f.moderator(channel, f.carol);
        assertThat(f.messaging.listChannelMemberships(r -> r.chimeBearer(f.carol).channelArn(channel))
                .channelMemberships().stream().map(ChannelMembershipSummary::member).map(Identity::arn).toList(),
                containsInAnyOrder(f.alice, f.bob));
        // A moderator who is not a member may add other moderators and members.
        f.messaging.createChannelModerator(r -> r.chimeBearer(f.carol).channelArn(channel).channelModeratorArn(f.mallory));
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.carol).channelArn(channel).memberArn(f.mallory)
                .type(ChannelMembershipType.HIDDEN));
    }

    @Test
    void membersCannotCreateOrDeleteModerators() {
        // AUTH-015
        String channel = f.bookClub();
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelModerator(r -> r.chimeBearer(f.bob)
                .channelArn(channel).channelModeratorArn(f.bob)));
        f.moderator(channel, f.alice);
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannelModerator(r -> r.chimeBearer(f.bob)
                .channelArn(channel).channelModeratorArn(f.alice)));
    }

    @Test
    void deletingAModeratorRemovesItsPowersButNotItsMembership() {
        // MOD-004, MOD-007
        String channel = f.bookClub();
        f.moderator(channel, f.bob);
        assertThat(moderatedBy(f.bob, f.bob), contains(channel));
        var response = f.messaging.deleteChannelModerator(r -> r.chimeBearer(f.ada).channelArn(channel)
                .channelModeratorArn(f.bob));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(204));
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelModerator(r -> r.chimeBearer(f.ada)
                .channelArn(channel).channelModeratorArn(f.bob)));
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelBan(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.mallory)));
        assertThat(moderatedBy(f.bob, f.bob), empty());
        f.messaging.describeChannelMembership(r -> r.chimeBearer(f.bob).channelArn(channel).memberArn(f.bob));
    }

    @Test
    void describeChannelModeratedByAppInstanceUserNeedsTheRole() {
        // CHAN-023, CHAN-024
        String channel = f.bookClub();
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelModeratedByAppInstanceUser(r -> r
                .chimeBearer(f.bob).channelArn(channel).appInstanceUserArn(f.bob)));
        f.moderator(channel, f.bob);
        var summary = f.messaging.describeChannelModeratedByAppInstanceUser(r -> r.chimeBearer(f.bob)
                .channelArn(channel).appInstanceUserArn(f.bob)).channel().channelSummary();
        assertThat(summary.channelArn(), equalTo(channel));
        assertThat(f.messaging.listChannelsModeratedByAppInstanceUser(r -> r.chimeBearer(f.bob)).channels().size(),
                equalTo(1));
        assertThat(moderatedBy(f.ada, f.bob), contains(channel));
        assertThrows(ForbiddenException.class, () -> moderatedBy(f.carol, f.bob));
    }
}
