package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.Listings;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.Channel;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

/**
 * Who may make a request: the ChimeBearer (AUTH-001, AUTH-002) and the developer APIs that take none
 * (AUTH-004). Who may do what with messages and channel flows (AUTH-005 to AUTH-008, AUTH-017, AUTH-020)
 * is said with the message and flow steps.
 */
public class AuthSteps {

    private static final String STATE_BEFORE = "channel state before the request";

    private final World world;
    private final ChannelSteps channels;
    private final Listings lists;
    private final ChannelFlowFixtures flows;

    public AuthSteps(World world, ChannelSteps channels, Listings lists, ChannelFlowFixtures flows) {
        this.world = world;
        this.channels = channels;
        this.lists = lists;
        this.flows = flows;
    }

    // ---- AUTH-001 and AUTH-004: requests without a ChimeBearer ----------------------------------------------

    /**
     * Calls the named operation on the channel with ChimeBearer left out (the SDK sends no header). Bearer
     * operations act on the roles the scenario set up: Bob the member, Mallory the banned user, Alice the
     * moderator and her message; developer APIs act on the channel (tags) or on nothing (the endpoint).
     */
    @When("{word} is called for {channel} without a ChimeBearer")
    public void isCalledWithoutABearer(String operation, String channel) {
        String arn = world.channel(channel);
        world.note(STATE_BEFORE, stateOf(arn));
        ChimeSdkMessagingClient api = world.messaging();
        Supplier<? extends SdkResponse> call = switch (operation) {
            case "CreateChannel" -> () -> api.createChannel(r -> r.appInstanceArn(world.appInstanceArn())
                    .name("unnamed").mode(ChannelMode.UNRESTRICTED).privacy(ChannelPrivacy.PUBLIC)
                    .clientRequestToken(UUID.randomUUID().toString()));
            case "UpdateChannel" -> () -> api.updateChannel(r -> r.channelArn(arn).name("renamed")
                    .mode(ChannelMode.RESTRICTED));
            case "DescribeChannel" -> () -> api.describeChannel(r -> r.channelArn(arn));
            case "DeleteChannel" -> () -> api.deleteChannel(r -> r.channelArn(arn));
            case "ListChannels" -> () -> api.listChannels(r -> r.appInstanceArn(world.appInstanceArn()));
            case "DescribeChannelMembershipForAppInstanceUser" -> () -> api
                    .describeChannelMembershipForAppInstanceUser(r -> r.channelArn(arn)
                            .appInstanceUserArn(world.actor("Bob")));
            case "ListChannelMembershipsForAppInstanceUser" -> () -> api
                    .listChannelMembershipsForAppInstanceUser(r -> r.appInstanceUserArn(world.actor("Bob")));
            case "DescribeChannelModeratedByAppInstanceUser" -> () -> api
                    .describeChannelModeratedByAppInstanceUser(r -> r.channelArn(arn)
                            .appInstanceUserArn(world.actor("Alice")));
            case "ListChannelsModeratedByAppInstanceUser" -> () -> api
                    .listChannelsModeratedByAppInstanceUser(r -> r.appInstanceUserArn(world.actor("Alice")));
            case "CreateChannelMembership" -> () -> api.createChannelMembership(r -> r.channelArn(arn)
                    .memberArn(world.actor("Carol")).type(ChannelMembershipType.DEFAULT));
            case "BatchCreateChannelMembership" -> () -> api.batchCreateChannelMembership(r -> r.channelArn(arn)
                    .memberArns(world.actor("Carol")).type(ChannelMembershipType.DEFAULT));
            case "DescribeChannelMembership" -> () -> api.describeChannelMembership(r -> r.channelArn(arn)
                    .memberArn(world.actor("Bob")));
            case "DeleteChannelMembership" -> () -> api.deleteChannelMembership(r -> r.channelArn(arn)
                    .memberArn(world.actor("Bob")));
            case "ListChannelMemberships" -> () -> api.listChannelMemberships(r -> r.channelArn(arn));
            case "CreateChannelModerator" -> () -> api.createChannelModerator(r -> r.channelArn(arn)
                    .channelModeratorArn(world.actor("Carol")));
            case "DescribeChannelModerator" -> () -> api.describeChannelModerator(r -> r.channelArn(arn)
                    .channelModeratorArn(world.actor("Alice")));
            case "DeleteChannelModerator" -> () -> api.deleteChannelModerator(r -> r.channelArn(arn)
                    .channelModeratorArn(world.actor("Alice")));
            case "ListChannelModerators" -> () -> api.listChannelModerators(r -> r.channelArn(arn));
            case "CreateChannelBan" -> () -> api.createChannelBan(r -> r.channelArn(arn)
                    .memberArn(world.actor("Bob")));
            case "DescribeChannelBan" -> () -> api.describeChannelBan(r -> r.channelArn(arn)
                    .memberArn(world.actor("Mallory")));
            case "DeleteChannelBan" -> () -> api.deleteChannelBan(r -> r.channelArn(arn)
                    .memberArn(world.actor("Mallory")));
            case "ListChannelBans" -> () -> api.listChannelBans(r -> r.channelArn(arn));
            case "SendChannelMessage" -> () -> api.sendChannelMessage(r -> r.channelArn(arn).content("Anyone?")
                    .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                    .clientRequestToken(UUID.randomUUID().toString()));
            case "ListChannelMessages" -> () -> api.listChannelMessages(r -> r.channelArn(arn));
            case "GetChannelMessage" -> () -> api.getChannelMessage(r -> r.channelArn(arn)
                    .messageId(onlyMessage()));
            case "UpdateChannelMessage" -> () -> api.updateChannelMessage(r -> r.channelArn(arn)
                    .messageId(onlyMessage()).content("edited"));
            case "RedactChannelMessage" -> () -> api.redactChannelMessage(r -> r.channelArn(arn)
                    .messageId(onlyMessage()));
            case "DeleteChannelMessage" -> () -> api.deleteChannelMessage(r -> r.channelArn(arn)
                    .messageId(onlyMessage()));
            case "GetChannelMessageStatus" -> () -> api.getChannelMessageStatus(r -> r.channelArn(arn)
                    .messageId(onlyMessage()));
            case "UpdateChannelReadMarker" -> () -> api.updateChannelReadMarker(r -> r.channelArn(arn));
            case "TagResource" -> () -> api.tagResource(r -> r.resourceARN(arn)
                    .tags(Tag.builder().key("topic").value("books").build()));
            case "UntagResource" -> () -> api.untagResource(r -> r.resourceARN(arn).tagKeys("topic"));
            case "ListTagsForResource" -> () -> api.listTagsForResource(r -> r.resourceARN(arn));
            case "GetMessagingSessionEndpoint" -> () -> api.getMessagingSessionEndpoint(r -> { });
            default -> throw new HarnessException("no call without a ChimeBearer is defined for " + operation);
        };
        world.attempt(operation, "nobody", call);
    }

