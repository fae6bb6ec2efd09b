package chime.conformance.runner.faults;

import chime.conformance.reference.core.error.ErrorType;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/** Building blocks the catalogue's faults share. */
final class Faults {

    private Faults() {
    }

    static Fault fault(String name, String rules, String description, Function<FaultContext, Interceptor> behaviour) {
        return new Fault(name, List.of(rules.split("\\s*,\\s*")), description, behaviour);
    }

    /**
     * A missing permission check: where the service refuses the caller of a {@code type} request with
     * ForbiddenException and {@code when} holds, the faulty service carries the request out anyway, as
     * an AppInstanceAdmin would.
     */
    static <Q extends SdkRequest> Function<FaultContext, Interceptor> allowWhenForbidden(
            Class<Q> type, BiPredicate<Q, FaultContext> when) {
        return ctx -> Interceptor.on(type, (q, chain) -> {
            try {
                return chain.proceed(q);
            } catch (ChimeSdkMessagingException e) {
                if (FaultContext.is(e, ErrorType.FORBIDDEN) && when.test(q, ctx)) {
                    return chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(arnIn(q))));
                }
                throw e;
            }
        });
    }

    /** The ARN a request acts on: its channel, else its AppInstance, else its user or resource. */
    static String arnIn(SdkRequest request) {
        for (String member : List.of("ChannelArn", "AppInstanceArn", "AppInstanceUserArn", "ChannelFlowArn", "ResourceARN")) {
            String value = Members.text(request, member);
            if (value != null) {
                return value;
            }
        }
        return Members.text(request, "ChimeBearer");
    }

    static String bearer(SdkRequest request) {
        return Members.text(request, "ChimeBearer");
    }

    /** Runs the call and, on an error of {@code type}, gives {@code fallback}'s answer instead. */
    static SdkResponse onError(ErrorType type, Interceptor.Chain chain, SdkRequest request,
                               java.util.function.Supplier<SdkResponse> fallback) {
        try {
            return chain.proceed(request);
        } catch (ChimeSdkMessagingException e) {
            if (FaultContext.is(e, type)) {
                return fallback.get();
            }
            throw e;
        }
    }
}
