package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import java.util.Map;

/**
 * An error as it travels on the wire: status, the {@code x-amzn-ErrorType} shape name, the body's
 * {@code Code} (an ErrorCode enum value) and {@code Message} (ERR-009). Thrown by the binding and routing
 * layers for requests that never reach the service; made by {@link ErrorCatalogue} from the service's
 * modeled exceptions.
 */
public final class WireError extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String code;
    private final Map<String, String> headers;

    public WireError(int status, String errorType, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public WireError(int status, String errorType, String code, String message) {
        this(status, errorType, code, message, Map.of());
    }

    /** The request does not fit the protocol or the model: BadRequestException, 400. */
    public static WireError badRequest(String message) {
        return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, message);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String code() {
        return code;
    }

    /** Extra response headers, e.g. {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }
}
