package chime.conformance.reference.core.error;

import java.util.Objects;

/**
 * The single way the core rejects a request: an error type from the catalogue plus a human-readable
 * message. Adapters translate it into their own modeled exceptions in one place.
 */
public final class ApiError extends RuntimeException {

    private final ErrorType type;

    public ApiError(ErrorType type, String message) {
        // Rejections are expected outcomes, not bugs: no stack trace is captured.
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ErrorType type() {
        return type;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(ErrorType.BAD_REQUEST, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(ErrorType.CONFLICT, message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(ErrorType.FORBIDDEN, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(ErrorType.NOT_FOUND, message);
    }

    public static ApiError resourceLimitExceeded(String message) {
        return new ApiError(ErrorType.RESOURCE_LIMIT_EXCEEDED, message);
    }

    @Override
    public String toString() {
        return type + ": " + getMessage();
    }
}
