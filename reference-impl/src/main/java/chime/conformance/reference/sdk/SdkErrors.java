package chime.conformance.reference.sdk;

import chime.conformance.contract.ModeledError;
import chime.conformance.contract.Service;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;
import software.amazon.awssdk.services.chimesdkidentity.model.ChimeSdkIdentityException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/**
 * The core's {@link ApiError} as the SDK's modeled exceptions, for both services, through the kit's one error
 * catalogue ({@link ModeledError}): each {@link ErrorType} is the catalogue entry of the same name. Each
 * exception carries what a real client would parse from the wire (ERR-009).
 */
public final class SdkErrors {

    private SdkErrors() {
    }

    /** The catalogue entry of a core error type. */
    public static ModeledError modeled(ErrorType type) {
        return ModeledError.valueOf(type.name());
    }

    public static ChimeSdkMessagingException messaging(ApiError error) {
        return (ChimeSdkMessagingException) modeled(error.type()).exception(Service.MESSAGING, error.getMessage());
    }

    public static ChimeSdkIdentityException identity(ApiError error) {
        return (ChimeSdkIdentityException) modeled(error.type()).exception(Service.IDENTITY, error.getMessage());
    }
}
