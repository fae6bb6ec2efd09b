package chime.conformance.reference;

import chime.conformance.reference.core.flow.InvocationOutcome;
import chime.conformance.reference.core.flow.ProcessorInvocation;
import chime.conformance.reference.core.flow.ProcessorRegistry;
import chime.conformance.reference.core.model.MessageCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelAssociatedWithFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlow;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.LambdaConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Processor;
import software.amazon.awssdk.services.chimesdkmessaging.model.ProcessorConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowTest {

    private final Fixture f = new Fixture();
    private final ProcessorRegistry processors = f.service.processors();
    private final String channel = f.bookClub();
    private final AtomicInteger tokens = new AtomicInteger();

    FlowTest() {
        f.member(channel, f.carol);
    }

    @AfterEach
    void close() {
        f.close();
    }

    static Processor processor(String name, String lambdaArn, int order, FallbackAction fallback) {
        return Processor.builder().name(name).executionOrder(order).fallbackAction(fallback)
                .configuration(ProcessorConfiguration.builder().lambda(LambdaConfiguration.builder()
                        .resourceArn(lambdaArn).invocationType(InvocationType.ASYNC).build()).build())
                .build();
    }

    private String flow(String lambdaArn, FallbackAction fallback) {
        return f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("flow")
                .clientRequestToken("flow-token-" + tokens.incrementAndGet())
                .processors(processor("p1", lambdaArn, 1, fallback))).channelFlowArn();
    }

    private void associate(String flowArn) {
        f.messaging.associateChannelFlow(r -> r.chimeBearer(f.ada).channelArn(channel).channelFlowArn(flowArn));
    }

    private SendChannelMessageResponse send(String content) {
        return f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content(content)
                .metadata("original").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT));
    }

    private void awaitProcessors() throws InterruptedException {
        assertTrue(processors.awaitIdle(Duration.ofSeconds(5)), "processors did not finish");
    }

    private ChannelMessageStatus status(String messageId) {
        return f.messaging.getChannelMessageStatus(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(messageId))
                .status().value();
    }

    private ChannelMessage get(String bearer, String messageId) {
        return f.messaging.getChannelMessage(r -> r.chimeBearer(bearer).channelArn(channel).messageId(messageId))
                .channelMessage();
    }

    private List<String> listedIds(String bearer) {
        return f.messaging.listChannelMessages(r -> r.chimeBearer(bearer).channelArn(channel)).channelMessages()
                .stream().map(ChannelMessageSummary::messageId).toList();
    }

    @Test
    void aFlowIsCreatedDescribedAndListed() {
        // FLOW-001, FLOW-012, FLOW-015, HTTP-001
        var created = f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("profanity")
                .clientRequestToken("create-1").processors(processor("filter", processors.passThroughArn(), 1,
                        FallbackAction.CONTINUE)));
        assertThat(created.sdkHttpResponse().statusCode(), equalTo(201));
        ChannelFlow flow = f.messaging.describeChannelFlow(r -> r.channelFlowArn(created.channelFlowArn())).channelFlow();
        assertThat(flow.name(), equalTo("profanity"));
        assertThat(flow.processors(), contains(processor("filter", processors.passThroughArn(), 1, FallbackAction.CONTINUE)));
        assertThat(flow.createdTimestamp(), notNullValue());
        assertThat(flow.channelFlowArn(), matchesPattern(java.util.regex.Pattern.quote(f.appInstanceArn) + "/channel-flow/.+"));
        String other = f.appInstance("other");
        f.messaging.createChannelFlow(r -> r.appInstanceArn(other).name("elsewhere").clientRequestToken("create-2")
                .processors(processor("p", processors.passThroughArn(), 1, FallbackAction.CONTINUE)));
        assertThat(f.messaging.listChannelFlows(r -> r.appInstanceArn(f.appInstanceArn)).channelFlows().stream()
                .map(ChannelFlowSummary::channelFlowArn).toList(), contains(created.channelFlowArn()));
    }

    @Test
    void processorsAreValidatedAsDocumented() {
        // FLOW-002, FLOW-004, IDEM-005, SIZE-008
        CreateChannelFlowRequest valid = CreateChannelFlowRequest.builder().appInstanceArn(f.appInstanceArn).name("f")
                .clientRequestToken("valid-token")
                .processors(processor("p", processors.passThroughArn(), 1, FallbackAction.ABORT)).build();
        Processor second = processor("q", processors.passThroughArn(), 2, FallbackAction.ABORT);
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(valid.processors().get(0), second).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(valid.processors().get(0).toBuilder().configuration(ProcessorConfiguration.builder()
                        .lambda(LambdaConfiguration.builder().resourceArn(processors.passThroughArn())
                                .invocationType("SYNC").build()).build()).build()).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(valid.processors().get(0).toBuilder().fallbackAction((String) null).build()).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(valid.processors().get(0).toBuilder().executionOrder(4).build()).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(processor("p", "arn:aws:sqs:us-east-1:111122223333:queue", 1, FallbackAction.ABORT)).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .processors(List.of()).build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannelFlow(valid.toBuilder()
                .clientRequestToken(null).build()));
        String first = f.messaging.createChannelFlow(valid).channelFlowArn();
        assertThat(f.messaging.createChannelFlow(valid).channelFlowArn(), equalTo(first));
        assertThrows(ConflictException.class, () -> f.messaging.createChannelFlow(valid.toBuilder().name("g").build()));
    }

    @Test
    void onlyModeratorsAndAdminsAssociateAndAChannelHasOneFlow() {
        // AUTH-005, AUTH-006, FLOW-006 to FLOW-010, FLOW-016, HTTP-003
        String flowArn = flow(processors.passThroughArn(), FallbackAction.CONTINUE);
        assertThrows(ForbiddenException.class, () -> f.messaging.associateChannelFlow(r -> r.chimeBearer(f.bob)
                .channelArn(channel).channelFlowArn(flowArn)));
        assertThat(f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel)).channel().channelFlowArn(),
                nullValue());
        var associated = f.messaging.associateChannelFlow(r -> r.chimeBearer(f.ada).channelArn(channel)
                .channelFlowArn(flowArn));
        assertThat(associated.sdkHttpResponse().statusCode(), equalTo(200));
        assertThat(f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel)).channel().channelFlowArn(),
                equalTo(flowArn));
        String otherFlow = flow(processors.passThroughArn(), FallbackAction.CONTINUE);
        assertThrows(ConflictException.class, () -> f.messaging.associateChannelFlow(r -> r.chimeBearer(f.ada)
                .channelArn(channel).channelFlowArn(otherFlow)));
        List<ChannelAssociatedWithFlowSummary> channels = f.messaging.listChannelsAssociatedWithChannelFlow(
                r -> r.channelFlowArn(flowArn)).channels();
        assertThat(channels.stream().map(ChannelAssociatedWithFlowSummary::channelArn).toList(), contains(channel));
        assertThat(channels.get(0).name(), equalTo("book-club"));
        assertThrows(ConflictException.class, () -> f.messaging.deleteChannelFlow(r -> r.channelFlowArn(flowArn)));
        assertThrows(ForbiddenException.class, () -> f.messaging.disassociateChannelFlow(r -> r.chimeBearer(f.bob)
                .channelArn(channel).channelFlowArn(flowArn)));
        f.moderator(channel, f.alice);
        var disassociated = f.messaging.disassociateChannelFlow(r -> r.chimeBearer(f.alice).channelArn(channel)
                .channelFlowArn(flowArn));
        assertThat(disassociated.sdkHttpResponse().statusCode(), equalTo(204));
        assertThat(f.messaging.listChannelsAssociatedWithChannelFlow(r -> r.channelFlowArn(flowArn)).channels(), empty());
        f.messaging.deleteChannelFlow(r -> r.channelFlowArn(flowArn));
        assertThrows(NotFoundException.class, () -> f.messaging.describeChannelFlow(r -> r.channelFlowArn(flowArn)));
        assertThrows(NotFoundException.class, () -> associate(flowArn));
    }

    @Test
    void aPassThroughProcessorLeavesTheMessageUnchanged() throws InterruptedException {
        // STAT-003, FLOW-005, FLOW-006, FLOW-022, STAT-005; the built-in double's ARN is part of the kit's contract.
        associate(flow("arn:aws:lambda:us-east-1:111122223333:function:chime-conformance-pass-through",
                FallbackAction.ABORT));
        SendChannelMessageResponse sent = send("hello");
        assertThat(sent.status().value(), equalTo(ChannelMessageStatus.PENDING));
        List<ProcessorInvocation> invocations = processors.invocationsFor(channel);
        assertThat(invocations, hasSize(1));
        ProcessorInvocation invocation = invocations.get(0);
        assertThat(invocation.messageId(), equalTo(sent.messageId()));
        assertThat(invocation.content(), equalTo("hello"));
        assertThat(invocation.sender().arn(), equalTo(f.bob));
        assertThat(invocation.callbackId().length() >= 32 && invocation.callbackId().length() <= 64, is(true));
        awaitProcessors();
        assertThat(status(sent.messageId()), equalTo(ChannelMessageStatus.SENT));
        ChannelMessage message = get(f.carol, sent.messageId());
        assertThat(message.content(), equalTo("hello"));
        assertThat(message.metadata(), equalTo("original"));
        assertThat(f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel)).channel()
                .lastMessageTimestamp(), equalTo(message.createdTimestamp()));
    }

    @Test
    void aRewritingProcessorReplacesContentAndMetadata() throws InterruptedException {
        // FLOW-020
        associate(flow(processors.rewriteArn(), FallbackAction.ABORT));
        String id = send("quiet please").messageId();
        awaitProcessors();
        ChannelMessage message = get(f.carol, id);
        assertThat(message.content(), equalTo("QUIET PLEASE"));
        assertThat(message.metadata(), equalTo("rewritten-by-processor"));
        assertThat(message.status().value(), equalTo(ChannelMessageStatus.SENT));
    }

    @Test
    void aDeniedMessageIsNotStored() throws InterruptedException {
        // FLOW-021, STAT-007, STAT-008
        associate(flow(processors.denyArn(), FallbackAction.ABORT));
        String id = send("spam").messageId();
        awaitProcessors();
        assertThrows(NotFoundException.class, () -> status(id));
        assertThrows(NotFoundException.class, () -> get(f.bob, id));
        assertThat(listedIds(f.bob), empty());
    }

    @Test
    void anUnreachableProcessorWithContinueDeliversTheOriginal() throws InterruptedException {
        // FLOW-025
        associate(flow(processors.unreachableArn(), FallbackAction.CONTINUE));
        String id = send("still here").messageId();
        awaitProcessors();
        assertThat(status(id), equalTo(ChannelMessageStatus.SENT));
        assertThat(get(f.carol, id).content(), equalTo("still here"));
        assertThat(listedIds(f.carol), contains(id));
    }

    @Test
    void anUnreachableProcessorWithAbortFailsTheMessage() throws InterruptedException {
        // FLOW-026, STAT-006, FLOW-029
        associate(flow(processors.unreachableArn(), FallbackAction.ABORT));
        String id = send("lost").messageId();
        awaitProcessors();
        assertThat(status(id), equalTo(ChannelMessageStatus.FAILED));
        assertThat(listedIds(f.carol), empty());
        assertThrows(NotFoundException.class, () -> get(f.carol, id));
        assertThat(get(f.bob, id).status().value(), equalTo(ChannelMessageStatus.FAILED));
    }

    @Test
    void aHeldMessageIsSeenOnlyByItsSenderUntilTheProcessorAnswers() throws InterruptedException {
        // FLOW-023, FLOW-024, FLOW-029, STAT-004, SIZE-010
        associate(flow(processors.holdArn(), FallbackAction.ABORT));
        String id = send("wait for it").messageId();
        awaitProcessors();
        assertThat(status(id), equalTo(ChannelMessageStatus.PENDING));
        assertThat(listedIds(f.carol), empty());
        assertThat(listedIds(f.bob), contains(id));
        String callbackId = processors.invocationsFor(channel).get(0).callbackId();

        // An SDK-filled (unknown) CallbackId and a too-short one are rejected.
        assertThrows(BadRequestException.class, () -> f.messaging.channelFlowCallback(r -> r.channelArn(channel)
                .channelMessage(m -> m.messageId(id))));
        assertThrows(BadRequestException.class, () -> f.messaging.channelFlowCallback(r -> r.channelArn(channel)
                .callbackId("c".repeat(31)).channelMessage(m -> m.messageId(id))));

        var answer = f.messaging.channelFlowCallback(r -> r.callbackId(callbackId).channelArn(channel)
                .channelMessage(m -> m.messageId(id).content("edited by the processor")));
        assertThat(answer.callbackId(), equalTo(callbackId));
        assertThat(answer.channelArn(), equalTo(channel));
        assertThat(status(id), equalTo(ChannelMessageStatus.SENT));
        assertThat(get(f.carol, id).content(), equalTo("edited by the processor"));
        // The same answer again is a replay; another answer is rejected.
        f.messaging.channelFlowCallback(r -> r.callbackId(callbackId).channelArn(channel)
                .channelMessage(m -> m.messageId(id).content("edited by the processor")));
        assertThrows(BadRequestException.class, () -> f.messaging.channelFlowCallback(r -> r.callbackId(callbackId)
                .channelArn(channel).deleteResource(true).channelMessage(m -> m.messageId(id))));
    }

    @Test
    void aCallbackMoreThanFortyEightHoursAfterTheInvocationIsForbidden() throws InterruptedException {
        // FLOW-030: the message stays PENDING
        associate(flow(processors.holdArn(), FallbackAction.ABORT));
        String id = send("too late").messageId();
        awaitProcessors();
        String callbackId = processors.invocationsFor(channel).get(0).callbackId();
        f.service.advanceClock(Duration.ofHours(48));
        f.service.advanceClock(Duration.ofMinutes(1));
        assertThrows(ForbiddenException.class, () -> f.messaging.channelFlowCallback(r -> r.callbackId(callbackId)
                .channelArn(channel).channelMessage(m -> m.messageId(id).content("too late"))));
        assertThat(status(id), equalTo(ChannelMessageStatus.PENDING));
    }

    @Test
    void onlySentMessagesCanBeDeleted() throws InterruptedException {
        // MSG-015, FLOW-029: a message never delivered is NotFound even to an admin
        associate(flow(processors.unreachableArn(), FallbackAction.ABORT));
        String id = send("lost").messageId();
        awaitProcessors();
        assertThat(status(id), equalTo(ChannelMessageStatus.FAILED));
        assertThrows(NotFoundException.class, () -> f.messaging.deleteChannelMessage(r -> r.chimeBearer(f.ada)
                .channelArn(channel).messageId(id)));
        assertThat(status(id), equalTo(ChannelMessageStatus.FAILED));
    }

    @Test
    void controlMessagesBypassTheFlow() {
        // FLOW-019
        associate(flow(processors.holdArn(), FallbackAction.ABORT));
        var sent = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("ping")
                .type(ChannelMessageType.CONTROL).persistence(ChannelMessagePersistenceType.PERSISTENT));
        assertThat(sent.status().value(), equalTo(ChannelMessageStatus.SENT));
        assertThat(processors.invocationsFor(channel), empty());
    }

    @Test
    void nonPersistentMessagesAreProcessedToo() {
        // FLOW-018
        associate(flow(processors.holdArn(), FallbackAction.ABORT));
        var sent = f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("fleeting")
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
        assertThat(sent.status().value(), equalTo(ChannelMessageStatus.PENDING));
        assertThat(processors.invocationsFor(channel), hasSize(1));
        assertThat(status(sent.messageId()), equalTo(ChannelMessageStatus.PENDING));
    }

    @Test
    void anEditIsPendingAndShowsOnlyAfterTheCallback() throws InterruptedException {
        // STAT-011, FLOW-017
        String flowArn = flow(processors.holdArn(), FallbackAction.ABORT);
        String id = send("v1").messageId();
        associate(flowArn);
        var updated = f.messaging.updateChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).messageId(id)
                .content("v2"));
        assertThat(updated.status().value(), equalTo(ChannelMessageStatus.PENDING));
        awaitProcessors();
        assertThat(get(f.carol, id).content(), equalTo("v1"));
        ProcessorInvocation invocation = processors.invocationsFor(channel).get(0);
        // The Developer Guide's one event type; an edit is told by its LastEditedTimestamp (FLOW-017).
        assertThat(invocation.eventType(), equalTo(ProcessorInvocation.CHANNEL_MESSAGE_EVENT));
        assertThat(invocation.update(), is(true));
        assertThat(invocation.channelMessage().lastEditedTimestamp(), notNullValue());
        assertThat(invocation.content(), equalTo("v2"));
        f.messaging.channelFlowCallback(r -> r.callbackId(invocation.callbackId()).channelArn(channel)
                .channelMessage(m -> m.messageId(id)));
        assertThat(get(f.carol, id).content(), equalTo("v2"));
        assertThat(get(f.carol, id).lastEditedTimestamp(), notNullValue());
    }

    @Test
    void afterDisassociationMessagesAreSentAtOnce() {
        // FLOW-008
        String flowArn = flow(processors.holdArn(), FallbackAction.ABORT);
        associate(flowArn);
        f.messaging.disassociateChannelFlow(r -> r.chimeBearer(f.ada).channelArn(channel).channelFlowArn(flowArn));
        assertThat(send("direct").status().value(), equalTo(ChannelMessageStatus.SENT));
        assertThat(processors.invocationsFor(channel), empty());
    }

    @Test
    void laterMessagesUseTheUpdatedFlow() throws InterruptedException {
        // FLOW-013, FLOW-014
        String flowArn = flow(processors.unreachableArn(), FallbackAction.ABORT);
        associate(flowArn);
        ChannelFlow before = f.messaging.describeChannelFlow(r -> r.channelFlowArn(flowArn)).channelFlow();
        var updated = f.messaging.updateChannelFlow(r -> r.channelFlowArn(flowArn).name("lenient")
                .processors(processor("p1", processors.unreachableArn(), 1, FallbackAction.CONTINUE)));
        assertThat(updated.channelFlowArn(), equalTo(flowArn));
        ChannelFlow after = f.messaging.describeChannelFlow(r -> r.channelFlowArn(flowArn)).channelFlow();
        assertThat(after.lastUpdatedTimestamp().isAfter(before.lastUpdatedTimestamp()), is(true));
        String id = send("through").messageId();
        awaitProcessors();
        assertThat(status(id), equalTo(ChannelMessageStatus.SENT));
    }

    @Test
    void customBehavioursCanBeRegistered() throws InterruptedException {
        String lambda = processors.arnOf("append-signature");
        processors.register(lambda, (invocation, callback) -> {
            callback.callback(invocation.callbackId(), invocation.channelArn(), false,
                    new MessageCallback(invocation.messageId(), invocation.content() + " -- checked", null));
            return InvocationOutcome.REACHED;
        });
        associate(flow(lambda, FallbackAction.ABORT));
        String id = send("hi").messageId();
        awaitProcessors();
        assertThat(get(f.carol, id).content(), equalTo("hi -- checked"));
    }

    @Test
    void flowTagsAreKept() {
        // TAG-002
        String flowArn = f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("tagged")
                .clientRequestToken("tagged-flow").tags(Tag.builder().key("k").value("v").build())
                .processors(processor("p", processors.passThroughArn(), 1, FallbackAction.ABORT))).channelFlowArn();
        assertThat(f.messaging.listTagsForResource(r -> r.resourceARN(flowArn)).tags(),
                contains(Tag.builder().key("k").value("v").build()));
    }

    @Test
    void processorsRunInExecutionOrderWhenTheModelLimitIsEnabled() throws InterruptedException {
        // FLOW-003, FLOW-027 (model mode: up to 3 processors)
        try (Fixture model = new Fixture(ReferenceService.builder().processorsPerFlow(3).build())) {
            ProcessorRegistry registry = model.service.processors();
            String modelChannel = model.bookClub();
            String flowArn = model.messaging.createChannelFlow(r -> r.appInstanceArn(model.appInstanceArn).name("two")
                    .clientRequestToken("two-processors").processors(
                            processor("second", registry.rewriteArn(), 2, FallbackAction.ABORT),
                            processor("first", registry.unreachableArn(), 1, FallbackAction.CONTINUE))).channelFlowArn();
            model.messaging.associateChannelFlow(r -> r.chimeBearer(model.ada).channelArn(modelChannel)
                    .channelFlowArn(flowArn));
            String id = model.messaging.sendChannelMessage(r -> r.chimeBearer(model.bob).channelArn(modelChannel)
                    .content("shout").type(ChannelMessageType.STANDARD)
                    .persistence(ChannelMessagePersistenceType.PERSISTENT)).messageId();
            assertTrue(registry.awaitIdle(Duration.ofSeconds(5)));
            assertThat(registry.invocationsFor(modelChannel).stream().map(i -> i.processor().name()).toList(),
                    contains("first", "second"));
            assertThat(model.messaging.getChannelMessage(r -> r.chimeBearer(model.bob).channelArn(modelChannel)
                    .messageId(id)).channelMessage().content(), equalTo("SHOUT"));
            assertThrows(BadRequestException.class, () -> model.messaging.createChannelFlow(r -> r
                    .appInstanceArn(model.appInstanceArn).name("dup").clientRequestToken("dup-orders").processors(
                            processor("a", registry.passThroughArn(), 1, FallbackAction.ABORT),
                            processor("b", registry.passThroughArn(), 1, FallbackAction.ABORT))));
        }
    }
}
