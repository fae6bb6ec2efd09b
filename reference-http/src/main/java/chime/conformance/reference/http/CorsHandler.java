package chime.conformance.reference.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin access for browser applications (serve {@code --cors}): a web page built on the AWS SDK for
 * JavaScript v3 (as the Amazon Chime SDK for JavaScript's messaging is) calls the API from another origin, and
 * the browser first asks with a preflight {@code OPTIONS}.
 *
 * <p>A preflight (OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}) is answered 204 allowing
 * any origin, the API's methods and the headers those SDKs send: {@code authorization}, {@code x-amz-date},
 * {@code x-amz-security-token}, {@code x-amz-content-sha256} (Signature V4, {@code @smithy/signature-v4}),
 * {@code x-amz-user-agent} ({@code @aws-sdk/core}; browsers may not set {@code user-agent}),
 * {@code amz-sdk-invocation-id} and {@code amz-sdk-request} ({@code @smithy/middleware-retry}),
 * {@code content-type}, and the API's own header {@code x-amz-chime-bearer}
 * ({@code @aws-sdk/client-chime-sdk-messaging}). Every response to a request with an {@code Origin} allows it and
 * exposes the headers the SDKs read ({@code x-amzn-RequestId}, {@code x-amzn-ErrorType}, ...), as AWS endpoints
 * that support CORS do. No credentials (cookies) are involved, so the origin is {@code *}.
 */
final class CorsHandler extends Handler.Wrapper {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOWED_HEADERS = "authorization, content-type, x-amz-date, x-amz-security-token,"
            + " x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, x-amz-chime-bearer";
    static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date";
    static final String MAX_AGE_SECONDS = "172800";

    CorsHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.getHeaders().put(HttpHeader.VARY, "Origin");
        if ("OPTIONS".equals(request.getMethod())
                && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            response.setStatus(204);
            response.write(true, null, callback);
            return true;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        return super.handle(request, response, callback);
    }
}
