package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.types.ChannelKind;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import software.amazon.awssdk.core.SdkPojo;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Channels: creating, updating, describing, deleting and listing them, also from one user's side. */
public class ChannelSteps extends Steps {

    /** The ARNs of the channels the scenario deleted, by name. */
    private final Map<String, String> deleted = new LinkedHashMap<>();
    private Channel beforeUpdate;

    public ChannelSteps(Driver api) {
        super(api);
    }

    /** "\"book-club\" and \"chess\"", "\"diary\"": several channels the scenario named. */
    @ParameterType("\"[^\"]+\"(?:(?:, | and )\"[^\"]+\")*")
    public List<String> channelList(String text) {
        return Expect.splitQuotedList(text);
    }

    // ---- Given ------------------------------------------------------------------------------------------

    /**
     * The creator is also made, explicitly, a member and a moderator of the channel. The service does that
     * itself (CHAN-026); the explicit step keeps the stage the same on a service that does not, so that a
     * scenario about another rule does not depend on that one. Scenarios about CHAN-026 create their
     * channel with "... and done nothing else". "Again": a second channel with the name of one the scenario
     * deleted; the name now means the new channel.
     */
    @Given("{actor} has created the {kind} channel {channel}( again)")
    public void hasCreatedTheChannel(String actor, ChannelKind kind, String channel) {
        hasCreatedTheChannelWithMetadata(actor, kind, channel, null);
    }

    @Given("{actor} has created the {kind} channel {channel} with the metadata {string}")
    public void hasCreatedTheChannelWithMetadata(String actor, ChannelKind kind, String channel, String metadata) {
        created(actor, channel, create(kind, channel, world.appInstanceArn()).with("Metadata", metadata));
        api.stage(actor, api.about("CreateChannelModerator", channel, actor));
        api.stage(actor, api.about("CreateChannelMembership", channel, actor).with("Type", "DEFAULT"));
    }

    /** CreateChannel alone, by the actor: no membership or moderator role is added by any other step (CHAN-026). */
    @Given("{actor} has created the {kind} channel {channel} and done nothing else")
    public void hasCreatedTheChannelAndNothingElse(String actor, ChannelKind kind, String channel) {
        created(actor, channel, create(kind, channel, world.appInstanceArn()));
    }

    /** A channel in the creator's own AppInstance: for Frank, another AppInstance than the scenario's. */
    @Given("{actor} has created the {kind} channel {channel} in his/her own AppInstance")
    public void hasCreatedTheChannelInOwnAppInstance(String actor, ChannelKind kind, String channel) {
        created(actor, channel, create(kind, channel, world.appInstanceOf(actor)));
    }

    /** Deleted by Ada, the AppInstanceAdmin; the scenario keeps the name for the deleted channel. */
    @Given("{channel} has been deleted")
    public void hasBeenDeleted(String channel) {
        api.canonical("DeleteChannel", channel, null).send(World.ADMIN);
        deleted.put(channel, world.channel(channel));
    }

    @Given("{channel} has been switched to {word} mode")
    public void hasBeenSwitchedTo(String channel, String mode) {
        Channel current = describeAs(World.ADMIN, world.channel(channel));
        api.canonical("UpdateChannel", channel, null).with("Name", current.name()).with("Metadata", current.metadata())
                .with("Mode", mode.toUpperCase(java.util.Locale.ROOT)).send(World.ADMIN);
    }

    // ---- When: create, describe, update, delete -----------------------------------------------------------

    @When("{actor} creates the {kind} channel {channel}")
    public void createsTheChannel(String actor, ChannelKind kind, String channel) {
        create(kind, channel, world.appInstanceArn()).attemptCreating(actor, channel);
    }

    @When("{actor} creates the {kind} channel {channel} in {actor}'s AppInstance")
    public void createsTheChannelIn(String actor, ChannelKind kind, String channel, String owner) {
        create(kind, channel, world.appInstanceOf(owner)).attemptCreating(actor, channel);
    }

