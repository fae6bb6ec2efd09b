package chime.conformance.reference.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's side of the server (core Handler API, no servlets): reads the body up to the cap without holding
 * a thread while a slow client sends it, hands the request to the {@link RestJsonDispatcher} and writes
 * the reply.
 */
final class RestJsonHandler extends Handler.Abstract {

    private final RestJsonDispatcher dispatcher;
    private final int maxBodyBytes;

    RestJsonHandler(RestJsonDispatcher dispatcher, int maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > drainLimit()) {
            // Refused before reading a byte of it. Jetty then closes the connection rather than drain the body,
            // and a client still sending may not see this answer; past this size that is the lesser evil.
            write(response, callback, WireReply.error(tooLarge()));
            return true;
        }
        new BodyReader(request, response, callback).run();
        return true;
    }

    /**
     * A body over the cap is still read, and discarded, up to this size before the 413 is sent: a client
     * that sends its body before reading the answer (most do) would otherwise have the connection reset
     * under it and never see the answer.
     */
    private long drainLimit() {
        return 16L * maxBodyBytes;
    }

    private WireError tooLarge() {
        return new WireError(413, ErrorCatalogue.BAD_REQUEST.shape(), ErrorCatalogue.BAD_REQUEST.defaultCode(),
                "The request body exceeds the limit of " + maxBodyBytes + " bytes");
    }

    private void answer(Request request, Response response, Callback callback, byte[] body) {
        WireReply reply = dispatcher.dispatch(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), name -> request.getHeaders().getValuesList(name), body);
        write(response, callback, reply);
    }

    static void write(Response response, Callback callback, WireReply reply) {
        response.setStatus(reply.status());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.status() == 204 || reply.status() == 304) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** The usual Jetty read loop: read what is there, ask to be called back when more arrives. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean done = new AtomicBoolean();
        private long received;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The client stalled past the idle timeout, or went away, mid-body. Answer in the AWS shape
                    // (a 4xx: the client's doing, not the service's); if nobody is left to read it, the write
                    // simply fails.
                    if (done.compareAndSet(false, true)) {
                        write(response, callback, WireReply.error(new WireError(408,
                                ErrorCatalogue.BAD_REQUEST.shape(), ErrorCatalogue.BAD_REQUEST.defaultCode(),
                                "The request body was not received in full: the client stopped sending for longer"
                                        + " than the server's idle timeout, or closed the connection")));
                    }
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    received += bytes.remaining();
                    if (received <= maxBodyBytes) {
                        byte[] copy = new byte[bytes.remaining()];
                        bytes.get(copy);
                        body.write(copy, 0, copy.length);
                    } else if (received > drainLimit()) {
                        if (done.compareAndSet(false, true)) {
                            write(response, callback, WireReply.error(tooLarge()));
                        }
                        return;
                    }
                } finally {
                    chunk.release();
                }
                if (last) {
                    if (done.compareAndSet(false, true)) {
                        if (received > maxBodyBytes) {
                            write(response, callback, WireReply.error(tooLarge()));
                        } else {
                            answer(request, response, callback, body.toByteArray());
                        }
                    }
                    return;
                }
            }
        }
    }
}
