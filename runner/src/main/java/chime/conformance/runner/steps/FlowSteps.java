package chime.conformance.runner.steps;

import static chime.conformance.runner.world.ChannelFlowFixtures.DEFAULT_FALLBACK;
import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.types.ParameterTypes;
import chime.conformance.runner.world.ChannelFlowFixtures;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Channel flows: creating, describing, updating, deleting and listing them (developer APIs, called by
 * "the developer" with no bearer), associating them with channels, the processors' invocations, and the
 * processor played by the scenario ("the processor"), which calls back with ChannelFlowCallback.
 */
public class FlowSteps extends Steps {

    private static final String PROCESSOR = "the processor";

    private Instant updatedBefore;
    private String updatedFlow;
    /** The invocation the processor last called back for. */
    private ProcessorProbe.Invocation callback;

    public FlowSteps(Driver api) {
        super(api);
    }

    /** A required setting of a processor, as FLOW-004 lists them. */
    @ParameterType("name|Lambda function|invocation type|execution order|fallback action")
    public String processorSetting(String setting) {
        return setting;
    }

    // ---------------------------------------------------------------- the stage

    /** A processor of known behaviour, first in its flow: "rewrite processor, falling back to CONTINUE". */
    public record OneProcessor(ProcessorBehaviour behaviour, FallbackAction fallback) {
    }

    /** Unless the step says otherwise, the processor falls back to {@link ChannelFlowFixtures#DEFAULT_FALLBACK}. */
    @ParameterType("(" + ParameterTypes.PROCESSORS + ") processor(?:, falling back to (CONTINUE|ABORT))?")
    public OneProcessor oneProcessor(String behaviour, String fallback) {
        return new OneProcessor(ProcessorBehaviour.fromKey(behaviour),
                fallback == null ? DEFAULT_FALLBACK : FallbackAction.fromValue(fallback));
    }

    @Given("the channel flow {flow} runs the {oneProcessor}")
    public void theChannelFlowRuns(String flow, OneProcessor processor) {
        world.rememberFlow(flow, flows.createFlow(world.appInstanceArn(), flow, List.of(processor(processor))));
    }

    @Given("{actor}'s AppInstance has the channel flow {flow}")
    public void anotherAppInstanceHasTheChannelFlow(String actor, String flow) {
        String appInstance = world.appInstanceOf(actor);
        world.rememberFlow(flow, flows.createFlow(appInstance, flow,
                List.of(flows.processor(ProcessorBehaviour.PASS_THROUGH))));
    }

    @Given("{channelList} is/are associated with the channel flow {flow}")
    public void areAssociatedWith(List<String> channels, String flow) {
        channels.forEach(channel -> flows.associate(channel, flow));
    }

    @Given("{channelList} has/have been disassociated from the channel flow {flow}")
    public void haveBeenDisassociated(List<String> channels, String flow) {
        channels.forEach(channel -> flows.disassociate(channel, flow));
    }

    /** A flow of its own for the channel, named after it, with one processor. */
    @Given("{channel} goes through the {oneProcessor}")
    public void goesThrough(String channel, OneProcessor processor) {
        String flow = channel + "-flow";
        theChannelFlowRuns(flow, processor);
        flows.associate(channel, flow);
    }

    @Given("{channel} goes through a processor that the scenario plays")
    public void goesThroughAPlayedProcessor(String channel) {
        goesThrough(channel, new OneProcessor(ProcessorBehaviour.HOLD, DEFAULT_FALLBACK));
    }

    /**
     * A flow of several processors (the model allows up to three; FLOW-003). A target that keeps the
     * documented limit of one processor (FLOW-002) refuses it: the scenario is then not applicable.
     */
    @Given("{channel} goes through these processors:")
    public void goesThroughTheseProcessors(String channel, DataTable table) {
        String flow = channel + "-flow";
        try {
            world.rememberFlow(flow, flows.createFlow(world.appInstanceArn(), flow,
                    processors(table)));
        } catch (BadRequestException limit) {
            throw new TestAbortedException("NOT_APPLICABLE: target " + world.target().name()
                    + " keeps the documented limit of one processor per channel flow (FLOW-002)");
        }
        flows.associate(channel, flow);
    }