    /** Only the attributes in the table are sent: name, mode, privacy, metadata. */
    @When("{actor} creates a channel with:")
    public void createsAChannelWith(String actor, Map<String, String> attributes) {
        String name = attributes.get("name");
        if (name == null) {
            throw new HarnessException("the table must give the channel a name");
        }
        attributes(api.call("CreateChannel").with("AppInstanceArn", world.appInstanceArn()), attributes)
                .attemptCreating(actor, name);
    }

    @When("{actor} describes {channel}")
    public void describes(String actor, String channel) {
        api.canonical("DescribeChannel", channel, null).attempt(actor);
    }

    /**
     * CHAN-019: a deleted channel is inaccessible at once. DescribeChannel models no NotFoundException, so
     * either error conforms (ERR-004).
     */
    @Then("{actor} can no longer describe {channel}")
    public void canNoLongerDescribe(String actor, String channel) {
        try {
            Channel still = describeAs(actor, deletedChannel(channel));
            throw new AssertionError("\"" + channel + "\" can still be described: " + still);
        } catch (NotFoundException | ForbiddenException gone) {
            // as documented
        }
    }

    @When("{actor} describes the deleted {channel}")
    public void describesTheDeleted(String actor, String channel) {
        api.call("DescribeChannel").with("ChannelArn", deletedChannel(channel)).attempt(actor);
    }

    /**
     * CHAN-019: once deleted, the channel cannot be described, even by Ada. The model lists no NotFound for
     * DescribeChannel, so ForbiddenException conforms too (ERR-004).
     */
    @Then("the deleted {channel} can no longer be described")
    public void theDeletedCanNoLongerBeDescribed(String channel) {
        canNoLongerDescribe(World.ADMIN, channel);
    }

    /** Only the attributes in the table are sent: name, mode, metadata. */
    @When("{actor} updates {channel} with:")
    public void updatesWith(String actor, String channel, Map<String, String> attributes) {
        beforeUpdate = describeAs(World.ADMIN, world.channel(channel));
        attributes(api.call("UpdateChannel").with("ChannelArn", world.channel(channel)), attributes).attempt(actor);
    }

    @When("{actor} deletes {channel}")
    public void deletes(String actor, String channel) {
        if (!api.canonical("DeleteChannel", channel, null).attempt(actor).failed()) {
            deleted.put(channel, world.channel(channel));
        }
    }

    // ---- When: lists -------------------------------------------------------------------------------------

    @When("{actor} lists the channels")
    public void listsTheChannels(String actor) {
        api.call("ListChannels").with("AppInstanceArn", world.appInstanceArn()).attemptWhole(actor);
    }

    @When("{actor} lists the {word} channels")
    public void listsTheChannelsOfPrivacy(String actor, String privacy) {
        api.canonical("ListChannels", null, null).with("Privacy", privacy.toUpperCase(java.util.Locale.ROOT))
                .attemptWhole(actor);
    }

    /** The channels of a user, by the features' words: the list operation and the user (null: the caller). */
    public record UsersChannels(String operation, String user) {
    }

    /**
     * ListChannelMembershipsForAppInstanceUser or ListChannelsModeratedByAppInstanceUser; "she" or "he" leaves
     * out AppInstanceUserArn (the caller's own).
     */
    @ParameterType("(?:she|he|([A-Z][a-z]+)) (is a member of|moderates)")
    public UsersChannels usersChannels(String user, String relation) {
        return new UsersChannels(relation.equals("moderates") ? "ListChannelsModeratedByAppInstanceUser"
                : "ListChannelMembershipsForAppInstanceUser", user);
    }

    @When("{actor} lists the channels {usersChannels}")
    public void listsTheChannelsOfAUser(String actor, UsersChannels list) {
        (list.user() == null ? api.call(list.operation()) : api.about(list.operation(), null, list.user()))
                .attemptWhole(actor);
    }

    @When("{actor} describes {channel} through {actor}'s membership")
    public void describesThroughMembership(String actor, String channel, String user) {
        api.about("DescribeChannelMembershipForAppInstanceUser", channel, user).attempt(actor);
    }

