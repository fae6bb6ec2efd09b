package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in message status values: the rules of area STAT. */
final class StatusFaults {

    private StatusFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("sent-reported-as-pending", "STAT-002",
                        "without a channel flow, SendChannelMessage reports the status PENDING instead of SENT",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            SendChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.SENT
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                        })),
                fault("denied-status-returned", "STAT-008",
                        "GetChannelMessageStatus of a denied message answers DENIED instead of an error",
                        ctx -> {
                            Set<String> processed = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(processed),
                                    Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                                        if (!processed.contains(q.channelArn() + " " + q.messageId())) {
                                            return chain.proceed(q);
                                        }
                                        return Faults.onError(ModeledError.NOT_FOUND, chain, q, () -> GetChannelMessageStatusResponse.builder()
                                                .status(s -> s.value(ChannelMessageStatus.DENIED)).sdkHttpResponse(FaultContext.http(200)).build());
                                    }));
                        }),
                fault("edit-status-always-sent", "STAT-011",
                        "UpdateChannelMessage in a channel with a flow reports SENT although the edit waits for the processor",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> {
                            UpdateChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.SENT)).build() : r;
                        })),
                fault("status-stays-pending", "STAT-005, STAT-010",
                        "GetChannelMessageStatus keeps answering the status the message had when it was sent (PENDING)",
                        ctx -> {
                            Set<String> pending = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(pending),
                                    Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                                        GetChannelMessageStatusResponse r = chain.call(q);
                                        return pending.contains(q.channelArn() + " " + q.messageId())
                                                ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                                    }));
                        }),
                fault("status-call-pending-without-flow", "STAT-009",
                        "GetChannelMessageStatus answers PENDING for a message of a channel without a flow",
                        ctx -> Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                            GetChannelMessageStatusResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.SENT
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                        })),
                fault("send-reports-sent-with-flow", "STAT-003",
                        "with a channel flow, SendChannelMessage reports SENT instead of the processing stage PENDING",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            SendChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.SENT)).build() : r;
                        })));
    }
}
