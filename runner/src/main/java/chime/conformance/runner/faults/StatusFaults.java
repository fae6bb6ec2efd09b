package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in message status values: the rules of area STAT. */
final class StatusFaults {

    private StatusFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("sent-reported-as-pending", "STAT-002",
                        "without a channel flow, SendChannelMessage reports the status PENDING instead of SENT",
                        ctx -> reports(SendChannelMessageRequest.class, ChannelMessageStatus.SENT, ChannelMessageStatus.PENDING)),
                fault("denied-status-returned", "STAT-008",
                        "GetChannelMessageStatus of a denied message answers DENIED instead of an error",
                        ctx -> {
                            Set<String> processed = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(processed),
                                    Interceptor.onError(GetChannelMessageStatusRequest.class, ModeledError.NOT_FOUND,
                                            q -> processed.contains(q.channelArn() + " " + q.messageId()),
                                            (q, chain) -> GetChannelMessageStatusResponse.builder().status(s -> s.value(ChannelMessageStatus.DENIED))
                                                    .sdkHttpResponse(FaultContext.http(200)).build()));
                        }),
                fault("edit-status-always-sent", "STAT-011",
                        "UpdateChannelMessage in a channel with a flow reports SENT although the edit waits for the processor",
                        ctx -> reports(UpdateChannelMessageRequest.class, ChannelMessageStatus.PENDING, ChannelMessageStatus.SENT)),
                fault("status-stays-pending", "STAT-005, STAT-010",
                        "GetChannelMessageStatus keeps answering the status the message had when it was sent (PENDING)",
                        ctx -> {
                            Set<String> pending = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(pending),
                                    Interceptor.answer(GetChannelMessageStatusRequest.class, GetChannelMessageStatusResponse.class, (q, r) ->
                                            pending.contains(q.channelArn() + " " + q.messageId())
                                                ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r));
                        }),
                fault("status-call-pending-without-flow", "STAT-009",
                        "GetChannelMessageStatus answers PENDING for a message of a channel without a flow",
                        ctx -> reports(GetChannelMessageStatusRequest.class, ChannelMessageStatus.SENT, ChannelMessageStatus.PENDING)),
                fault("send-reports-sent-with-flow", "STAT-003",
                        "with a channel flow, SendChannelMessage reports SENT instead of the processing stage PENDING",
                        ctx -> reports(SendChannelMessageRequest.class, ChannelMessageStatus.PENDING, ChannelMessageStatus.SENT)));
    }

    /** The operation reports the message status {@code to} where the service reports {@code from}. */
    private static Interceptor reports(Class<? extends SdkRequest> type, ChannelMessageStatus from, ChannelMessageStatus to) {
        return Interceptor.on(type, (q, chain) -> {
            SdkResponse r = chain.proceed(q);
            return Members.get(r, "Status") instanceof ChannelMessageStatusStructure s && s.value() == from
                    ? Members.with(r, "Status", s.toBuilder().value(to).build()) : r;
        });
    }
}