    @When("{actor} describes {channel} as moderated by {actor}")
    public void describesAsModeratedBy(String actor, String channel, String user) {
        api.about("DescribeChannelModeratedByAppInstanceUser", channel, user).attempt(actor);
    }

    // ---- Then: descriptions -------------------------------------------------------------------------------

    /** Read by Ada, the AppInstanceAdmin, so the check does not depend on who may describe the channel. */
    @Then("{channel} is described with:")
    public void isDescribedWith(String channel, Map<String, String> expected) {
        Channel described = describeAs(World.ADMIN, world.channel(channel));
        Expect.assertShows(world, "the description of \"" + channel + "\"", expected, attributesOf(described));
    }

    @Then("the description shows:")
    public void theDescriptionShows(Map<String, String> expected) {
        Expect.assertShows(world, "the description", expected, attributesOf(described()));
    }

    @Then("the description carries the channel's creation and last update times")
    public void theDescriptionCarriesTimes() {
        Channel channel = described();
        Expect.present("the channel's creation time", channel.createdTimestamp());
        Expect.present("the channel's last update time", channel.lastUpdatedTimestamp());
    }

    /** What a description says of a member, by the features' words: the member, and whether it is there. */
    public record Fact(String member, String what, boolean present) {
    }

    private static final Map<String, Fact> FACTS = Map.of(
            "has no last message time", new Fact("LastMessageTimestamp", "the channel's last message time", false),
            "has a last message time", new Fact("LastMessageTimestamp", "the channel's last message time", true),
            "names no channel flow", new Fact("ChannelFlowArn", "the channel's channel flow", false));

    @ParameterType("has no last message time|has a last message time|names no channel flow")
    public Fact fact(String words) {
        return FACTS.get(words);
    }

    @Then("the description {fact}")
    public void theDescriptionSays(Fact fact) {
        assertThat(fact.what(), Members.get(described(), fact.member()), fact.present() ? notNullValue() : nullValue());
    }

    @Then("the description names {actor}, by ARN and name, as its creator")
    public void theDescriptionNamesTheCreator(String actor) {
        Expect.assertIdentity(world, "the channel's creator", described().createdBy(), actor);
    }

    @Then("the description's last message time is when {string} was created")
    public void theLastMessageTimeIsWhen(String message) {
        Channel channel = described();
        assertThat("the channel's last message time", channel.lastMessageTimestamp(),
                equalTo(createdTimeOf(channel.channelArn(), message)));
    }

    @Then("{channel} still names {actor} as its creator and keeps its creation time")
    public void stillNamesTheCreator(String channel, String actor) {
        Channel before = beforeUpdate;
        Channel after = describeAs(World.ADMIN, world.channel(channel));
        Expect.assertIdentity(world, "the channel's creator", after.createdBy(), actor);
        assertThat("the channel's creation time", after.createdTimestamp(), equalTo(before.createdTimestamp()));
    }

    @Then("the last update time of {channel} is later than before the update, and not before its creation time")
    public void theLastUpdateTimeMovedForward(String channel) {
        Channel before = beforeUpdate;
        world.outcome().response(UpdateChannelResponse.class);
        Channel after = describeAs(World.ADMIN, world.channel(channel));
        Instant updated = Expect.present("the last update time", after.lastUpdatedTimestamp());
        assertThat("the last update time after the update", updated,
                greaterThan(Expect.present("the last update time before", before.lastUpdatedTimestamp())));
        assertThat("the last update time after the update", updated,
                greaterThanOrEqualTo(Expect.present("the creation time", after.createdTimestamp())));
    }

    @Then("the response names the channel {channel}")
    public void theResponseNamesTheChannel(String channel) {
        assertThat("the channel in the response", answered(UpdateChannelResponse.class, "ChannelArn"),
                equalTo(world.channel(channel)));
    }

    @Then("the channel created is not the deleted {channel}")
    public void theChannelCreatedIsNotTheDeleted(String channel) {
        assertThat("the new channel's ARN", answered(CreateChannelResponse.class, "ChannelArn"),
                not(equalTo(deletedChannel(channel))));
    }

