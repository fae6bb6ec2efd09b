package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBanSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BanTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> bans(String channel) {
        return f.messaging.listChannelBans(r -> r.chimeBearer(f.ada).channelArn(channel)).channelBans().stream()
                .map(ChannelBanSummary::member).map(Identity::arn).toList();
    }

    @Test
    void banningAMemberKicksThem() {
        // BAN-001, BAN-002
        String channel = f.bookClub();
        f.member(channel, f.mallory);
        var response = f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(201));
        assertThat(response.member().name(), equalTo("Mallory"));
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.mallory)));
        assertThat(f.messaging.listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.mallory))
                .channelMemberships(), empty());
        var ban = f.messaging.describeChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory))
                .channelBan();
        assertThat(ban.createdBy().arn(), equalTo(f.ada));
        assertThat(bans(channel), contains(f.mallory));
    }

    @Test
    void moderatorsAndAdminsCannotBeBannedAndKeepTheirRoles() {
        // BAN-011: the reference answers BadRequestException (the error is unnamed)
        String channel = f.bookClub();
        f.moderator(channel, f.mallory);
        f.member(channel, f.mallory);
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelBan(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.mallory)));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelBan(r -> r.chimeBearer(f.alice)
                .channelArn(channel).memberArn(f.ada)));
        f.messaging.describeChannelModerator(r -> r.chimeBearer(f.ada).channelArn(channel).channelModeratorArn(f.mallory));
        f.messaging.describeChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        assertThat(bans(channel), empty());
    }

    @Test
    void hiddenMembersAreKickedToo() {
        // BAN-002
        String channel = f.bookClub();
        f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory)
                .type(ChannelMembershipType.HIDDEN));
        f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        assertThat(f.messaging.listChannelMemberships(r -> r.chimeBearer(f.ada).channelArn(channel)
                .type(ChannelMembershipType.HIDDEN)).channelMemberships(), empty());
    }

    @Test
    void aPreEmptiveBanBlocksLaterAdds() {
        // BAN-003, BAN-004, BAN-008
        String channel = f.bookClub();
        f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        assertThrows(ForbiddenException.class, () -> f.member(channel, f.mallory));
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.mallory)
                .channelArn(channel).memberArn(f.mallory).type(ChannelMembershipType.DEFAULT)));
    }

    @Test
    void liftingABanDoesNotRestoreTheMembership() {
        // BAN-005, BAN-006
        String channel = f.bookClub();
        f.member(channel, f.mallory);
        f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        var response = f.messaging.deleteChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(204));
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelBan(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.mallory)));
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelMembership(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.mallory)));
        f.member(channel, f.mallory);
        assertThat(bans(channel), empty());
    }

    @Test
    void membersCannotBanOrSeeBans() {
        // AUTH-016 and the kit decision for Describe/List
        String channel = f.bookClub();
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannelBan(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.mallory)));
        assertThrows(ForbiddenException.class, () -> f.messaging.listChannelBans(r -> r.chimeBearer(f.bob)
                .channelArn(channel)));
        f.moderator(channel, f.alice);
        f.messaging.createChannelBan(r -> r.chimeBearer(f.alice).channelArn(channel).memberArn(f.mallory));
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannelBan(r -> r.chimeBearer(f.bob)
                .channelArn(channel).memberArn(f.mallory)));
    }

    @Test
    void describingAUserWhoIsNotBannedIsNotFound() {
        // BAN-010
        String channel = f.bookClub();
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelBan(r -> r.chimeBearer(f.ada)
                .channelArn(channel).memberArn(f.bob)));
    }

    @Test
    void bansAreCleanedUpWhenTheUserIsDeleted() {
        // BAN-007
        String channel = f.bookClub();
        f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
        f.identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(f.mallory));
        assertThat(bans(channel), empty());
    }
}
