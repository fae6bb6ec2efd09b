package chime.conformance.reference.core.error;

/**
 * The one error catalogue of the service: the nine modeled exception shapes of the Amazon Chime SDK
 * Messaging API, with their HTTP status and the {@code ErrorCode} enum value their {@code Code} member
 * carries (model-constraints section 2, ERR-009).
 *
 * <p>RESOURCE_LIMIT_EXCEEDED shares status 400 with BAD_REQUEST (ERR-005): callers must compare the type,
 * never the status alone.
 */
public enum ErrorType {
    BAD_REQUEST(400, "BadRequestException", "BadRequest"),
    CONFLICT(409, "ConflictException", "Conflict"),
    FORBIDDEN(403, "ForbiddenException", "Forbidden"),
    NOT_FOUND(404, "NotFoundException", "NotFound"),
    RESOURCE_LIMIT_EXCEEDED(400, "ResourceLimitExceededException", "ResourceLimitExceeded"),
    SERVICE_FAILURE(500, "ServiceFailureException", "ServiceFailure"),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", "ServiceUnavailable"),
    THROTTLED_CLIENT(429, "ThrottledClientException", "Throttled"),
    UNAUTHORIZED_CLIENT(401, "UnauthorizedClientException", "Unauthorized");

    private final int httpStatus;
    private final String shapeName;
    private final String errorCode;

    ErrorType(int httpStatus, String shapeName, String errorCode) {
        this.httpStatus = httpStatus;
        this.shapeName = shapeName;
        this.errorCode = errorCode;
    }

    /** The HTTP status the service answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The modeled exception shape name, e.g. {@code BadRequestException} (the x-amzn-ErrorType header). */
    public String shapeName() {
        return shapeName;
    }

    /** The {@code ErrorCode} enum value carried in the exception's {@code Code} member, e.g. {@code BadRequest}. */
    public String errorCode() {
        return errorCode;
    }
}