    /** ListChannelMemberships, ListChannelModerators, ListChannelBans or ListChannelMessages: its ChannelArn. */
    @Then("the list names the channel {channel}")
    public void theListNamesTheChannel(String channel) {
        SdkResponse response = world.outcome().response(SdkResponse.class);
        if (!Members.has(response, "ChannelArn")) {
            throw new HarnessException(world.outcome().operation() + " does not name a channel");
        }
        String arn = Members.text(response, "ChannelArn");
        assertThat("the channel of the list", arn, equalTo(world.channel(channel)));
    }

    /** DescribeChannelMembershipForAppInstanceUser or DescribeChannelModeratedByAppInstanceUser. */
    @Then("the channel summary shows:")
    public void theChannelSummaryShows(Map<String, String> expected) {
        SdkResponse response = world.outcome().response(SdkResponse.class);
        String member = Members.has(response, "ChannelMembership") ? "ChannelMembership" : "Channel";
        Expect.assertShows(world, "the channel summary", expected, Listed.of(answered(response.getClass(), member)).shown());
    }

    @Then("{channel} uses the channel flow {flow}")
    public void usesTheChannelFlow(String channel, String flow) {
        Channel described = describeAs(World.ADMIN, world.channel(channel));
        assertThat("the channel flow of \"" + channel + "\"", described.channelFlowArn(), equalTo(world.flow(flow)));
    }

    @Then("{channel} uses no channel flow")
    public void usesNoChannelFlow(String channel) {
        Channel described = describeAs(World.ADMIN, world.channel(channel));
        assertThat("the channel flow of \"" + channel + "\"", described.channelFlowArn(), nullValue());
    }

    // ---- Then: lists --------------------------------------------------------------------------------------

    @Then("exactly {channelList} is/are listed")
    public void theChannelsListedAreExactly(List<String> channels) {
        List<String> listed = listed().stream().map(Listed::arn).sorted().toList();
        List<String> expected = channels.stream().map(world::channel).sorted().toList();
        assertThat("the channels listed (" + listedNames() + ")", listed, equalTo(expected));
    }

    @Then("the channels listed {inclusion} {channel}")
    public void theChannelsListedInclude(Boolean included, String channel) {
        String arn = world.hasChannel(channel) ? world.channel(channel) : null;
        boolean listed = arn != null && listed().stream().anyMatch(l -> arn.equals(l.arn()));
        assertThat("the channels listed (" + listedNames() + ")" + (included ? " include " : " do not include ")
                + channel, listed, equalTo(included));
    }

    /** Read by Ada, the AppInstanceAdmin, who may list any user's memberships (AUTH-010). */
    @Then("the channels {actor} is a member of do not include {channel}")
    public void theChannelsOfDoNotInclude(String actor, String channel) {
        String arn = world.channel(channel);
        List<Listed> channels = listedIn(api.about("ListChannelMembershipsForAppInstanceUser", null, actor)
                .whole(World.ADMIN));
        if (channels.stream().anyMatch(l -> arn.equals(l.arn()))) {
            throw new AssertionError("the channels " + actor + " is a member of should not include \"" + channel + "\"");
        }
    }

    @Then("{channel} is listed with:")
    public void isListedWith(String channel, Map<String, String> expected) {
        Expect.assertShows(world, "the listed \"" + channel + "\"", expected, listedEntry(channel).shown());
    }

    @Then("{channel} is listed {withOrWithout} a last message time")
    public void isListedWithALastMessageTime(String channel, Boolean with) {
        assertThat("the last message time of the listed \"" + channel + "\"", listedEntry(channel).lastMessage(),
                with ? notNullValue() : nullValue());
    }

