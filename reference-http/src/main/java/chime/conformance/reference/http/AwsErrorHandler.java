package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself, before a request reaches the dispatcher (a request line or headers too
 * large, a URI it cannot parse, a method it does not know), in the AWS error shape too, so that a client
 * sees one error format whatever refused its request. Never includes a stack trace.
 */
final class AwsErrorHandler extends ErrorHandler {

    AwsErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    /** Jetty writes error bodies only for GET, POST and HEAD by default; every method gets the AWS shape. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        WireError error = errorFor(code, message);
        WireReply reply = WireReply.error(error);
        response.setStatus(error.status());
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        RestJsonHandler.write(response, callback, reply);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        WireReply reply = WireReply.error(errorFor(status, reason));
        reply.headers().forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, WireReply.JSON);
        return ByteBuffer.wrap(reply.body());
    }

    private static WireError errorFor(int status, String reason) {
        if (status == 505) {
            // Jetty's status for a request line whose protocol is not HTTP/1.x. That is the client's doing, and
            // a 5xx would tell clients to retry what can never succeed: answered 400.
            return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, 400,
                    describe(status, reason));
        }
        if (status == 404 || status == 405) {
            // As the dispatcher answers a request that names no operation (ErrorCatalogue.unknownOperation).
            return new WireError(status, ErrorCatalogue.UNKNOWN_OPERATION, status == 404
                    ? ModeledError.NOT_FOUND.code() : ModeledError.BAD_REQUEST.code(),
                    describe(status, reason));
        }
        if (status == 500 || status == 503) {
            ModeledError entry = status == 503 ? ModeledError.SERVICE_UNAVAILABLE : ModeledError.SERVICE_FAILURE;
            return ErrorCatalogue.toWire(entry, ErrorCatalogue.GENERIC_FAILURE_MESSAGE);
        }
        return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, status,
                describe(status, reason));
    }

    /**
     * Jetty refuses some requests before they exist as requests and passes only a status and a reason
     * phrase; the message names what can cause each.
     */
    private static String describe(int status, String reason) {
        return switch (status) {
            case 400 -> "The request cannot be parsed as HTTP/1.1: its request line, its URI (for example malformed"
                    + " percent-encoding) or its headers are malformed";
            case 408 -> "The request was not received within the server's idle timeout";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request line and headers exceed the server's limit";
            case 505 -> "The request line does not name a supported HTTP version (HTTP/1.0 or HTTP/1.1)";
            case 404 -> "No operation at this method and path";
            case 405 -> "No operation takes this method at this path";
            // Jetty's own reason phrases describe its parser, not this API.
            default -> "The request was refused (HTTP " + status + ")";
        };
    }
}
