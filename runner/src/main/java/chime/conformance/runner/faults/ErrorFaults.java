package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in modeled errors: the rules of area ERR. */
final class ErrorFaults {

    private ErrorFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("not-found-as-forbidden", "ERR-004",
                        "a resource that does not exist is answered with ForbiddenException instead of NotFoundException",
                        ctx -> translateError(ModeledError.NOT_FOUND, ModeledError.FORBIDDEN)),
                fault("forbidden-as-bad-request", "ERR-003",
                        "a permission failure is answered with BadRequestException instead of ForbiddenException",
                        ctx -> translateError(ModeledError.FORBIDDEN, ModeledError.BAD_REQUEST)),
                fault("conflict-as-bad-request", "ERR-002",
                        "a conflict with the state of a resource is answered with BadRequestException instead of ConflictException",
                        ctx -> translateError(ModeledError.CONFLICT, ModeledError.BAD_REQUEST)),
                fault("limit-exceeded-as-bad-request", "ERR-005",
                        "an exceeded resource limit is answered with BadRequestException instead of ResourceLimitExceededException",
                        ctx -> translateError(ModeledError.RESOURCE_LIMIT_EXCEEDED, ModeledError.BAD_REQUEST)),
                fault("error-type-is-short-code", "ERR-009",
                        "errors name their exception by the short code (BadRequest) instead of the shape name, and carry no Code member",
                        ctx -> Interceptor.failing((q, e) -> withoutShapeName(e))),
                fault("batch-error-code-invented", "ERR-011, MEMB-011",
                        "each failure of BatchCreateChannelMembership carries an error code outside the documented ErrorCode values",
                        ctx -> Interceptor.answer(BatchCreateChannelMembershipRequest.class, BatchCreateChannelMembershipResponse.class, (q, r) ->
                                r.toBuilder().errors(r.errors().stream()
                                    .map(e -> e.toBuilder().errorCode("MemberNotAdded").build()).toList()).build())),
                fault("unknown-enum-values-ignored", "ERR-001, CHAN-003",
                        "an unknown enumeration value (Mode, Privacy, membership Type) is ignored instead of rejected",
                        ctx -> (q, chain) -> {
                            SdkRequest request = q;
                            if (q instanceof CreateChannelRequest c) {
                                request = c.toBuilder().mode(c.mode() == ChannelMode.UNKNOWN_TO_SDK_VERSION ? null : c.modeAsString())
                                        .privacy(c.privacy() == ChannelPrivacy.UNKNOWN_TO_SDK_VERSION ? null : c.privacyAsString()).build();
                            } else if (q instanceof CreateChannelMembershipRequest m && m.type() == ChannelMembershipType.UNKNOWN_TO_SDK_VERSION) {
                                request = m.toBuilder().type(ChannelMembershipType.DEFAULT).build();
                            }
                            return chain.proceed(request);
                        }),
                fault("errors-without-message", "ERR-009",
                        "errors carry no message",
                        ctx -> Interceptor.failing((q, e) -> {
                            for (ModeledError type : ModeledError.values()) {
                                if (FaultContext.is(e, type)) {
                                    ChimeSdkMessagingException bare = FaultContext.error(type, null);
                                    return (ChimeSdkMessagingException) bare.toBuilder().message(null)
                                            .awsErrorDetails(bare.awsErrorDetails().toBuilder().errorMessage(null).build()).build();
                                }
                            }
                            return e;
                        })));
    }
}