    @When("{word} is called for {channel} and the channel flow {flow} without a ChimeBearer")
    public void isCalledForTheChannelAndFlowWithoutABearer(String operation, String channel, String flow) {
        String arn = world.channel(channel);
        String flowArn = world.flow(flow);
        world.note(STATE_BEFORE, stateOf(arn));
        ChimeSdkMessagingClient api = world.messaging();
        Supplier<? extends SdkResponse> call = switch (operation) {
            case "AssociateChannelFlow" -> () -> api.associateChannelFlow(r -> r.channelArn(arn).channelFlowArn(flowArn));
            case "DisassociateChannelFlow" -> () -> api.disassociateChannelFlow(r -> r.channelArn(arn)
                    .channelFlowArn(flowArn));
            default -> throw new HarnessException("no call without a ChimeBearer is defined for " + operation);
        };
        world.attempt(operation, "nobody", call);
    }

    /** AUTH-004: the channel-flow developer APIs; their SDK requests have no ChimeBearer at all. */
    @When("{word} is called for the channel flow {flow} without a ChimeBearer")
    public void isCalledForTheFlowWithoutABearer(String operation, String flow) {
        String flowArn = world.flow(flow);
        ChimeSdkMessagingClient api = world.messaging();
        Supplier<? extends SdkResponse> call = switch (operation) {
            case "CreateChannelFlow" -> () -> api.createChannelFlow(r -> r.appInstanceArn(world.appInstanceArn())
                    .name("another-filter").processors(flows.processor(ProcessorBehaviour.PASS_THROUGH))
                    .clientRequestToken(UUID.randomUUID().toString()));
            case "UpdateChannelFlow" -> () -> api.updateChannelFlow(r -> r.channelFlowArn(flowArn)
                    .name(flow + "-renamed")
                    .processors(flows.processor(ProcessorBehaviour.PASS_THROUGH)));
            case "DescribeChannelFlow" -> () -> api.describeChannelFlow(r -> r.channelFlowArn(flowArn));
            case "ListChannelFlows" -> () -> api.listChannelFlows(r -> r.appInstanceArn(world.appInstanceArn()));
            case "ListChannelsAssociatedWithChannelFlow" -> () -> api.listChannelsAssociatedWithChannelFlow(r -> r
                    .channelFlowArn(flowArn));
            case "DeleteChannelFlow" -> () -> api.deleteChannelFlow(r -> r.channelFlowArn(flowArn));
            default -> throw new HarnessException("no call without a ChimeBearer is defined for " + operation);
        };
        world.attempt(operation, "nobody", call);
    }

