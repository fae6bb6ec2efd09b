package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;

/**
 * The wire's half of the error catalogue: a {@link ModeledError} (the kit's one catalogue of exception
 * class, HTTP status and ErrorCode) as a {@link WireError}, plus what only the wire has: the shape it uses
 * for requests that name no operation, and the message of unexpected failures.
 */
public final class ErrorCatalogue {

    /**
     * No operation at this method and path. Not a modeled shape: it is the name AWS front ends use for a
     * request that names no operation, and an SDK maps it to its service's base exception with the status
     * (404, or 405 when the path exists with other methods, see {@link #unknownOperation}). A modeled
     * NotFoundException would tell a client that a resource is missing, which is not what happened. The Code
     * is an ErrorCode that fits the status: NotFound for nothing at this path, BadRequest for a method the
     * path does not take.
     */
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";

    /** The message of every unexpected failure: nothing about the server's insides reaches the client. */
    public static final String GENERIC_FAILURE_MESSAGE = "The service encountered an unexpected error.";

    private ErrorCatalogue() {
    }

    /** The wire form of a modeled error with its own status and default Code. */
    public static WireError toWire(ModeledError error, String message) {
        return new WireError(error.status(), error.shape(), error.code(), message);
    }

    /** A modeled shape and Code on another status than the model's (413, 408: refused before the service). */
    public static WireError toWire(ModeledError error, int status, String message) {
        return new WireError(status, error.shape(), error.code(), message);
    }

    /**
     * A request that names no operation, wherever it is refused (the dispatcher or the HTTP server itself):
     * 404 Code NotFound when nothing is at the path, 405 Code BadRequest with {@code Allow} when the path takes
     * other methods.
     *
     * @param allow the methods the path takes; empty: none (404)
     */
    public static WireError unknownOperation(String message, List<String> allow) {
        if (allow.isEmpty()) {
            return new WireError(404, UNKNOWN_OPERATION, ModeledError.NOT_FOUND.code(), message);
        }
        return new WireError(405, UNKNOWN_OPERATION, ModeledError.BAD_REQUEST.code(), message,
                Map.of("Allow", String.join(", ", allow)));
    }

    /**
     * The wire form of an exception the service threw: a modeled exception of either service keeps its
     * shape name, its Code (or the shape's default) and its message, with the model's status whatever
     * status the exception object carries. Anything else is an unexpected failure.
     */
    public static WireError fromServiceException(Throwable e) {
        Optional<ModeledError> modeled = ModeledError.of(e);
        if (modeled.isPresent()) {
            ModeledError entry = modeled.get();
            AwsServiceException ase = (AwsServiceException) e;
            return new WireError(entry.status(), entry.shape(), codeOf(ase).orElse(entry.code()), messageOf(ase));
        }
        return toWire(ModeledError.SERVICE_FAILURE, GENERIC_FAILURE_MESSAGE);
    }

    /** Whether {@code e} is one of the modeled exceptions of either service. */
    public static boolean isModeled(Throwable e) {
        return ModeledError.of(e).isPresent();
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
