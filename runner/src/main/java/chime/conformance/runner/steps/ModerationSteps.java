package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.steps.Expect.ChannelRef;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
public class ModerationSteps extends Steps {

    public ModerationSteps(Driver api) {
        super(api);
    }

    // ---- Given: through Ada, or by the user named, who is thus the creator (MOD-002, BAN-001) -------------

    @Given("{actor} is a moderator of {channel}")
    public void isAModeratorOf(String actor, String channel) {
        api.stage(actor, api.about("CreateChannelModerator", channel, actor));
    }

    @Given("{actor} is banned from {channel}")
    public void isBannedFrom(String actor, String channel) {
        api.stage(actor, api.about("CreateChannelBan", channel, actor));
    }

    @Given("{actor} is no longer a moderator of {channel}")
    public void isNoLongerAModeratorOf(String actor, String channel) {
        api.about("DeleteChannelModerator", channel, actor).send(World.ADMIN);
        world.actor(actor);
    }

    /**
     * What a user does about another user's role in a channel, in the features' words, with the operation
     * that does it: "bans Mallory from", "has lifted the ban on Mallory in". A past tense ("has ...") sets
     * the stage: the request must succeed, made by the actor, who is thus the creator (MOD-002, BAN-001).
     */
    private static final Map<String, String> ACTIONS = Map.of(
            "(has made|makes) (\\w+) a moderator of", "CreateChannelModerator",
            "removes (\\w+) as a moderator of", "DeleteChannelModerator",
            "describes the moderator (\\w+) of", "DescribeChannelModerator",
            "(has banned|bans) (\\w+) from", "CreateChannelBan",
            "(has lifted|lifts) the ban on (\\w+) in", "DeleteChannelBan",
            "describes the ban on (\\w+) in", "DescribeChannelBan");

    /** An action of {@link #ACTIONS}: its operation, the user it is about, and whether it sets the stage. */
    public record RoleAction(String operation, String user, boolean done) {
    }

    @ParameterType("(?:has made|makes) [A-Z][a-z]+ a moderator of|removes [A-Z][a-z]+ as a moderator of"
            + "|describes the moderator [A-Z][a-z]+ of|(?:has banned|bans) [A-Z][a-z]+ from"
            + "|(?:has lifted|lifts) the ban on [A-Z][a-z]+ in|describes the ban on [A-Z][a-z]+ in")
    public RoleAction roleAction(String words) {
        for (Map.Entry<String, String> action : ACTIONS.entrySet()) {
            Matcher m = Pattern.compile(action.getKey()).matcher(words);
            if (m.matches()) {
                return new RoleAction(action.getValue(), m.group(m.groupCount()), m.group(1).startsWith("has "));
            }
        }
        throw new IllegalArgumentException(words);
    }

    @When("{actor} {roleAction} {channel}")
    public void acts(String actor, RoleAction action, String channel) {
        Driver.Call call = api.about(action.operation(), channel, action.user());
        if (action.done()) {
            call.send(actor);
        } else {
            call.attempt(actor);
        }
    }

    @When("{actor} lists the moderators of {channel}")
    public void listsTheModerators(String actor, String channel) {
        api.canonical("ListChannelModerators", channel, null).attemptWhole(actor);
    }

    @When("{actor} lists the bans of {channel}")
    public void listsTheBans(String actor, String channel) {
        api.canonical("ListChannelBans", channel, null).attemptWhole(actor);
    }

    // ---- Then: moderators ---------------------------------------------------------------------------------

    /** Read by Ada, the AppInstanceAdmin. */
    @Then("the moderators of {channel} include {actor}")
    public void theModeratorsOfInclude(String channel, String actor) {
        Expect.assertIncludes(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel), actor);
    }

    @Then("the moderators of {channel} are exactly {actorList}")
    public void theModeratorsOfAreExactly(String channel, List<String> actors) {
        Expect.assertExactlyTheseUsers(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel),
                actors, false);
    }

    @Then("the moderators of {channel} do not include {actor}")
    public void theModeratorsOfDoNotInclude(String channel, String actor) {
        Expect.assertExcludes(world, "the moderators of \"" + channel + "\"", moderatorsOf(channel), actor);
    }

    @Then("the moderator shows:")
    public void theModeratorShows(Map<String, String> expected) {
        ChannelModerator moderator = describedModerator();
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("moderator", moderator.moderator());
        actual.put("channel", new ChannelRef(moderator.channelArn()));
        actual.put("created by", moderator.createdBy());
        Expect.assertShows(world, "the moderator", expected, actual);
    }

    @Then("the moderator carries its creation time")
    public void theModeratorCarriesItsCreationTime() {
        Expect.present("the moderator's creation time", describedModerator().createdTimestamp());
    }

    @Then("the moderators listed are exactly {actorList}, each by ARN and name")
    public void theModeratorsListedAreExactly(List<String> actors) {
        List<Identity> listed = world.outcome().response(ListChannelModeratorsResponse.class).channelModerators()
                .stream().map(ChannelModeratorSummary::moderator).toList();
        Expect.assertExactlyTheseUsers(world, "the moderators listed", listed, actors, true);
    }

    // ---- Then: bans ---------------------------------------------------------------------------------------

    @Then("the ban shows:")
    public void theBanShows(Map<String, String> expected) {
        ChannelBan ban = describedBan();
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("member", ban.member());
        actual.put("channel", new ChannelRef(ban.channelArn()));
        actual.put("created by", ban.createdBy());
        Expect.assertShows(world, "the ban", expected, actual);
    }

    @Then("the ban carries its creation time")
    public void theBanCarriesItsCreationTime() {
        Expect.present("the ban's creation time", describedBan().createdTimestamp());
    }

    /** Read by Ada, the AppInstanceAdmin. */
    @Then("the bans of {channel} include {actor}")
    public void theBansOfInclude(String channel, String actor) {
        Expect.assertIncludes(world, "the bans of \"" + channel + "\"", bannedIn(channel), actor);
    }

    @Then("the bans of {channel} do not include {actor}")
    public void theBansOfDoNotInclude(String channel, String actor) {
        Expect.assertExcludes(world, "the bans of \"" + channel + "\"", bannedIn(channel), actor);
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
        Expect.assertExactlyTheseUsers(world, "the bans of \"" + channel + "\"", listed, actors, false);
    }

    @Then("the users listed as banned are exactly {actorList}")
    public void theUsersListedAsBannedAreExactly(List<String> actors) {
        Expect.assertExactlyTheseUsers(world, "the users listed as banned", listedBans(), actors, false);
    }

    @Then("the users listed as banned are exactly {actorList}, each by ARN and name")
    public void theUsersListedAsBannedAreExactlyByName(List<String> actors) {
        Expect.assertExactlyTheseUsers(world, "the users listed as banned", listedBans(), actors, true);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    private List<Identity> moderatorsOf(String channel) {
        return api.canonical("ListChannelModerators", channel, null).<ChannelModeratorSummary>items(World.ADMIN)
                .stream().map(ChannelModeratorSummary::moderator).toList();
    }

    private List<Identity> bannedIn(String channel) {
        return api.canonical("ListChannelBans", channel, null).<ChannelBanSummary>items(World.ADMIN)
                .stream().map(ChannelBanSummary::member).toList();
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
