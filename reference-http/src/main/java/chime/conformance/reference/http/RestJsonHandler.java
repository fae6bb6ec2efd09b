package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's side of the server (core Handler API, no servlets): reads the body up to the cap without holding
 * a thread while a slow client sends it, hands the request to the {@link RestJsonDispatcher} and writes
 * the reply.
 *
 * <p>Declared non-blocking: no operation of the reference waits for anything but a lock held for the span of
 * an in-memory update (a processor's delay is a timer, a session's frames are queued and sent by other
 * threads), and a body still arriving is waited for by demand, not by a thread. So Jetty answers a request on
 * the thread that read it, without handing it to another thread first, which on a busy machine is a large
 * share of what a small request costs. Wrappers that do wait (the request log writes to a stream) declare
 * themselves blocking, and Jetty then hands requests over as before.
 */
final class RestJsonHandler extends Handler.Abstract.NonBlocking {

    private final RestJsonDispatcher dispatcher;
    private final int maxBodyBytes;
    private final Duration requestDeadline;

    /** @param requestDeadline how long after its first byte a request must have arrived in full */
    RestJsonHandler(RestJsonDispatcher dispatcher, int maxBodyBytes, Duration requestDeadline) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
        this.requestDeadline = requestDeadline;
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
        // The deadline is set only if the body is not all there yet: most requests arrive whole, head and body
        // in one read, and are answered without a timer scheduled and cancelled for each.
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
        return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, 413,
                "The request body exceeds the limit of " + maxBodyBytes + " bytes");
    }

    private void answer(Request request, Response response, Callback callback, byte[] body) {
        WireReply reply = dispatcher.dispatch(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), name -> request.getHeaders().getValuesList(name), body);
        write(response, callback, reply);
    }

    /**
     * Writes the reply: its status, its headers and its body in one write. On a response with no header yet (the
     * usual case: only CORS and failures set some before) the reply's are added, without Jetty looking for one of
     * the same name to replace; the JSON Content-Type, on every reply with a body, is one field encoded once.
     */
    static void write(Response response, Callback callback, WireReply reply) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        boolean fresh = headers.size() == 0;
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            set(headers, field(header.getKey(), header.getValue()), fresh);
        }
        if (reply.status() == 204 || reply.status() == 304) {
            response.write(true, null, callback);
            return;
        }
        set(headers, new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, reply.body().length), fresh);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** Adds the field to headers that had none before the reply's, else replaces any of its name. */
    private static void set(HttpFields.Mutable headers, HttpField field, boolean fresh) {
        if (fresh) {
            headers.add(field);
        } else {
            headers.put(field);
        }
    }

    private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, WireReply.JSON);

    private static HttpField field(String name, String value) {
        if (WireReply.JSON.equals(value) && HttpHeader.CONTENT_TYPE.is(name)) {
            return JSON_CONTENT_TYPE;
        }
        return new HttpField(name, value);
    }

    /** Why a body could not be read, in the API's words. */
    private WireError unreadable(Throwable failure) {
        if (failure instanceof DeadlineExceeded) {
            return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, 408,
                    "The request was not received in full within " + requestDeadline.toMillis()
                            + " ms of its first byte");
        }
        if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500
                && http.getCode() != 408) {
            // The parser refused what came: a malformed chunked transfer coding, a body longer than declared.
            return WireError.badRequest("The request body cannot be parsed as HTTP/1.1: its framing (chunked"
                    + " transfer coding or Content-Length) is malformed");
        }
        return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, 408,
                "The request body was not received in full: the client stopped sending for longer than the"
                        + " server's idle timeout, or closed the connection");
    }

    /** The request deadline passed while its body was still arriving. */
    private static final class DeadlineExceeded extends TimeoutException {
        DeadlineExceeded() {
            super("request deadline");
        }
    }

    /** The usual Jetty read loop: read what is there, ask to be called back when more arrives. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        /** The body when it came in more than one chunk with content; else null. */
        private ByteArrayOutputStream body;
        /** The body while it came in one chunk with content; else null. */
        private byte[] whole;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Scheduler.Task deadline;
        private long received;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /**
         * The body must be in before the request's deadline, counted from its first byte (the head's time
         * counts too): past it, answered 408 and the connection is not kept, whatever the client still sends.
         * Set when the reader first has to wait for more of the body.
         */
        void startDeadline() {
            long left = requestDeadline.toNanos() - NanoTime.since(request.getBeginNanoTime());
            deadline = request.getComponents().getScheduler().schedule(this::expire, Math.max(0, left),
                    TimeUnit.NANOSECONDS);
        }

        /**
         * Fails the body's source rather than answering from the timer's thread: the read loop then meets a
         * failure chunk and answers from where reads are served, as for any other failure.
         */
        private void expire() {
            request.fail(new DeadlineExceeded());
        }

        /** Marks the request answered; false when it already was (by the deadline, or a failure). */
        private boolean finish() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
            return true;
        }

        @Override
        public void run() {
            while (true) {
                if (done.get()) {
                    return; // answered already: whatever else the client sends is not read
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (deadline == null) {
                        startDeadline();
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The body could not be read to its end. Answer in the AWS shape (a 4xx: the client's doing,
                    // not the service's) and keep the connection no longer; if nobody is left to read the answer,
                    // the write simply fails.
                    if (finish()) {
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        write(response, callback, WireReply.error(unreadable(chunk.getFailure())));
                    }
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    int size = bytes.remaining();
                    received += size;
                    if (received <= maxBodyBytes && size > 0) {
                        byte[] copy = new byte[size];
                        bytes.get(copy);
                        if (whole == null && body == null) {
                            // The usual case: the body in one chunk (then maybe an empty last one). One copy, of
                            // its exact size.
                            whole = copy;
                        } else {
                            if (body == null) {
                                body = new ByteArrayOutputStream(Math.max(whole.length + size, (int) Math.min(
                                        Math.max(request.getLength(), 0), maxBodyBytes)));
                                body.write(whole, 0, whole.length);
                                whole = null;
                            }
                            body.write(copy, 0, size);
                        }
                    } else if (received > drainLimit()) {
                        if (finish()) {
                            write(response, callback, WireReply.error(tooLarge()));
                        }
                        return;
                    }
                } finally {
                    chunk.release();
                }
                if (last) {
                    if (finish()) {
                        if (received > maxBodyBytes) {
                            write(response, callback, WireReply.error(tooLarge()));
                        } else {
                            answer(request, response, callback,
                                    whole != null ? whole : body != null ? body.toByteArray() : new byte[0]);
                        }
                    }
                    return;
                }
            }
        }
    }
}
