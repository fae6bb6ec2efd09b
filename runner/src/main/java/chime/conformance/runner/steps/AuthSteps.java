package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.Channel;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.Processor;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

/**
 * Who may make a request: the ChimeBearer (AUTH-001, AUTH-002), the developer APIs that take none
 * (AUTH-004), and the permission rules on messages and channel flows (AUTH-005 to AUTH-008, AUTH-017,
 * AUTH-020). The message and flow steps here are worded for permission scenarios; the message and flow
 * features have their own.
 */
public class AuthSteps {

    private static final String STATE_BEFORE = "channel state before the request";

    private final World world;
    private final ChannelSteps channels;
    private final MembershipSteps memberships;
    private final ModerationSteps moderation;

    public AuthSteps(World world) {
        this.world = world;
        this.channels = new ChannelSteps(world);
        this.memberships = new MembershipSteps(world);
        this.moderation = new ModerationSteps(world);
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
                    .name("another-filter").processors(processor(ProcessorBehaviour.PASS_THROUGH))
                    .clientRequestToken(UUID.randomUUID().toString()));
            case "UpdateChannelFlow" -> () -> api.updateChannelFlow(r -> r.channelFlowArn(flowArn)
                    .name(flow + "-renamed").processors(processor(ProcessorBehaviour.PASS_THROUGH)));
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

    // ---- messages, worded for permission scenarios ----------------------------------------------------------

