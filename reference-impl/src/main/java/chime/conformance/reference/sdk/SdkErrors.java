package chime.conformance.reference.sdk;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.ChimeSdkIdentityException;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceFailureException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceUnavailableException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

/**
 * The one mapping from the core's {@link ApiError} to the SDK's modeled exceptions, for both services.
 * Each exception carries what a real client would parse from the wire (ERR-009): the HTTP status, the
 * modeled {@code Code} member (an ErrorCode value such as {@code BadRequest}) and AwsErrorDetails whose
 * error code is the exception shape name (such as {@code BadRequestException}).
 */
public final class SdkErrors {

    private static final String MESSAGING_SERVICE = "ChimeSDKMessaging";
    private static final String IDENTITY_SERVICE = "ChimeSDKIdentity";

    private SdkErrors() {
    }

    public static ChimeSdkMessagingException messaging(ApiError error) {
        ErrorType type = error.type();
        String message = error.getMessage();
        int status = type.httpStatus();
        ErrorCode code = ErrorCode.fromValue(type.errorCode());
        AwsErrorDetails details = details(type, message, MESSAGING_SERVICE);
        AwsServiceException exception = switch (type) {
            case BAD_REQUEST -> BadRequestException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case CONFLICT -> ConflictException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case FORBIDDEN -> ForbiddenException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case NOT_FOUND -> NotFoundException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case RESOURCE_LIMIT_EXCEEDED -> ResourceLimitExceededException.builder().code(code).message(message)
                    .statusCode(status).awsErrorDetails(details).build();
            case SERVICE_FAILURE -> ServiceFailureException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case SERVICE_UNAVAILABLE -> ServiceUnavailableException.builder().code(code).message(message)
                    .statusCode(status).awsErrorDetails(details).build();
            case THROTTLED_CLIENT -> ThrottledClientException.builder().code(code).message(message).statusCode(status)
                    .awsErrorDetails(details).build();
            case UNAUTHORIZED_CLIENT -> UnauthorizedClientException.builder().code(code).message(message)
                    .statusCode(status).awsErrorDetails(details).build();
        };
        return (ChimeSdkMessagingException) exception;
    }

    public static ChimeSdkIdentityException identity(ApiError error) {
        ErrorType type = error.type();
        String message = error.getMessage();
        int status = type.httpStatus();
        software.amazon.awssdk.services.chimesdkidentity.model.ErrorCode code =
                software.amazon.awssdk.services.chimesdkidentity.model.ErrorCode.fromValue(type.errorCode());
        AwsErrorDetails details = details(type, message, IDENTITY_SERVICE);
        AwsServiceException exception = switch (type) {
            case BAD_REQUEST -> software.amazon.awssdk.services.chimesdkidentity.model.BadRequestException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case CONFLICT -> software.amazon.awssdk.services.chimesdkidentity.model.ConflictException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case FORBIDDEN -> software.amazon.awssdk.services.chimesdkidentity.model.ForbiddenException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case NOT_FOUND -> software.amazon.awssdk.services.chimesdkidentity.model.NotFoundException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case RESOURCE_LIMIT_EXCEEDED ->
                    software.amazon.awssdk.services.chimesdkidentity.model.ResourceLimitExceededException.builder()
                            .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case SERVICE_FAILURE -> software.amazon.awssdk.services.chimesdkidentity.model.ServiceFailureException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case SERVICE_UNAVAILABLE ->
                    software.amazon.awssdk.services.chimesdkidentity.model.ServiceUnavailableException.builder()
                            .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case THROTTLED_CLIENT -> software.amazon.awssdk.services.chimesdkidentity.model.ThrottledClientException.builder()
                    .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
            case UNAUTHORIZED_CLIENT ->
                    software.amazon.awssdk.services.chimesdkidentity.model.UnauthorizedClientException.builder()
                            .code(code).message(message).statusCode(status).awsErrorDetails(details).build();
        };
        return (ChimeSdkIdentityException) exception;
    }

    private static AwsErrorDetails details(ErrorType type, String message, String serviceName) {
        return AwsErrorDetails.builder()
                .errorCode(type.shapeName())
                .errorMessage(message)
                .serviceName(serviceName)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(type.httpStatus()).build())
                .build();
    }
}
