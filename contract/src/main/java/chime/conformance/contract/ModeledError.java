package chime.conformance.contract;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceFailureException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceUnavailableException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

/**
 * The one error catalogue of the kit: the nine modeled exceptions of the Amazon Chime SDK Messaging API
 * (model-constraints section 2), each with its SDK exception class, its HTTP status and the {@code ErrorCode}
 * value its {@code Code} member carries (ERR-009). The identity API models the same nine shapes with the same
 * statuses; its classes are found by name in its own model package.
 *
 * <p>The shape name is the SDK class's simple name ({@code BadRequestException}, the {@code x-amzn-ErrorType}
 * of the wire). The reference's core has a type of its own for each entry, of the same name, and the SDK
 * adapter and the wire translate through this catalogue; the runner's {@code {error}} parameter type and
 * the faults read it too.
 *
 * <p>RESOURCE_LIMIT_EXCEEDED shares status 400 with BAD_REQUEST (ERR-005): compare the type, never the
 * status alone.
 */
public enum ModeledError {
    BAD_REQUEST(BadRequestException.class, 400, "BadRequest"),
    CONFLICT(ConflictException.class, 409, "Conflict"),
    FORBIDDEN(ForbiddenException.class, 403, "Forbidden"),
    NOT_FOUND(NotFoundException.class, 404, "NotFound"),
    RESOURCE_LIMIT_EXCEEDED(ResourceLimitExceededException.class, 400, "ResourceLimitExceeded"),
    SERVICE_FAILURE(ServiceFailureException.class, 500, "ServiceFailure"),
    SERVICE_UNAVAILABLE(ServiceUnavailableException.class, 503, "ServiceUnavailable"),
    THROTTLED_CLIENT(ThrottledClientException.class, 429, "Throttled"),
    UNAUTHORIZED_CLIENT(UnauthorizedClientException.class, 401, "Unauthorized");

    private final Class<? extends AwsServiceException> messagingClass;
    private final int status;
    private final String code;

    ModeledError(Class<? extends AwsServiceException> messagingClass, int status, String code) {
        this.messagingClass = messagingClass;
        this.status = status;
        this.code = code;
    }

    /** The modeled shape name, e.g. {@code BadRequestException}. */
    public String shape() {
        return messagingClass.getSimpleName();
    }

    /** The HTTP status the service answers with. */
    public int status() {
        return status;
    }

    /** The {@code ErrorCode} value of the {@code Code} member, e.g. {@code BadRequest}. */
    public String code() {
        return code;
    }

    /** The messaging API's exception class of this shape. */
    public Class<? extends AwsServiceException> exceptionClass() {
        return messagingClass;
    }

    /** The exception class of this shape in {@code service}'s model. */
    @SuppressWarnings("unchecked")
    public Class<? extends AwsServiceException> exceptionClass(Service service) {
        return service == Service.MESSAGING ? messagingClass
                : (Class<? extends AwsServiceException>) service.shape(shape());
    }

    /** The entry of a modeled exception class of either service. */
    public static Optional<ModeledError> of(Class<?> exceptionClass) {
        if (Service.owning(exceptionClass).isEmpty()) {
            return Optional.empty();
        }
        return byShape(exceptionClass.getSimpleName());
    }

    /** The entry of a thrown exception, when it is a modeled exception of either service. */
    public static Optional<ModeledError> of(Throwable thrown) {
        return thrown instanceof AwsServiceException ? of(thrown.getClass()) : Optional.empty();
    }

    public static Optional<ModeledError> byShape(String shape) {
        return Arrays.stream(values()).filter(e -> e.shape().equals(shape)).findFirst();
    }

    /** Whether {@code thrown} is this modeled exception, of either service. */
    public boolean is(Throwable thrown) {
        return of(thrown).filter(e -> e == this).isPresent();
    }

    /**
     * The exception a real client would parse from the wire (ERR-009): the HTTP status, the {@code Code}
     * member and AwsErrorDetails whose error code is the shape name.
     */
    public AwsServiceException exception(Service service, String message) {
        return exception(service, message, code);
    }

    /** As {@link #exception(Service, String)}, with another {@code Code} value. */
    public AwsServiceException exception(Service service, String message, String codeValue) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(shape())
                .errorMessage(message)
                .serviceName(service.serviceName())
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
        AwsServiceException.Builder builder = builder(exceptionClass(service));
        builder.message(message).statusCode(status).awsErrorDetails(details);
        setCode((SdkPojo) builder, codeValue);
        return builder.build();
    }

    private static AwsServiceException.Builder builder(Class<? extends AwsServiceException> type) {
        try {
            Method builder = type.getMethod("builder");
            return (AwsServiceException.Builder) builder.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no builder", e);
        }
    }

    private static void setCode(SdkPojo builder, String value) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.memberName().equals("Code")) {
                field.set(builder, value);
                return;
            }
        }
    }
}