    @When("{actor} deletes {actor}'s message {string} in {channel}")
    public void deletesTheMessage(String actor, String sender, String message, String channel) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String id = world.message(message);
        world.attempt("DeleteChannelMessage", actor, () -> world.messaging().deleteChannelMessage(r -> r
                .channelArn(arn).messageId(id).chimeBearer(bearer)));
    }

    @When("{actor} redacts {actor}'s message {string} in {channel}")
    public void redactsTheMessage(String actor, String sender, String message, String channel) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String id = world.message(message);
        world.attempt("RedactChannelMessage", actor, () -> world.messaging().redactChannelMessage(r -> r
                .channelArn(arn).messageId(id).chimeBearer(bearer)));
    }

    @When("{actor} edits {actor}'s message {string} in {channel} to read {string}")
    public void editsTheMessage(String actor, String sender, String message, String channel, String content) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String id = world.message(message);
        world.attempt("UpdateChannelMessage", actor, () -> world.messaging().updateChannelMessage(r -> r
                .channelArn(arn).messageId(id).content(content).chimeBearer(bearer)));
    }

    @When("{actor} asks for the status of {actor}'s message {string} in {channel}")
    public void asksForTheStatus(String actor, String sender, String message, String channel) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String id = world.message(message);
        world.attempt("GetChannelMessageStatus", actor, () -> world.messaging().getChannelMessageStatus(r -> r
                .channelArn(arn).messageId(id).chimeBearer(bearer)));
    }

    @When("{actor} reads {actor}'s message {string} in {channel}")
    public void readsTheMessage(String actor, String sender, String message, String channel) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String id = world.message(message);
        world.attempt("GetChannelMessage", actor, () -> world.messaging().getChannelMessage(r -> r
                .channelArn(arn).messageId(id).chimeBearer(bearer)));
    }

    /** Read by the sender, a member of the channel. */
    @Then("{actor}'s message {string} is still in {channel}")
    public void theMessageIsStillIn(String sender, String message, String channel) {
        ChannelMessage read = readAsSender(sender, message, channel);
        assertThat("\"" + message + "\"", read, notNullValue());
        assertThat("the message ID of \"" + message + "\"", read.messageId(), equalTo(world.message(message)));
    }

    @Then("{actor}'s message {string} in {channel} still reads {string}")
    public void theMessageStillReads(String sender, String message, String channel, String content) {
        assertThat("the content of \"" + message + "\"", readAsSender(sender, message, channel).content(),
                equalTo(content));
    }

    @Then("{actor}'s message {string} in {channel} is not redacted")
    public void theMessageIsNotRedacted(String sender, String message, String channel) {
        ChannelMessage read = readAsSender(sender, message, channel);
        assertThat("\"" + message + "\" redacted", Boolean.TRUE.equals(read.redacted()), equalTo(false));
        assertThat("the content of \"" + message + "\"", read.content(), equalTo(message));
    }

    // ---- channel flows, worded for permission scenarios -----------------------------------------------------

    /** A channel flow with one pass-through processor, created through the developer API. */
    @Given("a developer has created the channel flow {flow}")
    public void aDeveloperHasCreatedTheChannelFlow(String flow) {
        world.rememberFlow(flow, createFlow(flow, ProcessorBehaviour.PASS_THROUGH));
    }

    /** Associated by Ada, the AppInstanceAdmin. */
    @Given("the channel flow {flow} has been associated with {channel}")
    public void theChannelFlowHasBeenAssociated(String flow, String channel) {
        String flowArn = world.flow(flow);
        String arn = world.channel(channel);
        String admin = world.actor(World.ADMIN);
        world.messaging().associateChannelFlow(r -> r.channelArn(arn).channelFlowArn(flowArn).chimeBearer(admin));
    }

    /** A processor that records the invocation and never calls back: the scenario plays it. */
    @Given("the channel flow {flow}, whose processor holds each message until it calls back, has been associated with {channel}")
    public void theHoldingChannelFlowHasBeenAssociated(String flow, String channel) {
        world.rememberFlow(flow, createFlow(flow, ProcessorBehaviour.HOLD));
        theChannelFlowHasBeenAssociated(flow, channel);
    }

    @When("{actor} associates the channel flow {flow} with {channel}")
    public void associatesTheChannelFlow(String actor, String flow, String channel) {
        String bearer = world.actor(actor);
        String flowArn = world.flow(flow);
        String arn = world.channel(channel);
        world.attempt("AssociateChannelFlow", actor, () -> world.messaging().associateChannelFlow(r -> r
                .channelArn(arn).channelFlowArn(flowArn).chimeBearer(bearer)));
    }

    @When("{actor} disassociates the channel flow {flow} from {channel}")
    public void disassociatesTheChannelFlow(String actor, String flow, String channel) {
        String bearer = world.actor(actor);
        String flowArn = world.flow(flow);
        String arn = world.channel(channel);
        world.attempt("DisassociateChannelFlow", actor, () -> world.messaging().disassociateChannelFlow(r -> r
                .channelArn(arn).channelFlowArn(flowArn).chimeBearer(bearer)));
    }

    /** AUTH-004: ChannelFlowCallback, with the callback ID the service gave the processor. */
    @When("the processor calls back for {string} in {channel} without a ChimeBearer")
    public void theProcessorCallsBack(String message, String channel) {
        String arn = world.channel(channel);
        String id = world.message(message);
        ProcessorProbe probe = world.target().processorProbe()
                .orElseThrow(() -> new HarnessException("the target cannot show processor invocations"));
        List<ProcessorProbe.Invocation> invocations = world.eventually(() -> probe.invocationsFor(arn),
                list -> list.stream().anyMatch(i -> id.equals(i.messageId())));
        ProcessorProbe.Invocation invocation = invocations.stream().filter(i -> id.equals(i.messageId()))
                .findFirst().orElseThrow(() -> new AssertionError("the processor was never invoked for \""
                        + message + "\""));
        world.attempt("ChannelFlowCallback", "the processor", () -> world.messaging().channelFlowCallback(r -> r
                .callbackId(invocation.callbackId())
                .channelArn(arn)
                .channelMessage(m -> m.messageId(id))));
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
                        memberships.members(admin, channelArn, ChannelMembershipType.DEFAULT).channelMemberships()
                                .stream().map(m -> "DEFAULT " + m.member().arn()),
                        memberships.members(admin, channelArn, ChannelMembershipType.HIDDEN).channelMemberships()
                                .stream().map(m -> "HIDDEN " + m.member().arn()))
                .sorted().toList();
        List<String> moderators = moderation.moderators(admin, channelArn).channelModerators().stream()
                .map(m -> m.moderator().arn()).sorted().toList();
        List<String> bans = moderation.bans(admin, channelArn).channelBans().stream()
                .map(b -> b.member().arn()).sorted().toList();
        List<String> messages = messagesOf(admin, channelArn);
        List<String> all = Stream.concat(
                        channels.channels(admin, ChannelPrivacy.PUBLIC).channels().stream(),
                        channels.channels(admin, ChannelPrivacy.PRIVATE).channels().stream())
                .map(c -> c.channelArn()).sorted().toList();
        return new ChannelState(description, members, moderators, bans, messages, all);
    }

    private List<String> messagesOf(String bearer, String channelArn) {
        ArrayList<ChannelMessageSummary> all = new ArrayList<>();
        String token = null;
        for (int page = 0; page < ChannelSteps.MAX_PAGES; page++) {
            String next = token;
            ListChannelMessagesResponse response = world.messaging().listChannelMessages(r -> r
                    .channelArn(channelArn).nextToken(next).chimeBearer(bearer));
            all.addAll(response.channelMessages());
            token = response.nextToken();
            if (token == null) {
                return all.stream().sorted(Comparator.comparing(ChannelMessageSummary::messageId))
                        .map(m -> m.messageId() + " " + m.content() + " redacted=" + m.redacted()
                                + " edited=" + m.lastEditedTimestamp())
                        .toList();
            }
        }
        throw new AssertionError("ListChannelMessages kept returning a NextToken");
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

    private ChannelMessage readAsSender(String sender, String message, String channel) {
        String bearer = world.actor(sender);
        String arn = world.channel(channel);
        String id = world.message(message);
        return world.messaging().getChannelMessage(r -> r.channelArn(arn).messageId(id).chimeBearer(bearer))
                .channelMessage();
    }

    private String createFlow(String flow, ProcessorBehaviour behaviour) {
        return world.messaging().createChannelFlow(r -> r
                .appInstanceArn(world.appInstanceArn())
                .name(flow)
                .processors(processor(behaviour))
                .clientRequestToken(UUID.randomUUID().toString())).channelFlowArn();
    }

    private Processor processor(ProcessorBehaviour behaviour) {
        String lambda = world.target().processorArn(behaviour).orElseThrow(() -> new HarnessException(
                "the target has no " + behaviour.key() + " processor"));
        return Processor.builder()
                .name(behaviour.key())
                .executionOrder(1)
                .fallbackAction(FallbackAction.CONTINUE)
                .configuration(c -> c.lambda(l -> l.resourceArn(lambda).invocationType(InvocationType.ASYNC)))
                .build();
    }
}