    /** AUTH-001: "changes no state", as Ada, the AppInstanceAdmin, sees the channel and the AppInstance. */
    @Then("{channel} is as it was before the request")
    public void isAsItWasBefore(String channel) {
        ChannelState before = world.note(STATE_BEFORE);
        ChannelState after = stateOf(world.channel(channel));
        assertThat("the channel described", after.description(), equalTo(before.description()));
        assertThat("its members", after.members(), equalTo(before.members()));
        assertThat("its moderators", after.moderators(), equalTo(before.moderators()));
        assertThat("its bans", after.bans(), equalTo(before.bans()));
        assertThat("its messages", after.messages(), equalTo(before.messages()));
        assertThat("the channels of the AppInstance", after.channels(), equalTo(before.channels()));
    }

    // ---- AUTH-002: a ChimeBearer that names nobody ----------------------------------------------------------

    @When("{channel} is described with the ChimeBearer {string}")
    public void isDescribedWithTheBearer(String channel, String bearer) {
        describeWithBearer(channel, bearer);
    }

    /** A well-formed AppInstanceUser ARN in the scenario's AppInstance, for a user never created. */
    @When("{channel} is described with a ChimeBearer that names no AppInstanceUser")
    public void isDescribedWithAnUnknownBearer(String channel) {
        describeWithBearer(channel, world.appInstanceArn() + "/user/nobody-" + UUID.randomUUID());
    }

    /** An ARN-shaped ChimeBearer padded to the given length. */
    @When("{channel} is described with a ChimeBearer of {int} characters")
    public void isDescribedWithABearerOfLength(String channel, int length) {
        String prefix = world.appInstanceArn() + "/user/";
        if (length < prefix.length() + 1) {
            throw new HarnessException("a ChimeBearer of " + length + " characters cannot name a user");
        }
        describeWithBearer(channel, prefix + "u".repeat(length - prefix.length()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** What a request could change about a channel and its AppInstance, as Ada sees it. */
    record ChannelState(Channel description, List<String> members, List<String> moderators, List<String> bans,
                        List<String> messages, List<String> channels) {
    }

    private ChannelState stateOf(String channelArn) {
        String admin = world.actor(World.ADMIN);
        Channel description = channels.describeAs(World.ADMIN, channelArn);
        List<String> members = Stream.concat(
                        lists.members(admin, channelArn, ChannelMembershipType.DEFAULT).channelMemberships()
                                .stream().map(m -> "DEFAULT " + m.member().arn()),
                        lists.members(admin, channelArn, ChannelMembershipType.HIDDEN).channelMemberships()
                                .stream().map(m -> "HIDDEN " + m.member().arn()))
                .sorted().toList();
        List<String> moderators = lists.moderators(admin, channelArn).channelModerators().stream()
                .map(m -> m.moderator().arn()).sorted().toList();
        List<String> bans = lists.bans(admin, channelArn).channelBans().stream()
                .map(b -> b.member().arn()).sorted().toList();
        List<String> messages = messagesOf(admin, channelArn);
        List<String> all = Stream.concat(
                        lists.channels(admin, ChannelPrivacy.PUBLIC).channels().stream(),
                        lists.channels(admin, ChannelPrivacy.PRIVATE).channels().stream())
                .map(c -> c.channelArn()).sorted().toList();
        return new ChannelState(description, members, moderators, bans, messages, all);
    }

    private List<String> messagesOf(String bearer, String channelArn) {
        return lists.messages(bearer, channelArn).stream()
                .sorted(Comparator.comparing(ChannelMessageSummary::messageId))
                .map(m -> m.messageId() + " " + m.content() + " redacted=" + m.redacted()
                        + " edited=" + m.lastEditedTimestamp())
                .toList();
    }

    /** The message of the AUTH-001 scenarios' Background. */
    private String onlyMessage() {
        return world.message("Welcome!");
    }

    private void describeWithBearer(String channel, String bearer) {
        String arn = world.channel(channel);
        world.attempt("DescribeChannel", "a caller with an unknown ChimeBearer", () -> world.messaging()
                .describeChannel(r -> r.channelArn(arn).chimeBearer(bearer)));
    }
}
