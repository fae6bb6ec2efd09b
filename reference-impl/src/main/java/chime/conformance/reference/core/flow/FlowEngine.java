package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.message.MessageLimits;
import chime.conformance.reference.core.message.MessageOperations;
import chime.conformance.reference.core.message.MessageProcessing;
import chime.conformance.reference.core.state.StoredMessage;
import chime.conformance.reference.core.model.CallbackReceipt;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.FallbackAction;
import chime.conformance.reference.core.model.MessageCallback;
import chime.conformance.reference.core.model.MessageStatus;
import chime.conformance.reference.core.model.Processor;
import chime.conformance.reference.core.session.SessionEventType;
import chime.conformance.reference.core.validation.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs messages through channel flows (FLOW-005 to FLOW-029, STAT-003 to STAT-011). A STANDARD message sent
 * to, or edited in, a channel with a flow is PENDING; each processor, in ExecutionOrder, is invoked
 * asynchronously on the service's own small executor and answers through ChannelFlowCallback. After the
 * last processor the message is SENT with whatever content the processors left; a deny removes it (a new
 * message is not stored at all, STAT-008; a denied edit is dropped). A processor that cannot be reached
 * applies its FallbackAction: CONTINUE passes the message on unchanged (to the next processor, or SENT after
 * the last, FLOW-025, FLOW-027), ABORT ends with FAILED and the message is never delivered (FLOW-026; a
 * failed edit is dropped).
 */
public final class FlowEngine implements MessageProcessing, FlowCallback, AutoCloseable {

    /**
     * How long a processor has to call back (FLOW-030): "The processor Lambda function has 48 hours to send
     * back the results. We do not guarantee message delivery after that, and the ChannelFlowCallback API
     * throws a Forbidden Exception" (Developer Guide, "Setting up a Channel Processor").
     */
    public static final Duration CALLBACK_WINDOW = Duration.ofHours(48);

    /**
     * One processor's turn on one message: what the CallbackId handed to that processor stands for, and when
     * the processor was invoked with it.
     */
    private record Step(String callbackId, String channelArn, String messageId, List<Processor> processors, int index,
                        ChannelMessage proposal, boolean update, Instant invokedAt) {

        Processor processor() {
            return processors.get(index);
        }

        boolean last() {
            return index == processors.size() - 1;
        }
    }

    private final CoreContext ctx;
    private final FlowStore flows;
    private final ProcessorRegistry registry;
    private final ConcurrentHashMap<String, Step> pending = new ConcurrentHashMap<>();
    /** An answered callback: what it said, and when its processor was invoked. */
    private record Answer(List<Object> body, Instant invokedAt) {
    }

