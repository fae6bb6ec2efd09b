package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import chime.conformance.runner.target.ProcessorProbe;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/**
 * Faults in the processor's half of a channel flow: how the service takes a ChannelFlowCallback (FLOW-020,
 * FLOW-021, FLOW-023, STAT-008) and the event it hands its processors (FLOW-005). An emulator whose built-in
 * processors change messages directly, without going through ChannelFlowCallback, would have any of them and
 * still pass every scenario with a processor of known behaviour: only the scenarios that play the processor
 * (the hold processor, seen through the processor hooks on an endpoint) catch them.
 */
final class CallbackFaults {

    private CallbackFaults() {
    }

    static List<Fault> all() {
        return List.of(
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
                                if ((FaultContext.is(e, ErrorType.BAD_REQUEST) || FaultContext.is(e, ErrorType.CONFLICT))
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

    /** Every invocation the target shows, changed by {@code change}: the event the processors received. */
    private static UnaryOperator<ProcessorProbe> event(Function<ProcessorProbe.Invocation, ProcessorProbe.Invocation> change) {
        return probe -> (processorArn, channelArn) -> probe.invocations(processorArn, channelArn).stream()
                .map(change).toList();
    }

    private static ProcessorProbe.Invocation withEventType(ProcessorProbe.Invocation i, String eventType) {
        return new ProcessorProbe.Invocation(i.sequence(), i.processorArn(), eventType, i.callbackId(), i.channelArn(),
                i.messageId(), i.content(), i.metadata(), i.senderArn(), i.senderName(), i.persistence(), i.type(),
                i.createdTimestamp(), i.lastEditedTimestamp());
    }
}
