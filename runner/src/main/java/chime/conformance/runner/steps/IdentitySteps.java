package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;

/**
 * AppInstanceUsers as the API shows them: an Identity is an ARN and a name (MEMB-017), and a user can be
 * deleted (identity DeleteAppInstanceUser). Also the shared ways of comparing what a response says with
 * what a feature expects, in the features' words.
 */
public class IdentitySteps extends Steps {

    private static final String BY_NAME = ", each by ARN and name";

    /** The lists of users the features name, by their words: the list's response and the member naming a user. */
    private static final Map<String, ListedUsers> LISTS = Map.of(
            "members listed", new ListedUsers("the members listed", ListChannelMembershipsResponse.class, "Member"),
            "moderators listed", new ListedUsers("the moderators listed", ListChannelModeratorsResponse.class,
                    "Moderator"),
            "users listed as banned", new ListedUsers("the users listed as banned", ListChannelBansResponse.class,
                    "Member"));

    public IdentitySteps(Driver api) {
        super(api);
    }

    /** A list of users the When step read. */
    public record ListedUsers(String what, Class<? extends SdkResponse> response, String member) {
    }

    /** Several actors, and whether each is to be compared by ARN and name or by ARN only. */
    public record Users(List<String> names, boolean byName) {
    }

    @ParameterType("members listed|moderators listed|users listed as banned")
    public ListedUsers listedUsers(String words) {
        return LISTS.get(words);
    }

    /** "Alice and Bob", or "Alice and Bob, each by ARN and name". */
    @ParameterType("[A-Z][a-z]+(?:(?:, | and )[A-Z][a-z]+)*(?:, each by ARN and name)?")
    public Users users(String text) {
        boolean byName = text.endsWith(BY_NAME);
        return new Users(Expect.splitList(byName ? text.substring(0, text.length() - BY_NAME.length()) : text), byName);
    }

    @Then("the {listedUsers} are exactly {users}")
    public void theUsersListedAreExactly(ListedUsers list, Users users) {
        Expect.assertExactlyTheseUsers(world, list.what(), listedUsers(list.response(), list.member()), users.names(),
                users.byName());
    }

    @Then("the {listedUsers} {inclusion} {actorList}")
    public void theUsersListedInclude(ListedUsers list, Boolean included, List<String> actors) {
        List<Identity> listed = listedUsers(list.response(), list.member());
        actors.forEach(actor -> Expect.assertInclusion(world, list.what(), listed, actor, included));
    }

    /**
     * The users of a channel in one role, by the features' words ("the moderators of \"club\""): the list
     * operation, the member of its items that names a user, and the membership type it is filtered by.
     */
    public record ChannelUsers(String what, String operation, String channel, String member, String type) {
    }

    private static final Map<String, ChannelUsers> ROLES = Map.of(
            "members", new ChannelUsers("members", "ListChannelMemberships", null, "Member", null),
            "HIDDEN members", new ChannelUsers("hidden members", "ListChannelMemberships", null, "Member", "HIDDEN"),
            "moderators", new ChannelUsers("moderators", "ListChannelModerators", null, "Moderator", null),
            "bans", new ChannelUsers("bans", "ListChannelBans", null, "Member", null));

    @ParameterType("the (members|HIDDEN members|moderators|bans) of \"([^\"]+)\"")
    public ChannelUsers channelUsers(String role, String channel) {
        ChannelUsers users = ROLES.get(role);
        return new ChannelUsers("the " + users.what() + " of \"" + channel + "\"", users.operation(), channel,
                users.member(), users.type());
    }

    /** Read by Ada, the AppInstanceAdmin, every page. */
    @Then("{channelUsers} {inclusion} {actor}")
    public void theChannelUsersInclude(ChannelUsers users, Boolean included, String actor) {
        Expect.assertInclusion(world, users.what(), usersOf(users), actor, included);
    }

    @Then("{channelUsers} are exactly {actorList}")
    public void theChannelUsersAreExactly(ChannelUsers users, List<String> actors) {
        Expect.assertExactlyTheseUsers(world, users.what(), usersOf(users), actors, false);
    }

    /** Polled up to the target's consistency bound: for a clean-up whose timing is not documented (BAN-007). */
    @Then("eventually {channelUsers} are exactly {actorList}")
    public void eventuallyTheChannelUsersAreExactly(ChannelUsers users, List<String> actors) {
        Set<String> wanted = actors.stream().map(world::actor).collect(Collectors.toSet());
        List<Identity> listed = world.eventually(() -> usersOf(users),
                found -> found.stream().map(Identity::arn).collect(Collectors.toSet()).equals(wanted));
        Expect.assertExactlyTheseUsers(world, users.what(), listed, actors, false);
    }

    private List<Identity> usersOf(ChannelUsers users) {
        Driver.Call list = api.canonical(users.operation(), users.channel(), null);
        return usersIn(users.type() == null ? list : list.with("Type", users.type()), users.member());
    }

    /** "Bob, Carol and Hana", "Alice and Bob", "Hana": several actors of the cast. */
    @ParameterType("[A-Z][a-z]+(?:(?:, | and )[A-Z][a-z]+)*")
    public List<String> actorList(String text) {
        return Expect.splitList(text);
    }

    /** The user is created, then deleted through the identity API: their ARN names nobody any more. */
    @Given("{actor}'s AppInstanceUser has been deleted")
    public void appInstanceUserHasBeenDeleted(String actor) {
        String arn = world.actor(actor);
        world.scope().deleteUser(arn);
        world.actor(actor);
    }

    /** As a When: the deletion is an identity call; what it cleans up is read by the Then steps. */
    @When("{actor}'s AppInstanceUser is deleted")
    public void appInstanceUserIsDeleted(String actor) {
        appInstanceUserHasBeenDeleted(actor);
    }

    /** MEMB-001, MOD-001, BAN-001 and MEMB-017: the identity in a create response, and the channel. */
    @Then("the response names {actor}, by ARN and name, in {channel}")
    public void theResponseNames(String actor, String channel) {
        SdkResponse response = world.outcome().response(SdkResponse.class);
        Identity identity = response.sdkFields().stream().map(f -> f.getValueOrDefault(response))
                .filter(Identity.class::isInstance).map(Identity.class::cast).findFirst()
                .orElseThrow(() -> new HarnessException("the step names a user in a response, but "
                        + world.outcome().operation() + " returns none"));
        String channelArn = Members.text(response, "ChannelArn");
        Expect.assertIdentity(world, world.outcome().operation() + " response", identity, actor);
        assertThat(world.outcome().operation() + " response: the channel", channelArn,
                equalTo(world.channel(channel)));
    }

    @Then("the messages listed name {actor}, by ARN and name, as the sender of {string}")
    public void theMessagesListedNameTheSender(String actor, String content) {
        ListChannelMessagesResponse page = world.outcome().response(ListChannelMessagesResponse.class);
        List<ChannelMessageSummary> matching = page.channelMessages().stream()
                .filter(m -> content.equals(m.content())).toList();
        assertThat("messages listed with the content \"" + content + "\"", matching.size(), equalTo(1));
        Expect.assertIdentity(world, "the sender of \"" + content + "\"", matching.get(0).sender(), actor);
    }
}
