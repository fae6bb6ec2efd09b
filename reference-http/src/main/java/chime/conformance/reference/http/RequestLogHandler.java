package chime.conformance.reference.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * One line per request once it is answered (serve {@code --log-requests}): when, method, path (as it arrived,
 * percent-encoded), the operation it reached ({@code -} for none), status and milliseconds, e.g.
 * {@code 2026-01-02T03:04:05.678Z POST /channels CreateChannel 201 4 ms}.
 */
final class RequestLogHandler extends Handler.Wrapper {

    private final Consumer<String> log;

    RequestLogHandler(Consumer<String> log, Handler next) {
        super(next);
        this.log = log;
    }

    /** Writing a line may wait on its stream: requests are handled on threads that may block. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = request.getBeginNanoTime();
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        String operation = operation(method, rawPath, request.getHttpURI().getQuery());
        Callback logged = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                write(method, rawPath, operation, response.getStatus(), start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                write(method, rawPath, operation, response.getStatus(), start);
                super.failed(failure);
            }
        };
        return super.handle(request, response, logged);
    }

    private void write(String method, String rawPath, String operation, int status, long start) {
        log.accept(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + method + " " + rawPath + " " + operation + " "
                + status + " " + NanoTime.millisSince(start) + " ms");
    }

    /** The API operation (or reserved endpoint) a request reaches, or {@code -}. */
    static String operation(String method, String rawPath, String rawQuery) {
        if (ReservedPathsHandler.reserved(rawPath)) {
            return rawPath.substring(rawPath.lastIndexOf('/') + 1);
        }
        try {
            RouteTable.Match match = RouteTable.match(method, WireText.decodePath(rawPath),
                    WireText.decodeQuery(rawQuery));
            return match instanceof RouteTable.Found found ? found.route().operation() : "-";
        } catch (RuntimeException undecodable) {
            return "-";
        }
    }
}