    /** Answered callbacks, so a repeated identical callback is an idempotent replay (FLOW-024). */
    private final ConcurrentHashMap<String, Answer> answered = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public FlowEngine(CoreContext ctx, FlowStore flows, ProcessorRegistry registry) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.registry = Objects.requireNonNull(registry, "registry");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "chime-reference-processor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ChannelFlow flowOf(ChannelState channel) {
        String flowArn = channel.channel().channelFlowArn();
        return flowArn == null ? null : flows.find(flowArn);
    }

    /** Called under the channel's lock by SendChannelMessage and UpdateChannelMessage. */
    @Override
    public void start(ChannelState channel, ChannelFlow flow, ChannelMessage proposal, boolean update) {
        List<Processor> processors = flow.processors().stream()
                .sorted(Comparator.comparingInt(Processor::executionOrder)).toList();
        dispatch(channel.channelArn(), processors, 0, proposal, update);
    }

    private void dispatch(String channelArn, List<Processor> processors, int index, ChannelMessage proposal,
                          boolean update) {
        Step step = new Step(ctx.ids().newCallbackId(), channelArn, proposal.messageId(), processors, index, proposal,
                update, ctx.clock().now());
        pending.put(step.callbackId(), step);
        ProcessorInvocation invocation = registry.recordInvocation(new ProcessorInvocation(
                ProcessorInvocation.CHANNEL_MESSAGE_EVENT, step.callbackId(), proposal, step.processor(),
                step.invokedAt(), 0));
        try {
            executor.execute(() -> {
                try {
                    if (registry.run(invocation, this) == InvocationOutcome.UNREACHABLE) {
                        fallback(step);
                    }
                } finally {
                    registry.finished();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            // The service is closing: the message stays PENDING, as it would with a processor that never answers.
            registry.finished();
        }
    }

    /** FLOW-025 to FLOW-027: the processor could not be reached. */
    private void fallback(Step step) {
        ChannelState state = ctx.channels().find(step.channelArn());
        if (state == null || pending.remove(step.callbackId()) == null) {
            return; // channel deleted, or the processor did answer after all
        }
        // A channel deleted meanwhile took its messages with it: nothing is left to change.
        state.lockedIfLive(() -> {
            StoredMessage stored = stored(state, step.messageId());
            if (stored == null) {
                return; // deleted meanwhile
            }
            if (step.processor().fallbackAction() == FallbackAction.ABORT) {
                fail(state, stored, step);
            } else if (step.last()) {
                deliver(state, stored, step.proposal(), step.update());
            } else {
                dispatch(step.channelArn(), step.processors(), step.index() + 1, step.proposal(), step.update());
            }
        });
    }

    /**
     * ChannelFlowCallback (FLOW-020 to FLOW-024, FLOW-030). A developer API without a bearer (AUTH-004). The
     * CallbackId must be one the service handed to a processor and still waiting: an unknown one (such as an
     * SDK-filled UUID) or one already answered differently is a BadRequestException (kit decision); the same
     * answer again is an idempotent replay (FLOW-024, kit decision). More than 48 hours after the processor
     * was invoked, any callback with its CallbackId is a ForbiddenException, and a message still waiting
     * stays PENDING (FLOW-030).
     */
    @Override
    public CallbackReceipt callback(String callbackId, String channelArn, boolean deleteResource,
                                    MessageCallback message) {
        Check.required(callbackId, "CallbackId");
        Check.length(callbackId, "CallbackId", 32, 64); // SIZE-010
        Check.arn(channelArn, "ChannelArn");
        Check.requiredValue(message, "ChannelMessage");
        Check.messageId(message.messageId(), "ChannelMessage.MessageId");
        Check.length(message.content(), "ChannelMessage.Content", 1, Integer.MAX_VALUE);
        Check.maxUtf8Bytes(message.metadata(), "ChannelMessage.Metadata", MessageLimits.METADATA_BYTES);
        List<Object> answer = Arrays.asList(channelArn, deleteResource, message.messageId(), message.content(),
                message.metadata());
        CallbackReceipt receipt = new CallbackReceipt(channelArn, callbackId);

        Step step = pending.get(callbackId);
        if (step == null) {
            return replay(callbackId, answer, receipt);
        }
        requireWithinWindow(step.invokedAt());
        if (!step.channelArn().equals(channelArn) || !step.messageId().equals(message.messageId())) {
            throw ApiError.badRequest("The CallbackId was issued for another channel or message");
        }
        ChannelState state = ctx.channels().find(channelArn);
        if (state == null) {
            pending.remove(callbackId);
            throw ApiError.badRequest("The channel of this callback no longer exists");
        }
        return state.locked(() -> {
            if (!pending.remove(callbackId, step)) {
                return replay(callbackId, answer, receipt);
            }
            StoredMessage stored = stored(state, step.messageId());
            if (stored == null) {
                throw ApiError.badRequest("The message of this callback is no longer pending");
            }
            if (!deleteResource) {
                MessageLimits.check(step.proposal().type(), message.content(), message.metadata());
            }
            answered.put(callbackId, new Answer(answer, step.invokedAt()));
            if (deleteResource) {
                deny(state, stored, step);
                return receipt;
            }
            ChannelMessage proposal = step.proposal().processed(
                    message.content() != null ? message.content() : step.proposal().content(),
                    message.metadata() != null ? message.metadata() : step.proposal().metadata(),
                    MessageStatus.PENDING);
            if (step.last()) {
                deliver(state, stored, proposal, step.update());
            } else {
                dispatch(channelArn, step.processors(), step.index() + 1, proposal, step.update());
            }
            return receipt;
        });
    }

    private CallbackReceipt replay(String callbackId, List<Object> answer, CallbackReceipt receipt) {
        Answer previous = answered.get(callbackId);
        if (previous == null) {
            throw ApiError.badRequest("Unknown CallbackId: it must be the one the service passed to the processor");
        }
        requireWithinWindow(previous.invokedAt());
        if (!previous.body().equals(answer)) {
            throw ApiError.badRequest("The message of this CallbackId is no longer pending");
        }
        return receipt;
    }

    /** FLOW-030: a processor calls back within 48 hours of its invocation, or is Forbidden. */
    private void requireWithinWindow(Instant invokedAt) {
        if (ctx.clock().now().isAfter(invokedAt.plus(CALLBACK_WINDOW))) {
            throw ApiError.forbidden("The processor was invoked more than 48 hours ago: its callback is no longer accepted");
        }
    }

    /** SENT: delivered to everyone with the processors' content (FLOW-020, FLOW-022, STAT-005). */
    private void deliver(ChannelState state, StoredMessage stored, ChannelMessage proposal, boolean update) {
        ChannelMessage delivered = proposal.withStatus(MessageStatus.SENT);
        boolean persistent = delivered.persistence() == ChannelMessagePersistenceType.PERSISTENT;
        state.putMessage(StoredMessage.delivered(stored.key(), delivered), persistent);
        if (persistent && !update) {
            MessageOperations.markLastMessage(state, delivered);
        }
        // "If the processing succeeds, the service sends the message to all members" (Developer Guide).
        ctx.sessions().messageToMembers(state, update ? SessionEventType.UPDATE_CHANNEL_MESSAGE
                : SessionEventType.CREATE_CHANNEL_MESSAGE, delivered);
    }

    /** STAT-007, STAT-008: a denied message is not stored; a denied edit is dropped. */
    private void deny(ChannelState state, StoredMessage stored, Step step) {
        ctx.sessions().messageToSender(state, step.update() ? SessionEventType.DENIED_UPDATE_CHANNEL_MESSAGE
                : SessionEventType.DENIED_CREATE_CHANNEL_MESSAGE, step.proposal().withStatus(
                new MessageStatus(chime.conformance.reference.core.model.ChannelMessageStatus.DENIED, null)));
        if (step.update()) {
            state.putMessage(StoredMessage.delivered(stored.key(), stored.published()), true);
        } else {
            state.removeMessage(step.messageId());
        }
    }

    /** STAT-006, FLOW-026: FAILED and never delivered; a failed edit is dropped. */
    private void fail(ChannelState state, StoredMessage stored, Step step) {
        MessageStatus status = MessageStatus.failed(
                "The processor " + step.processor().name() + " could not be reached and its FallbackAction is ABORT");
        if (step.update()) {
            state.putMessage(StoredMessage.delivered(stored.key(), stored.published()), true);
            ctx.sessions().messageToSender(state, SessionEventType.FAILED_UPDATE_CHANNEL_MESSAGE,
                    step.proposal().withStatus(status));
            return;
        }
        ChannelMessage failed = stored.latest().withStatus(status);
        ctx.sessions().messageToSender(state, SessionEventType.FAILED_CREATE_CHANNEL_MESSAGE, failed);
        state.putMessage(new StoredMessage(stored.key(), failed, null),
                failed.persistence() == ChannelMessagePersistenceType.PERSISTENT);
    }

    private static StoredMessage stored(ChannelState state, String messageId) {
        StoredMessage stored = state.message(messageId);
        return stored != null ? stored : state.transientMessage(messageId);
    }

    /** Stops the processor threads; messages still being processed stay PENDING. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
