package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in idempotency: the rules of area IDEM. */
final class IdempotencyFaults {

    private IdempotencyFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("message-token-ignored", "IDEM-003",
                        "SendChannelMessage ignores the ClientRequestToken: a retried send posts the message twice",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))),
                fault("channel-token-ignored", "IDEM-001, IDEM-006",
                        "CreateChannel ignores the ClientRequestToken: a retried request creates a second channel",
                        ctx -> Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(
                                q.clientRequestToken() == null ? q : q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))),
                fault("token-reuse-returns-first", "IDEM-006",
                        "a ClientRequestToken reused with different parameters returns the first result instead of ConflictException",
                        ctx -> {
                            Map<String, SdkResponse> first = new ConcurrentHashMap<>();
                            return (q, chain) -> {
                                String token = Members.has(q, "ClientRequestToken") ? Members.text(q, "ClientRequestToken") : null;
                                if (token == null) {
                                    return chain.proceed(q);
                                }
                                String key = q.getClass().getSimpleName() + " " + Faults.bearer(q) + " " + token;
                                try {
                                    SdkResponse r = chain.proceed(q);
                                    first.putIfAbsent(key, r);
                                    return r;
                                } catch (ChimeSdkMessagingException e) {
                                    if (FaultContext.is(e, ModeledError.CONFLICT) && first.containsKey(key)) {
                                        return first.get(key);
                                    }
                                    throw e;
                                }
                            };
                        }),
                fault("flow-token-ignored", "IDEM-005",
                        "CreateChannelFlow ignores the ClientRequestToken: a retried request creates a second flow",
                        ctx -> Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> chain.proceed(q.clientRequestToken() == null ? q
                                : q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))));
    }
}