    @Then("{channel} is listed with the last message time of {string}")
    public void isListedWithTheLastMessageTimeOf(String channel, String message) {
        assertThat("the last message time of the listed \"" + channel + "\"", listedEntry(channel).lastMessage(),
                equalTo(createdTimeOf(world.channel(channel), message)));
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** DescribeChannel on behalf of the named actor; fails the step if the service refuses. */
    private Channel describeAs(String actor, String channelArn) {
        return api.call("DescribeChannel").with("ChannelArn", channelArn).<DescribeChannelResponse>send(actor).channel();
    }

    /** The ARN a channel had before the scenario deleted it. */
    private String deletedChannel(String channel) {
        String arn = deleted.get(channel);
        if (arn == null) {
            throw new HarnessException("the scenario names the deleted \"" + channel + "\" but never deleted it");
        }
        return arn;
    }

    /**
     * One row of a channel list, whichever list operation returned it (ListChannels, the two per-user lists,
     * ListChannelsAssociatedWithChannelFlow), or a per-user description: the channel's summary (the item's
     * ChannelSummary, or the item itself) and the user's membership type, where the item gives one.
     */
    record Listed(SdkPojo summary, String membershipType) {

        static Listed of(Object item) {
            SdkPojo row = (SdkPojo) item;
            Object summary = Members.has(row, "ChannelSummary") ? Members.get(row, "ChannelSummary") : row;
            Object membership = Members.get(row, "AppInstanceUserMembershipSummary");
            assertThat("the channel summary", summary, notNullValue());
            return new Listed((SdkPojo) summary, membership == null ? null : Members.text((SdkPojo) membership, "Type"));
        }

        String arn() {
            return Members.text(summary, "ChannelArn");
        }

        Object lastMessage() {
            return Members.get(summary, "LastMessageTimestamp");
        }

        /** What the row shows, by the features' words ({@link Expect#shown}), with the membership type. */
        Map<String, Object> shown() {
            Map<String, Object> shown = Expect.shown(summary);
            shown.put("membership type", membershipType);
            return shown;
        }
    }

    private List<Listed> listed() {
        return listedIn(world.outcome().response(SdkResponse.class));
    }

    private static List<Listed> listedIn(SdkResponse response) {
        return Members.items(response).stream().map(Listed::of).toList();
    }

    private List<String> listedNames() {
        return listed().stream().map(l -> Members.text(l.summary(), "Name")).toList();
    }

    private Listed listedEntry(String channel) {
        String arn = world.channel(channel);
        return listed().stream().filter(l -> arn.equals(l.arn())).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + channel + "\" is not among the channels listed ("
                        + listedNames() + ")"));
    }

    private Channel described() {
        Channel channel = world.outcome().response(DescribeChannelResponse.class).channel();
        assertThat("the channel described", channel, notNullValue());
        return channel;
    }

    private static Map<String, Object> attributesOf(SdkPojo channel) {
        assertThat("the channel", channel, notNullValue());
        return Expect.shown(channel);
    }

    /** The CreatedTimestamp of a message, as Ada lists it (moderators, and so admins, may list messages). */
    private Instant createdTimeOf(String channelArn, String label) {
        String id = world.message(label);
        for (ChannelMessageSummary m : api.call("ListChannelMessages").with("ChannelArn", channelArn)
                .<ChannelMessageSummary>items(World.ADMIN)) {
            if (id.equals(m.messageId())) {
                return Expect.present("the creation time of \"" + label + "\"", m.createdTimestamp());
            }
        }
        throw new AssertionError("\"" + label + "\" is not among the messages of the channel");
    }

    /** CreateChannel of that privacy and mode, named as the feature names the channel. */
    private Driver.Call create(ChannelKind kind, String channel, String appInstanceArn) {
        return api.call("CreateChannel").with("AppInstanceArn", appInstanceArn).with("Name", channel)
                .with("Privacy", kind.privacy()).with("Mode", kind.mode());
    }

    private void created(String actor, String channel, Driver.Call create) {
        create.create(actor, channel);
        world.actor(actor);
    }

    /** The members a table gives (name, mode, privacy, metadata), sent as written. */
    private static Driver.Call attributes(Driver.Call request, Map<String, String> attributes) {
        attributes.forEach((name, value) -> request.with(Character.toUpperCase(name.charAt(0)) + name.substring(1), value));
        return request;
    }
}
