package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.runner.steps.IdentitySteps.ChannelRef;
import chime.conformance.runner.world.Listings;
import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBan;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBanSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModerator;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModeratorSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelBanResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelModeratorResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelBansResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelModeratorsResponse;

/** Channel moderators and bans. */
public class ModerationSteps {

    private final World world;
    private final Listings lists;

    public ModerationSteps(World world, Listings lists) {
        this.world = world;
        this.lists = lists;
    }

    // ---- Given ------------------------------------------------------------------------------------------

    @Given("{actor} is a moderator of {channel}")
    public void isAModeratorOf(String actor, String channel) {
        String moderator = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        Setup.tolerateConflict(() -> world.messaging().createChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderator).chimeBearer(admin)));
        world.actor(actor);
    }

    @Given("{actor} is banned from {channel}")
    public void isBannedFrom(String actor, String channel) {
        String banned = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        Setup.tolerateConflict(() -> world.messaging().createChannelBan(r -> r
                .channelArn(arn).memberArn(banned).chimeBearer(admin)));
        world.actor(actor);
    }

    /** The moderator is created by the named user, who is thus its creator (MOD-002). */
    @Given("{actor} has made {actor} a moderator of {channel}")
    public void hasMadeAModerator(String actor, String moderator, String channel) {
        String moderatorArn = world.actor(moderator);
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        world.messaging().createChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderatorArn).chimeBearer(bearer));
        world.actor(actor);
    }

    @Given("{actor} is no longer a moderator of {channel}")
    public void isNoLongerAModeratorOf(String actor, String channel) {
        String moderator = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        world.messaging().deleteChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderator).chimeBearer(admin));
        world.actor(actor);
    }

    /** The ban is created by the named user, who is thus its creator (BAN-001). */
    @Given("{actor} has banned {actor} from {channel}")
    public void hasBanned(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        world.messaging().createChannelBan(r -> r.channelArn(arn).memberArn(memberArn).chimeBearer(bearer));
        world.actor(actor);
    }

    @Given("{actor} has lifted the ban on {actor} in {channel}")
    public void hasLiftedTheBan(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        world.messaging().deleteChannelBan(r -> r.channelArn(arn).memberArn(memberArn).chimeBearer(bearer));
        world.actor(actor);
    }

    // ---- When: moderators ---------------------------------------------------------------------------------

    @When("{actor} makes {actor} a moderator of {channel}")
    public void makesAModerator(String actor, String moderator, String channel) {
        String moderatorArn = world.actor(moderator);
        String arn = world.channel(channel);
        world.attemptAs("CreateChannelModerator", actor, bearer -> world.messaging().createChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderatorArn).chimeBearer(bearer)));
    }

    @When("{actor} removes {actor} as a moderator of {channel}")
    public void removesAsModerator(String actor, String moderator, String channel) {
        String moderatorArn = world.actor(moderator);
        String arn = world.channel(channel);
        world.attemptAs("DeleteChannelModerator", actor, bearer -> world.messaging().deleteChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderatorArn).chimeBearer(bearer)));
    }

    @When("{actor} describes the moderator {actor} of {channel}")
    public void describesTheModerator(String actor, String moderator, String channel) {
        String moderatorArn = world.actor(moderator);
        String arn = world.channel(channel);
        world.attemptAs("DescribeChannelModerator", actor, bearer -> world.messaging().describeChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderatorArn).chimeBearer(bearer)));
    }

    @When("{actor} lists the moderators of {channel}")
    public void listsTheModerators(String actor, String channel) {
        String arn = world.channel(channel);
        world.attemptAs("ListChannelModerators", actor, bearer -> lists.moderators(bearer, arn));
    }

    // ---- When: bans ---------------------------------------------------------------------------------------

    @When("{actor} bans {actor} from {channel}")
    public void bans(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String arn = world.channel(channel);
        world.attemptAs("CreateChannelBan", actor, bearer -> world.messaging().createChannelBan(r -> r
                .channelArn(arn).memberArn(memberArn).chimeBearer(bearer)));
    }

    @When("{actor} lifts the ban on {actor} in {channel}")
    public void liftsTheBan(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String arn = world.channel(channel);
        world.attemptAs("DeleteChannelBan", actor, bearer -> world.messaging().deleteChannelBan(r -> r
                .channelArn(arn).memberArn(memberArn).chimeBearer(bearer)));
    }

    @When("{actor} describes the ban on {actor} in {channel}")
    public void describesTheBan(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String arn = world.channel(channel);
        world.attemptAs("DescribeChannelBan", actor, bearer -> world.messaging().describeChannelBan(r -> r
                .channelArn(arn).memberArn(memberArn).chimeBearer(bearer)));
    }

    @When("{actor} lists the bans of {channel}")
    public void listsTheBans(String actor, String channel) {
        String arn = world.channel(channel);
        world.attemptAs("ListChannelBans", actor, bearer -> lists.bans(bearer, arn));
    }

    // ---- Then: moderators ---------------------------------------------------------------------------------

    /** Read by Ada, the AppInstanceAdmin. */
    @Then("the moderators of {channel} include {actor}")
    public void theModeratorsOfInclude(String channel, String actor) {
        IdentitySteps.assertIncludes(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel), actor);
    }

    @Then("the moderators of {channel} are exactly {actorList}")
    public void theModeratorsOfAreExactly(String channel, List<String> actors) {
        IdentitySteps.assertExactlyTheseUsers(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel),
                actors, false);
    }

    @Then("the moderators of {channel} do not include {actor}")
    public void theModeratorsOfDoNotInclude(String channel, String actor) {
        IdentitySteps.assertExcludes(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel), actor);
    }

    @Then("the moderator shows:")
    public void theModeratorShows(Map<String, String> expected) {
        ChannelModerator moderator = describedModerator();
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("moderator", moderator.moderator());
        actual.put("channel", new ChannelRef(moderator.channelArn()));
        actual.put("created by", moderator.createdBy());
        IdentitySteps.assertShows(world, "the moderator", expected, actual);
    }

    @Then("the moderator carries its creation time")
    public void theModeratorCarriesItsCreationTime() {
        IdentitySteps.present("the moderator's creation time", describedModerator().createdTimestamp());
    }

    @Then("the moderators listed are exactly {actorList}, each by ARN and name")
    public void theModeratorsListedAreExactly(List<String> actors) {
        List<Identity> listed = world.outcome().response(ListChannelModeratorsResponse.class).channelModerators()
                .stream().map(ChannelModeratorSummary::moderator).toList();
        IdentitySteps.assertExactlyTheseUsers(world, "the moderators listed", listed, actors, true);
    }

    // ---- Then: bans ---------------------------------------------------------------------------------------

    @Then("the ban shows:")
    public void theBanShows(Map<String, String> expected) {
        ChannelBan ban = describedBan();
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("member", ban.member());
        actual.put("channel", new ChannelRef(ban.channelArn()));
        actual.put("created by", ban.createdBy());
        IdentitySteps.assertShows(world, "the ban", expected, actual);
    }

    @Then("the ban carries its creation time")
    public void theBanCarriesItsCreationTime() {
        IdentitySteps.present("the ban's creation time", describedBan().createdTimestamp());
    }

    /** Read by Ada, the AppInstanceAdmin. */
    @Then("the bans of {channel} include {actor}")
    public void theBansOfInclude(String channel, String actor) {
        IdentitySteps.assertIncludes(world, "the bans of \"" + channel + "\"", bannedIn(channel), actor);
    }

    @Then("the bans of {channel} do not include {actor}")
    public void theBansOfDoNotInclude(String channel, String actor) {
        IdentitySteps.assertExcludes(world, "the bans of \"" + channel + "\"", bannedIn(channel), actor);
    }

    /**
     * Read by Ada, every page, polled up to the target's consistency bound: for a clean-up whose timing is
     * not documented (BAN-007).
     */
    @Then("eventually the bans of {channel} are exactly {actorList}")
    public void eventuallyTheBansOfAreExactly(String channel, List<String> actors) {
        java.util.Set<String> wanted = actors.stream().map(world::actor).collect(java.util.stream.Collectors.toSet());
        List<Identity> listed = world.eventually(() -> bannedIn(channel), bans -> bans.stream()
                .map(Identity::arn).collect(java.util.stream.Collectors.toSet()).equals(wanted));
        IdentitySteps.assertExactlyTheseUsers(world, "the bans of \"" + channel + "\"", listed, actors, false);
    }

    @Then("the users listed as banned are exactly {actorList}")
    public void theUsersListedAsBannedAreExactly(List<String> actors) {
        IdentitySteps.assertExactlyTheseUsers(world, "the users listed as banned", listedBans(), actors, false);
    }

    @Then("the users listed as banned are exactly {actorList}, each by ARN and name")
    public void theUsersListedAsBannedAreExactlyByName(List<String> actors) {
        IdentitySteps.assertExactlyTheseUsers(world, "the users listed as banned", listedBans(), actors, true);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    private List<Identity> moderatorsOf(String channel) {
        return lists.moderators(world.actor(World.ADMIN), world.channel(channel)).channelModerators().stream()
                .map(ChannelModeratorSummary::moderator).toList();
    }

    private List<Identity> bannedIn(String channel) {
        return lists.bans(world.actor(World.ADMIN), world.channel(channel)).channelBans().stream()
                .map(ChannelBanSummary::member).toList();
    }

    private List<Identity> listedBans() {
        return world.outcome().response(ListChannelBansResponse.class).channelBans().stream()
                .map(ChannelBanSummary::member).toList();
    }

    private ChannelModerator describedModerator() {
        ChannelModerator moderator = world.outcome().response(DescribeChannelModeratorResponse.class)
                .channelModerator();
        assertThat("the moderator described", moderator, notNullValue());
        return moderator;
    }

    private ChannelBan describedBan() {
        ChannelBan ban = world.outcome().response(DescribeChannelBanResponse.class).channelBan();
        assertThat("the ban described", ban, notNullValue());
        return ban;
    }
}
