package chime.conformance.reference.http;

import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;

/**
 * The one error catalogue of the server: each modeled exception shape of the two services with its HTTP
 * status (model-constraints section 2, identical in both models) and its default {@code ErrorCode}, plus
 * the one shape the server uses for requests that name no operation.
 */
public enum ErrorCatalogue {
    BAD_REQUEST("BadRequestException", 400, "BadRequest"),
    CONFLICT("ConflictException", 409, "Conflict"),
    FORBIDDEN("ForbiddenException", 403, "Forbidden"),
    NOT_FOUND("NotFoundException", 404, "NotFound"),
    // 400 like BadRequest: clients must tell them apart by type, not status (design section 10).
    RESOURCE_LIMIT_EXCEEDED("ResourceLimitExceededException", 400, "ResourceLimitExceeded"),
    SERVICE_FAILURE("ServiceFailureException", 500, "ServiceFailure"),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503, "ServiceUnavailable"),
    THROTTLED_CLIENT("ThrottledClientException", 429, "Throttled"),
    UNAUTHORIZED_CLIENT("UnauthorizedClientException", 401, "Unauthorized"),
    /**
     * No operation at this method and path. Not a modeled shape: it is the name AWS front ends use for a
     * request that names no operation, and an SDK maps it to its service's base exception with the status
     * (404, or 405 when the path exists with other methods, see {@link #unknownOperation}). A modeled
     * NotFoundException would tell a client that a resource is missing, which is not what happened. The Code
     * is an ErrorCode that fits the status: NotFound for nothing at this path, BadRequest for a method the
     * path does not take.
     */
    UNKNOWN_OPERATION("UnknownOperationException", 404, "NotFound");

    /** The message of every unexpected failure: nothing about the server's insides reaches the client. */
    public static final String GENERIC_FAILURE_MESSAGE = "The service encountered an unexpected error.";

    private final String shape;
    private final int status;
    private final String defaultCode;

    ErrorCatalogue(String shape, int status, String defaultCode) {
        this.shape = shape;
        this.status = status;
        this.defaultCode = defaultCode;
    }

    public String shape() {
        return shape;
    }

    public int status() {
        return status;
    }

    public String defaultCode() {
        return defaultCode;
    }

    public WireError toWire(String message) {
        return new WireError(status, shape, defaultCode, message);
    }

    /**
     * A request that names no operation, wherever it is refused (the dispatcher or the HTTP server itself):
     * 404 Code NotFound when nothing is at the path, 405 Code BadRequest with {@code Allow} when the path takes
     * other methods.
     *
     * @param allow the methods the path takes; empty: none (404)
     */
    public static WireError unknownOperation(String message, java.util.List<String> allow) {
        if (allow.isEmpty()) {
            return UNKNOWN_OPERATION.toWire(message);
        }
        return new WireError(405, UNKNOWN_OPERATION.shape, BAD_REQUEST.defaultCode, message,
                java.util.Map.of("Allow", String.join(", ", allow)));
    }

    public static Optional<ErrorCatalogue> byShape(String shapeName) {
        return Arrays.stream(values()).filter(e -> e.shape.equals(shapeName)).findFirst();
    }

    /**
     * The wire form of an exception the service threw: a modeled exception of either service keeps its
     * shape name, its Code (or the shape's default) and its message, with the model's status whatever
     * status the exception object carries. Anything else is an unexpected failure.
     */
    public static WireError fromServiceException(Throwable e) {
        if (isModeled(e)) {
            AwsServiceException ase = (AwsServiceException) e;
            ErrorCatalogue entry = byShape(e.getClass().getSimpleName()).orElseThrow();
            return new WireError(entry.status, entry.shape, codeOf(ase).orElse(entry.defaultCode), messageOf(ase));
        }
        return SERVICE_FAILURE.toWire(GENERIC_FAILURE_MESSAGE);
    }

    /** Whether {@code e} is one of the modeled exceptions of either service. */
    public static boolean isModeled(Throwable e) {
        return e instanceof AwsServiceException && isModelClass(e.getClass())
                && byShape(e.getClass().getSimpleName()).filter(entry -> entry != UNKNOWN_OPERATION).isPresent();
    }

    private static boolean isModelClass(Class<?> type) {
        String pkg = type.getPackageName();
        return Arrays.stream(Api.values()).anyMatch(api -> api.modelPackage().equals(pkg));
    }

    /** The exception's {@code Code} member, read through the model's own field metadata. */
    private static Optional<String> codeOf(AwsServiceException e) {
        for (SdkField<?> field : e.sdkFields()) {
            if ("Code".equals(field.locationName())) {
                Object value = field.getValueOrDefault(e);
                return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static String messageOf(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        String m = e.getMessage();
        return m == null ? "" : m;
    }
}
