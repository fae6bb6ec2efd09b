package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.target.ProcessorProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in channel flows and their processors: the rules of area FLOW. */
final class FlowFaults {

    private FlowFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("control-messages-through-flow", "FLOW-019",
                        "CONTROL messages in a channel with a flow are handed to the processor like STANDARD ones",
                        ctx -> {
                            // Handed to the flow as a STANDARD message is, but still a CONTROL message when read.
                            Set<String> control = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        if (q.type() == ChannelMessageType.CONTROL
                                                && ctx.channel(q.channelArn()).map(c -> c.channelFlowArn() != null).orElse(false)) {
                                            SendChannelMessageResponse r = chain.call(q.toBuilder().type(ChannelMessageType.STANDARD).build());
                                            control.add(r.messageId());
                                            return r;
                                        }
                                        return chain.proceed(q);
                                    }),
                                    Faults.messageView(
                                            m -> control.contains(m.messageId()) ? m.toBuilder().type(ChannelMessageType.CONTROL).build() : m,
                                            s -> control.contains(s.messageId()) ? s.toBuilder().type(ChannelMessageType.CONTROL).build() : s));
                        }),
                fault("abort-treated-as-continue", "FLOW-026, STAT-006",
                        "a processor's FallbackAction ABORT behaves like CONTINUE: an unreachable processor lets the message through",
                        ctx -> runsInstead((ps, flowArn) -> continueOnly(ps))),
                fault("second-flow-replaces-first", "FLOW-007",
                        "associating a flow with a channel that has one replaces it instead of answering ConflictException",
                        ctx -> Interceptor.onError(AssociateChannelFlowRequest.class, ModeledError.CONFLICT, (q, chain) -> {
                            ctx.channel(q.channelArn()).map(Channel::channelFlowArn).ifPresent(current -> ctx.service().disassociateChannelFlow(
                                    b -> b.channelArn(q.channelArn()).channelFlowArn(current).chimeBearer(ctx.operator(q.channelArn()))));
                            return chain.proceed(q);
                        })),
                fault("associated-flow-deletable", "FLOW-010",
                        "DeleteChannelFlow deletes a flow still associated with channels (it disassociates them first)",
                        ctx -> Interceptor.onError(DeleteChannelFlowRequest.class, ModeledError.CONFLICT, (q, chain) -> {
                            ctx.service().listChannelsAssociatedWithChannelFlow(b -> b.channelFlowArn(q.channelFlowArn()).maxResults(50))
                                    .channels().forEach(c -> ctx.service().disassociateChannelFlow(b -> b.channelArn(c.channelArn())
                                            .channelFlowArn(q.channelFlowArn()).chimeBearer(ctx.operator(c.channelArn()))));
                            return chain.proceed(q);
                        })),
                fault("deny-keeps-message", "FLOW-021, STAT-008",
                        "a ChannelFlowCallback with DeleteResource=true is acknowledged but the message is kept and sent",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(
                                Boolean.TRUE.equals(q.deleteResource()) ? q.toBuilder().deleteResource(false).build() : q))),
                fault("callback-drops-metadata", "FLOW-020",
                        "a ChannelFlowCallback updates the content but drops the processor's new Metadata",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(q.channelMessage() == null ? q
                                : q.toBuilder().channelMessage(q.channelMessage().toBuilder().metadata(null).build()).build()))),
                fault("unknown-callback-accepted", "FLOW-023",
                        "a ChannelFlowCallback with a CallbackId the service never issued is acknowledged with 200",
                        ctx -> Interceptor.onError(ChannelFlowCallbackRequest.class, ModeledError.BAD_REQUEST, (q, chain) -> {
                            if (q.callbackId() == null || q.callbackId().length() < 32 || q.callbackId().length() > 64) {
                                throw FaultContext.error(ModeledError.BAD_REQUEST, "CallbackId must hold 32 to 64 characters");
                            }
                            return ChannelFlowCallbackResponse.builder().channelArn(q.channelArn()).callbackId(q.callbackId())
                                    .sdkHttpResponse(FaultContext.http(200)).build();
                        })),
                fault("several-processors-accepted", "FLOW-002",
                        "a channel flow with several processors is accepted (the model's limit of 3), though the documentation allows one",
                        ctx -> runsInstead((ps, flowArn) -> ps.size() < 2 || ps.size() > 3 ? null : List.of(ps.get(0)))),
                fault("edits-bypass-flow", "FLOW-017, STAT-011",
                        "UpdateChannelMessage in a channel with a flow applies the edit at once, without the processor",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> withoutFlow(ctx, q.channelArn(), () -> chain.proceed(q)))),
                fault("non-persistent-bypass-flow", "FLOW-018",
                        "NON_PERSISTENT messages in a channel with a flow are sent at once, without the processor",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> q.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT
                                ? withoutFlow(ctx, q.channelArn(), () -> chain.proceed(q)) : chain.proceed(q))),
                fault("disassociation-ignored", "FLOW-008",
                        "DisassociateChannelFlow answers 204 but the channel keeps its flow",
                        ctx -> Interceptor.then(DisassociateChannelFlowRequest.class,
                                q -> ctx.service().associateChannelFlow(b -> b.channelArn(q.channelArn()).channelFlowArn(q.channelFlowArn())
                                    .chimeBearer(ctx.operator(q.channelArn()))))),
                fault("channel-flow-arn-not-shown", "FLOW-006, CHAN-012",
                        "DescribeChannel never shows the ChannelFlowArn of an associated flow",
                        ctx -> Interceptor.answer(DescribeChannelRequest.class, DescribeChannelResponse.class, (q, r) ->
                                r.toBuilder().channel(r.channel().toBuilder().channelFlowArn(null).build()).build())),
                fault("continue-treated-as-abort", "FLOW-025",
                        "a processor's FallbackAction CONTINUE behaves like ABORT: an unreachable processor fails the message",
                        ctx -> runsInstead((ps, flowArn) -> ps.stream().map(p -> p.fallbackAction() == FallbackAction.CONTINUE
                                ? p.toBuilder().fallbackAction(FallbackAction.ABORT).build() : p).toList())),
                fault("flow-update-not-applied", "FLOW-014",
                        "UpdateChannelFlow is acknowledged and described, but messages keep going through the old processors",
                        ctx -> runsInstead((ps, flowArn) -> flowArn == null ? null
                                : ctx.service().describeChannelFlow(b -> b.channelFlowArn(flowArn)).channelFlow().processors())),
                fault("deleted-flow-still-listed", "FLOW-011",
                        "ListChannelFlows still lists a deleted channel flow",
                        ctx -> {
                            Map<String, ChannelFlowSummary> deleted = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.then(DeleteChannelFlowRequest.class,
                                            q -> ctx.service().describeChannelFlow(b -> b.channelFlowArn(q.channelFlowArn())).channelFlow(),
                                        (q, before) -> deleted.put(q.channelFlowArn(), ChannelFlowSummary.builder().channelFlowArn(before.channelFlowArn())
                                            .name(before.name()).processors(before.processors()).build())),
                                    Interceptor.firstPageAlso(ListChannelFlowsRequest.class, q -> deleted.values().stream()
                                            .filter(f -> FaultContext.appInstanceOf(f.channelFlowArn())
                                                    .equals(FaultContext.appInstanceOf(q.appInstanceArn()))).toList()));
                        }),
                fault("foreign-flow-association-accepted", "FLOW-028",
                        "AssociateChannelFlow with a flow of another AppInstance answers 200 instead of an error",
                        ctx -> Interceptor.onError(AssociateChannelFlowRequest.class, ModeledError.BAD_REQUEST,
                                (q, chain) -> AssociateChannelFlowResponse.builder().sdkHttpResponse(FaultContext.http(200)).build())),
                fault("invocation-type-unchecked", "FLOW-004",
                        "a processor's InvocationType other than ASYNC is accepted",
                        ctx -> runsInstead((ps, flowArn) -> ps.stream().map(p -> p.configuration() == null
                                || p.configuration().lambda() == null || p.configuration().lambda().invocationType() == InvocationType.ASYNC ? p
                                : p.toBuilder().configuration(c -> c.lambda(l -> l.resourceArn(p.configuration().lambda().resourceArn())
                                        .invocationType(InvocationType.ASYNC))).build()).toList())),
                fault("callback-replay-refused", "FLOW-024",
                        "a second ChannelFlowCallback with the same CallbackId is refused instead of acknowledged again",
                        ctx -> {
                            Set<String> answered = ConcurrentHashMap.newKeySet();
                            return Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> {
                                if (q.callbackId() != null && answered.contains(q.callbackId())) {
                                    throw FaultContext.error(ModeledError.BAD_REQUEST, "The callback was already taken");
                                }
                                var r = chain.proceed(q);
                                answered.add(q.callbackId());
                                return r;
                            });
                        }),
                fault("flow-update-time-frozen", "FLOW-013",
                        "DescribeChannelFlow always shows the creation time as the LastUpdatedTimestamp",
                        ctx -> Interceptor.answer(DescribeChannelFlowRequest.class, DescribeChannelFlowResponse.class, (q, r) ->
                                r.toBuilder().channelFlow(r.channelFlow().toBuilder()
                                    .lastUpdatedTimestamp(r.channelFlow().createdTimestamp()).build()).build())),
                fault("flow-without-creation-time", "FLOW-001, FLOW-012",
                        "DescribeChannelFlow carries no CreatedTimestamp",
                        ctx -> Interceptor.answer(DescribeChannelFlowRequest.class, DescribeChannelFlowResponse.class, (q, r) ->
                                r.toBuilder().channelFlow(r.channelFlow().toBuilder().createdTimestamp(null).build()).build())),
                fault("associated-channels-without-metadata", "FLOW-016",
                        "ListChannelsAssociatedWithChannelFlow summarises channels without their Metadata",
                        ctx -> Interceptor.answer(ListChannelsAssociatedWithChannelFlowRequest.class, ListChannelsAssociatedWithChannelFlowResponse.class, (q, r) ->
                                r.toBuilder().channels(r.channels().stream().map(c -> c.toBuilder().metadata(null).build()).toList()).build())),
                fault("disassociate-from-all-channels", "FLOW-009",
                        "DisassociateChannelFlow disassociates the flow from every channel it serves, as its summary line says",
                        ctx -> Interceptor.then(DisassociateChannelFlowRequest.class,
                                q -> ctx.service().listChannelsAssociatedWithChannelFlow(b -> b.channelFlowArn(q.channelFlowArn()).maxResults(50))
                                    .channels().forEach(c -> ctx.service().disassociateChannelFlow(b -> b.channelArn(c.channelArn())
                                            .channelFlowArn(q.channelFlowArn()).chimeBearer(ctx.operator(c.channelArn())))))),
                fault("pending-messages-visible-to-all", "FLOW-029",
                        "a message still being processed is listed to every member, not only to its sender",
                        ctx -> {
                            Map<String, List<ChannelMessageSummary>> pending = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        SendChannelMessageResponse r = chain.call(q);
                                        if (r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                                && q.persistence() == ChannelMessagePersistenceType.PERSISTENT) {
                                            pending.computeIfAbsent(q.channelArn(), k -> new CopyOnWriteArrayList<>()).add(summary(q, r));
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                                        ListChannelMessagesResponse r = chain.call(q);
                                        List<ChannelMessageSummary> extra = pending.get(q.channelArn());
                                        if (extra == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        Set<String> listed = ConcurrentHashMap.newKeySet();
                                        r.channelMessages().forEach(m -> listed.add(m.messageId()));
                                        List<ChannelMessageSummary> all = new ArrayList<>(r.channelMessages());
                                        extra.stream().filter(m -> !listed.contains(m.messageId()))
                                                .filter(m -> ctx.message(q.channelArn(), m.messageId()).isPresent()
                                                        || !Objects.equals(m.sender().arn(), q.chimeBearer()))
                                                .forEach(all::add);
                                        return r.toBuilder().channelMessages(all).build();
                                    }));
                        }),
                fault("late-callback-accepted", "FLOW-030",
                        "ChannelFlowCallback more than 48 hours after the invocation is acknowledged with 200 instead of refused",
                        ctx -> Interceptor.onError(ChannelFlowCallbackRequest.class, ModeledError.FORBIDDEN,
                                (q, chain) -> ChannelFlowCallbackResponse.builder().channelArn(q.channelArn())
                                        .callbackId(q.callbackId()).sdkHttpResponse(FaultContext.http(200)).build())),
                fault("callback-content-ignored", "FLOW-020",
                        "ChannelFlowCallback is acknowledged, but the content and metadata it gives are ignored: the"
                                + " message is delivered as sent",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(
                                q.channelMessage() == null ? q : q.toBuilder().channelMessage(m -> m
                                        .messageId(q.channelMessage().messageId())).build()))),
                fault("callback-for-another-message-applied", "FLOW-023",
                        "a callback whose callback ID was issued for another message is accepted, and applied to the"
                                + " message the ID was issued for",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                // The faulty service looks the callback up by its ID alone.
                                Optional<String> issuedFor = q.channelMessage() == null ? Optional.empty()
                                        : ctx.messageOfCallback(q.channelArn(), q.callbackId());
                                if ((FaultContext.is(e, ModeledError.BAD_REQUEST) || FaultContext.is(e, ModeledError.CONFLICT))
                                        && issuedFor.isPresent()
                                        && !issuedFor.get().equals(q.channelMessage().messageId())) {
                                    return chain.proceed(q.toBuilder().channelMessage(q.channelMessage().toBuilder()
                                            .messageId(issuedFor.get()).build()).build());
                                }
                                throw e;
                            }
                        })),
                fault("denied-message-kept", "FLOW-021, STAT-008",
                        "a callback that denies the message (DeleteResource) is acknowledged, but the message is"
                                + " delivered unchanged and stays listed",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(
                                Boolean.TRUE.equals(q.deleteResource()) ? q.toBuilder().deleteResource(false).build()
                                        : q))),
                new Fault("processor-event-type-per-operation", List.of("FLOW-005"),
                        "the service invokes processors with the event type CREATE_CHANNEL_MESSAGE or"
                                + " UPDATE_CHANNEL_MESSAGE instead of the documented CHANNEL_MESSAGE_EVENT",
                        ctx -> (request, chain) -> chain.proceed(request),
                        event(i -> withEventType(i, i.lastEditedTimestamp() == null ? "CREATE_CHANNEL_MESSAGE"
                                : "UPDATE_CHANNEL_MESSAGE"))),
                new Fault("processor-event-without-metadata", List.of("FLOW-005"),
                        "the service invokes processors with the message's content but without its metadata",
                        ctx -> (request, chain) -> chain.proceed(request),
                        event(i -> new ProcessorProbe.Invocation(i.sequence(), i.processorArn(), i.eventType(),
                                i.callbackId(), i.channelArn(), i.messageId(), i.content(), null, i.senderArn(),
                                i.senderName(), i.persistence(), i.type(), i.createdTimestamp(),
                                i.lastEditedTimestamp()))));
    }

    /**
     * Flows run other processors than those declared: {@code run} gives, from the processors a create or
     * update declares (and the flow's ARN on an update, null on a create), those the faulty service runs,
     * or null to run them as declared. Describe and list still show the processors as declared.
     */
    private static Interceptor runsInstead(BiFunction<List<Processor>, String, List<Processor>> run) {
        Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
        return Interceptor.all(
                Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> {
                    List<Processor> instead = run.apply(q.processors(), null);
                    if (instead == null) {
                        return chain.proceed(q);
                    }
                    CreateChannelFlowResponse r = chain.call(q.toBuilder().processors(instead).build());
                    declared.put(r.channelFlowArn(), q.processors());
                    return r;
                }),
                Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                    List<Processor> instead = run.apply(q.processors(), q.channelFlowArn());
                    if (instead == null) {
                        return chain.proceed(q);
                    }
                    var r = chain.proceed(q.toBuilder().processors(instead).build());
                    declared.put(q.channelFlowArn(), q.processors());
                    return r;
                }),
                showDeclaredProcessors(declared));
    }
}