    @Given("the channel flow {flow} has been updated to the {oneProcessor}")
    public void hasBeenUpdated(String flow, OneProcessor processor) {
        api.canonical("UpdateChannelFlow", null, flow).with("Name", flow).with("Processors", List.of(processor(processor)))
                .send(DEVELOPER);
    }

    // ---------------------------------------------------------------- creating, updating, deleting flows

    @When("the developer creates the channel flow {flow} with the {oneProcessor}")
    public void createsWith(String flow, OneProcessor processor) {
        create(flow, List.of(processor(processor)));
    }

    @When("the developer creates the channel flow {flow} with the {processor} and {processor} processors")
    public void createsWithTwo(String flow, ProcessorBehaviour first, ProcessorBehaviour second) {
        create(flow, List.of(flows.processor(first, 1, DEFAULT_FALLBACK),
                flows.processor(second, 2, DEFAULT_FALLBACK)));
    }

    @When("the developer creates the channel flow {flow} with these processors:")
    public void createsWithThese(String flow, DataTable table) {
        create(flow, processors(table));
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor in execution order {int}")
    public void createsInExecutionOrder(String flow, ProcessorBehaviour behaviour, int order) {
        create(flow, List.of(flows.processor(behaviour, order, DEFAULT_FALLBACK)));
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor invoked {string}")
    public void createsInvoked(String flow, ProcessorBehaviour behaviour, String invocationType) {
        create(flow, List.of(invokedAs(behaviour, invocationType)));
    }

    /** A processor whose ARN is a valid ARN, but of an SNS topic rather than a Lambda function (FLOW-004). */
    @When("the developer creates the channel flow {flow} with a processor that is not a Lambda function")
    public void createsWithANonLambda(String flow) {
        create(flow, List.of(Processor.builder().name("not-a-lambda")
                .configuration(c -> c.lambda(l -> l.resourceArn("arn:aws:sns:us-east-1:111122223333:not-a-lambda")
                        .invocationType(InvocationType.ASYNC)))
                .executionOrder(1).fallbackAction(DEFAULT_FALLBACK).build()));
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor lacking its {processorSetting}")
    public void createsLacking(String flow, ProcessorBehaviour behaviour, String setting) {
        Processor full = flows.processor(behaviour);
        String arn = flows.processorArn(behaviour);
        Processor lacking = switch (setting) {
            case "name" -> full.toBuilder().name(null).build();
            case "Lambda function" -> full.toBuilder().configuration(c -> c.lambda(l -> l
                    .invocationType(InvocationType.ASYNC))).build();
            case "invocation type" -> full.toBuilder().configuration(c -> c.lambda(l -> l.resourceArn(arn))).build();
            case "execution order" -> full.toBuilder().executionOrder(null).build();
            case "fallback action" -> full.toBuilder().fallbackAction((String) null).build();
            default -> throw new IllegalArgumentException(setting);
        };
        create(flow, List.of(lacking));
    }

    @When("the developer updates {flow} to the {processor} and {processor} processors")
    public void updatesToTwo(String flow, ProcessorBehaviour first, ProcessorBehaviour second) {
        update(flow, flow, List.of(flows.processor(first, 1, DEFAULT_FALLBACK),
                flows.processor(second, 2, DEFAULT_FALLBACK)));
    }

    @When("the developer updates {flow} to the {processor} processor invoked {string}")
    public void updatesToInvoked(String flow, ProcessorBehaviour behaviour, String invocationType) {
        update(flow, flow, List.of(invokedAs(behaviour, invocationType)));
    }

    /** Notes the flow's last update time first, so that a Then can tell that the update advanced it. */
    @When("the developer updates {flow} to the {processor} processor under the name {string}")
    public void updatesToUnderTheName(String flow, ProcessorBehaviour behaviour, String name) {
        updatedBefore = describe(flow).lastUpdatedTimestamp();
        update(flow, name, List.of(flows.processor(behaviour)));
    }

    @When("the developer updates {flow} without processors")
    public void updatesWithoutProcessors(String flow) {
        update(flow, flow, null);
    }

    @When("the developer updates {flow} without a name")
    public void updatesWithoutAName(String flow) {
        update(flow, null, List.of(flows.processor(ProcessorBehaviour.PASS_THROUGH)));
    }

    @When("the developer deletes the channel flow {flow}")
    public void deletes(String flow) {
        api.canonical("DeleteChannelFlow", null, flow).attempt(DEVELOPER);
    }

    @When("the developer describes the channel flow {flow}")
    public void describes(String flow) {
        api.canonical("DescribeChannelFlow", null, flow).attempt(DEVELOPER);
    }

    /** Follows NextToken until it is absent; the Then steps read every page. */
    @When("the developer lists the channel flows")
    public void listsTheChannelFlows() {
        api.canonical("ListChannelFlows", null, null).attemptWhole(DEVELOPER);
    }

    @When("the developer lists the channel flows {int} at a time")
    public void listsTheChannelFlowsAtATime(int maxResults) {
        api.canonical("ListChannelFlows", null, null).with("MaxResults", maxResults).attempt(DEVELOPER);
    }

    /** Follows NextToken; the channel-list steps read the last page, which holds them all in these scenarios. */
    @When("the developer lists the channels associated with the channel flow {flow}")
    public void listsTheChannelsOf(String flow) {
        api.canonical("ListChannelsAssociatedWithChannelFlow", null, flow).attemptWhole(DEVELOPER);
    }

    // ---------------------------------------------------------------- associating

    @When("{actor} associates the channel flow {flow} with {channel}")
    public void associates(String actor, String flow, String channel) {
        api.canonical("AssociateChannelFlow", channel, flow).attempt(actor);
    }

    /** A well-formed ARN of a flow in the scenario's AppInstance that was never created. */
    @When("{actor} associates a channel flow that does not exist with {channel}")
    public void associatesAFlowThatDoesNotExist(String actor, String channel) {
        api.canonical("AssociateChannelFlow", channel, null)
                .with("ChannelFlowArn", world.appInstanceArn() + "/channel-flow/" + world.ids().token()).attempt(actor);
    }

    @When("{actor} disassociates the channel flow {flow} from {channel}")
    public void disassociates(String actor, String flow, String channel) {
        api.canonical("DisassociateChannelFlow", channel, flow).attempt(actor);
    }

    // ---------------------------------------------------------------- what a flow is

    @Then("the ARN of the new channel flow is returned")
    public void theArnIsReturned() {
        assertThat(world.outcome().response(CreateChannelFlowResponse.class).channelFlowArn(),
                not(emptyOrNullString()));
    }

    @Then("{flow} is described with its name, the {processor} processor and a creation time")
    public void isDescribedWithItsNameAndProcessor(String flow, ProcessorBehaviour behaviour) {
        ChannelFlow described = describe(flow);
        assertThat(described.name(), is(flow));
        assertThat(described.processors(), contains(flows.processor(behaviour)));
        assertThat(described.createdTimestamp(), notNullValue());
    }

    @Then("{flow} still runs only the {processor} processor")
    public void stillRunsOnly(String flow, ProcessorBehaviour behaviour) {
        assertThat(describe(flow).processors(), contains(flows.processor(behaviour)));
    }

    @Then("{flow} is described with the name {string} and only the {processor} processor")
    public void isDescribedWithTheName(String flow, String name, ProcessorBehaviour behaviour) {
        ChannelFlow described = describe(flow);
        assertThat(described.name(), is(name));
        assertThat(described.processors(), contains(flows.processor(behaviour)));
    }

    @Then("the channel flow {flow} can still be described")
    public void canStillBeDescribed(String flow) {
        assertThat(describe(flow).channelFlowArn(), is(world.flow(flow)));
    }

    @Then("describing the channel flow {flow} fails with {errors}")
    public void describingFails(String flow, List<Class<? extends ChimeSdkMessagingException>> allowed) {
        try {
            ChannelFlow found = describe(flow);
            throw new AssertionError("the deleted channel flow " + flow + " is still described: " + found);
        } catch (AwsServiceException e) {
            assertThat(e.getClass().getSimpleName() + ", expected one of " + allowed, allowed.stream()
                    .anyMatch(type -> type.isInstance(e)), is(true));
        }
    }

    @Then("the description gives the flow's ARN, the name {string} and the {processor} processor falling back to {fallback}")
    public void theDescriptionGives(String name, ProcessorBehaviour behaviour, FallbackAction fallback) {
        ChannelFlow described = world.outcome().response(DescribeChannelFlowResponse.class).channelFlow();
        assertThat(described.channelFlowArn(), is(world.flow(name)));
        assertThat(described.name(), is(name));
        assertThat(described.processors(), contains(flows.processor(behaviour, 1, fallback)));
    }

    @Then("the description gives a creation time and a last update time")
    public void theDescriptionGivesTimes() {
        ChannelFlow described = world.outcome().response(DescribeChannelFlowResponse.class).channelFlow();
        assertThat("CreatedTimestamp", described.createdTimestamp(), notNullValue());
        assertThat("LastUpdatedTimestamp", described.lastUpdatedTimestamp(), notNullValue());
    }

    @Then("the response names the same channel flow")
    public void theResponseNamesTheSameFlow() {
        UpdateChannelFlowResponse updated = world.outcome().response(UpdateChannelFlowResponse.class);
        assertThat(updated.channelFlowArn(), is(world.flow(updatedFlow)));
    }

    @Then("the last update time of {flow} is later than before the update")
    public void theLastUpdateTimeAdvanced(String flow) {
        world.outcome().response(UpdateChannelFlowResponse.class);
        Instant before = updatedBefore;
        Instant after = describe(flow).lastUpdatedTimestamp();
        assertThat("LastUpdatedTimestamp after the update", after, notNullValue());
        if (before != null) {
            assertThat("LastUpdatedTimestamp after the update", after, greaterThan(before));
        }
    }

    // ---------------------------------------------------------------- lists of flows and of their channels

    @Then("no channel flow named {string} is listed")
    public void noChannelFlowNamedIsListed(String name) {
        assertThat(allFlows().stream().map(ChannelFlowSummary::name).toList(), not(hasItem(name)));
    }

    @Then("the channel flow {flow} is no longer listed")
    public void isNoLongerListed(String flow) {
        String arn = world.flow(flow);
        assertThat(allFlows().stream().map(ChannelFlowSummary::channelFlowArn).toList(), not(hasItem(arn)));
    }

    @Then("{flow} is listed with its name and the {processor} processor")
    public void isListedWith(String flow, ProcessorBehaviour behaviour) {
        String arn = world.flow(flow);
        List<ChannelFlowSummary> listed = listedFlows();
        ChannelFlowSummary summary = listed.stream().filter(s -> arn.equals(s.channelFlowArn())).findFirst()
                .orElseThrow(() -> new AssertionError("channel flow " + flow + " is not listed; listed: "
                        + listed.stream().map(ChannelFlowSummary::name).toList()));
        assertThat(summary.name(), is(flow));
        assertThat(summary.processors(), contains(flows.processor(behaviour)));
    }

    @Then("{flow} is not among the listed channel flows")
    public void isNotAmongTheListed(String flow) {
        List<ChannelFlowSummary> listed = listedFlows();
        assertThat(listed.stream().map(ChannelFlowSummary::channelFlowArn).toList(), not(hasItem(world.flow(flow))));
    }

    @Then("the channels associated with the channel flow {flow} are exactly {channel}")
    public void theChannelsAssociatedAre(String flow, String channel) {
        List<ChannelAssociatedWithFlowSummary> listed = world.eventually(() -> api
                        .canonical("ListChannelsAssociatedWithChannelFlow", null, flow)
                        .<ChannelAssociatedWithFlowSummary>items(DEVELOPER),
                l -> l.size() == 1);
        assertThat(listed.stream().map(ChannelAssociatedWithFlowSummary::channelArn).toList(),
                contains(world.channel(channel)));
    }

    // ---------------------------------------------------------------- invocations

    @Then("the processor is invoked once for {string}, with its channel, message ID, callback ID and content")
    public void isInvokedOnceFor(String content) {
        String messageId = ledger.messageId(content);
        List<ProcessorProbe.Invocation> seen = world.eventually(flows::invocations,
                list -> list.stream().anyMatch(i -> messageId.equals(i.messageId())));
        List<ProcessorProbe.Invocation> forMessage = seen.stream().filter(i -> messageId.equals(i.messageId()))
                .toList();
        assertThat("invocations for \"" + content + "\"", forMessage, hasSize(1));
        ProcessorProbe.Invocation invocation = forMessage.get(0);
        assertThat("ChannelArn", invocation.channelArn(), is(sentTo()));
        assertThat("CallbackId", invocation.callbackId(), not(emptyOrNullString()));
        assertThat("content", invocation.content(), is(content));
    }

    /**
     * FLOW-005: the processor receives the input the Developer Guide documents ("Setting up a Channel Processor"):
     * EventType CHANNEL_MESSAGE_EVENT, a CallbackId, and the ChannelMessage as sent, which the sender reads back
     * with GetChannelMessage (its Sender.Name and CreatedTimestamp are the service's). The guide shows the
     * timestamps as strings without a format: a CreatedTimestamp in ISO-8601 or in epoch seconds must be the
     * message's creation time; in another form, it is only required to be there.
     */
    @Then("the processor receives {string} in the event the Developer Guide documents")
    public void receivesTheDocumentedEvent(String content) {
        ProcessorProbe.Invocation invocation = flows.invocationOf(content);
        MessageLedger.Posted posted = ledger.posted(content);
        software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage read = api.canonical("GetChannelMessage",
                posted.channel(), null).with("MessageId", posted.messageId()).with("ChimeBearer", posted.posterArn())
                .<GetChannelMessageResponse>send(posted.posterName()).channelMessage();
        assertThat("EventType", invocation.eventType(), is("CHANNEL_MESSAGE_EVENT"));
        assertThat("CallbackId", invocation.callbackId(), not(emptyOrNullString()));
        assertThat("ChannelMessage.MessageId", invocation.messageId(), is(posted.messageId()));
        assertThat("ChannelMessage.ChannelArn", invocation.channelArn(), is(world.channel(posted.channel())));
        assertThat("ChannelMessage.Content", invocation.content(), is(posted.content()));
        assertThat("ChannelMessage.Metadata", invocation.metadata(), is(posted.metadata()));
        assertThat("ChannelMessage.Type", invocation.type(), is(posted.type().toString()));
        assertThat("ChannelMessage.Persistence", invocation.persistence(), is(posted.persistence().toString()));
        assertThat("ChannelMessage.Sender.Arn", invocation.senderArn(), is(posted.posterArn()));
        assertThat("ChannelMessage.Sender.Name", invocation.senderName(), is(read.sender().name()));
        assertThat("ChannelMessage.CreatedTimestamp", invocation.createdTimestamp(), not(emptyOrNullString()));
        Instant created = instant(invocation.createdTimestamp());
        if (created != null) {
            assertThat("ChannelMessage.CreatedTimestamp " + invocation.createdTimestamp(), created,
                    is(read.createdTimestamp()));
        }
    }

    /** A time written in ISO-8601 or in epoch seconds (as the API's timestamps travel), or null. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException notIso) {
            try {
                java.math.BigDecimal seconds = new java.math.BigDecimal(text.trim());
                return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact());
            } catch (RuntimeException notEpoch) {
                return null;
            }
        }
    }

    @Then("the processor is invoked for {string}")
    public void isInvokedFor(String content) {
        flows.invocationOf(content);
    }

    /**
     * Asserted once the message is no longer PENDING (a message the flow processes is PENDING when sent):
     * by then the service has decided whether to hand it over.
     */
    @Then("the processor is not invoked for {string}")
    public void isNotInvokedFor(String content) {
        String messageId = ledger.messageId(content);
        Outcome sent = world.outcome();
        assertThat(sent.toString(), sent.failed(), is(false));
        ChannelMessageStatus status = sent.messageStatus();
        assertThat("status of \"" + content + "\" when sent", status, is(ChannelMessageStatus.SENT));
        List<ProcessorProbe.Invocation> seen = flows.invocations();
        assertThat(seen.stream().filter(i -> messageId.equals(i.messageId()) || content.equals(i.content())).toList(),
                is(empty()));
    }

    @Then("the processors are invoked for {string} in the order {processor}, {processor}")
    public void areInvokedInOrder(String content, ProcessorBehaviour first, ProcessorBehaviour second) {
        String messageId = ledger.messageId(content);
        List<ProcessorProbe.Invocation> seen = world.eventually(flows::invocations,
                list -> list.stream().filter(i -> messageId.equals(i.messageId())).count() >= 2);
        assertThat(seen.stream().filter(i -> messageId.equals(i.messageId()))
                        .map(ProcessorProbe.Invocation::processorArn).toList(),
                contains(flows.processorArn(first), flows.processorArn(second)));
    }

    // ---------------------------------------------------------------- playing the processor

    @Given("the processor has received {string}")
    public void hasReceived(String content) {
        flows.invocationOf(content);
    }

    /** Waits until the message reads SENT (through Ada), so that the next step finds it processed. */
    @Given("the processor has passed {string} unchanged")
    public void hasPassedUnchanged(String content) {
        ProcessorProbe.Invocation invocation = flows.invocationOf(content);
        callBack(invocation, null, null).send(PROCESSOR);
        Outcome read = world.eventually(() -> api.call("GetChannelMessage").with("ChannelArn", invocation.channelArn())
                        .with("MessageId", invocation.messageId()).read(World.ADMIN),
                o -> !o.failed() && o.messageStatus() == ChannelMessageStatus.SENT);
        if (read.failed() || read.messageStatus() != ChannelMessageStatus.SENT) {
            throw new AssertionError("\"" + content + "\" did not become SENT after the processor passed it: " + read);
        }
    }

    @Given("{actor} has posted {string} in {channel}, which the processor has passed unchanged")
    public void hasPostedWhichTheProcessorPassed(String actor, String content, String channel) {
        post(actor, channel, content, c -> c);
        hasPassedUnchanged(content);
    }

    /**
     * Moves the target's clock past the processor's 48-hour window (FLOW-030) without waiting: the target
     * has capability CLOCK_CONTROL (the scenario carries {@code @requires:clock-control}).
     */
    @Given("more than 48 hours have passed since the processor received {string}")
    public void moreThan48HoursHavePassed(String content) {
        flows.invocationOf(content);
        world.target().advanceClock(Duration.ofHours(48).plusMinutes(1));
    }

    @When("the processor passes {string} unchanged")
    public void passesUnchanged(String content) {
        callBack(flows.invocationOf(content), null, null).attempt(PROCESSOR);
    }

    @When("the processor passes {string} unchanged again, with the same callback ID")
    public void passesUnchangedAgain(String content) {
        callBack(lastCallback(content), null, null).attempt(PROCESSOR);
    }

    @When("the processor replaces {string} with {string}")
    public void replaces(String content, String replacement) {
        callBack(flows.invocationOf(content), replacement, null).attempt(PROCESSOR);
    }

    @When("the processor sets the metadata of {string} to {string}")
    public void setsTheMetadata(String content, String metadata) {
        callBack(flows.invocationOf(content), null, metadata).attempt(PROCESSOR);
    }

    @When("the processor denies {string}")
    public void denies(String content) {
        callBack(flows.invocationOf(content), null, null).with("DeleteResource", true).attempt(PROCESSOR);
    }

    /** A callback ID of the model's length (32 to 64 characters) that the service never issued. */
    @When("the processor calls back for {string} with a callback ID the service never issued")
    public void callsBackWithAnUnknownCallbackId(String content) {
        callBack(flows.invocationOf(content), null, null).with("CallbackId", world.ids().token(36)).attempt(PROCESSOR);
    }

    /** FLOW-023: a callback ID the service did issue, but for another message than the one called back for. */
    @When("the processor calls back for {string} with the callback ID issued for {string}")
    public void callsBackWithTheCallbackIdOfAnother(String content, String other) {
        callBack(flows.invocationOf(content), null, null).with("CallbackId", flows.invocationOf(other).callbackId())
                .attempt(PROCESSOR);
    }

    /** Leaves the callback ID out: an SDK fills in one of its own, which the service never issued. */
    @When("the processor calls back for {string} without a callback ID")
    public void callsBackWithoutACallbackId(String content) {
        callBack(flows.invocationOf(content), null, null).without("CallbackId").attempt(PROCESSOR);
    }

    @When("the processor calls back again to replace {string} with {string}")
    public void callsBackAgainToReplace(String content, String replacement) {
        callBack(lastCallback(content), replacement, null).attempt(PROCESSOR);
    }

    @Then("the callback is acknowledged with the channel and the callback ID")
    public void theCallbackIsAcknowledged() {
        ChannelFlowCallbackResponse response = world.outcome().response(ChannelFlowCallbackResponse.class);
        assertThat("ChannelArn", response.channelArn(), is(callback.channelArn()));
        assertThat("CallbackId", response.callbackId(), is(callback.callbackId()));
    }

    // ---------------------------------------------------------------- helpers

    private void create(String flow, List<Processor> processors) {
        api.canonical("CreateChannelFlow", null, null).with("Name", flow).with("Processors", processors)
                .attemptCreating(DEVELOPER, flow);
    }

    /** UpdateChannelFlow with the name and processors given (null: left out). */
    private void update(String flow, String name, List<Processor> processors) {
        updatedFlow = flow;
        api.canonical("UpdateChannelFlow", null, flow).with("Name", name).with("Processors", processors).attempt(DEVELOPER);
    }

    private Processor processor(OneProcessor processor) {
        return flows.processor(processor.behaviour(), 1, processor.fallback());
    }

    private Processor invokedAs(ProcessorBehaviour behaviour, String invocationType) {
        String arn = flows.processorArn(behaviour);
        return flows.processor(behaviour).toBuilder()
                .configuration(c -> c.lambda(l -> l.resourceArn(arn).invocationType(invocationType))).build();
    }

    private List<Processor> processors(DataTable table) {
        List<Processor> processors = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            processors.add(flows.processor(ProcessorBehaviour.fromKey(row.get("processor")),
                    Integer.parseInt(row.get("order")), FallbackAction.fromValue(row.get("fallback"))));
        }
        return processors;
    }

    private ChannelFlow describe(String flow) {
        return api.canonical("DescribeChannelFlow", null, flow).<DescribeChannelFlowResponse>send(DEVELOPER).channelFlow();
    }

    /** The flows of the scenario's AppInstance, every page, as the developer reads them. */
    private List<ChannelFlowSummary> allFlows() {
        return api.canonical("ListChannelFlows", null, null).items(DEVELOPER);
    }

    /** The flows the When step listed, asserting it succeeded. */
    private List<ChannelFlowSummary> listedFlows() {
        return Driver.itemsOf(world.outcome().response(ListChannelFlowsResponse.class));
    }

    /** The channel the message of the last When step went to. */
    private String sentTo() {
        Object response = world.outcome().response();
        if (response instanceof software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse sent) {
            return sent.channelArn();
        }
        throw new HarnessException("the step expects the When step to have sent a message");
    }

    /** The invocation a Given step last called back for, or else the latest invocation of that content. */
    private ProcessorProbe.Invocation lastCallback(String content) {
        ProcessorProbe.Invocation previous = callback;
        if (previous != null && Objects.equals(previous.content(), content)) {
            return previous;
        }
        return flows.invocationOf(content);
    }

    /**
     * ChannelFlowCallback for the invocation's message with the callback ID issued for it, as the processor,
     * changing what is given (null: nothing).
     */
    private Driver.Call callBack(ProcessorProbe.Invocation invocation, String content, String metadata) {
        callback = invocation;
        return api.call("ChannelFlowCallback").with("ChannelArn", invocation.channelArn())
                .with("CallbackId", invocation.callbackId()).with("ChannelMessage", ChannelMessageCallback.builder()
                        .messageId(invocation.messageId()).content(content).metadata(metadata).build());
    }
}
