package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Keeps slow or greedy clients from locking others out, on every connection of the server:
 * <ul>
 * <li><b>a deadline for receiving a request.</b> The idle timeout restarts with every byte, so a client
 *     sending one byte a second could hold a connection for ever. Here the request line, headers and body
 *     of each request must arrive within {@code requestDeadline} of its first byte: while the head is still
 *     arriving the connection is closed at the deadline; once the body is being read the handler answers
 *     408 at the deadline (see {@link RestJsonHandler}) and the connection is closed if the client still
 *     holds it a moment later. Time spent answering, and between requests on a kept-alive connection, does
 *     not count (the idle timeout bounds the latter).</li>
 * <li><b>connections per client address.</b> One address may hold at most {@code maxPerAddress}
 *     connections; a connection past that is answered 429 ThrottledClientException and closed, so one host
 *     cannot take every connection the server has.</li>
 * </ul>
 * Connections are checked by one daemon thread a few times per deadline.
 */
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {

    /**
     * The content phase gets this much beyond the deadline, for the handler's 408 to go out first; only a
     * client that holds the connection after that answer is closed here.
     */
    private static final long BODY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long deadlineNanos;
    private final int maxPerAddress;
    /** Open connections and the client address each was counted under (the address is gone once closed). */
    private final ConcurrentHashMap<Connection, InetAddress> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    ConnectionGuard(Duration requestDeadline, int maxPerAddress) {
        this.deadlineNanos = requestDeadline.toNanos();
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chime-reference-http-deadlines");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(deadlineNanos / 5,
                TimeUnit.MILLISECONDS.toNanos(500)));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection);
        if (address == null) {
            return; // not a network connection: nothing to count
        }
        open.put(connection, address);
        int[] count = new int[1];
        perAddress.compute(address, (a, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            count[0] = c.incrementAndGet();
            return c;
        });
        if (count[0] > maxPerAddress) {
            refuse(connection);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = open.remove(connection);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Connections open now from {@code address} (for tests and diagnostics). */
    int connectionsFrom(InetAddress address) {
        AtomicInteger count = perAddress.get(address);
        return count == null ? 0 : count.get();
    }

    private void sweep() {
        long now = NanoTime.now();
        for (Connection connection : open.keySet()) {
            if (!(connection instanceof HttpConnection http)) {
                continue;
            }
            HttpParser parser = http.getParser();
            // The state first: it is volatile, and the begin time it was set after is then current.
            boolean head = parser.inHeaderState() && !parser.isStart();
            boolean body = parser.inContentState();
            long begin = parser.getBeginNanoTime();
            if (begin == 0 || !(head || body)) {
                continue;
            }
            long age = NanoTime.elapsed(begin, now);
            if (age > deadlineNanos + (body ? BODY_GRACE_NANOS : 0)) {
                connection.getEndPoint().close();
            }
        }
    }

    private void refuse(Connection connection) {
        byte[] body = RestJsonCodec.errorBody(ModeledError.THROTTLED_CLIENT.code(),
                "Too many connections from one client address: at most " + maxPerAddress + " at once");
        String head = "HTTP/1.1 429 Too Many Requests\r\n"
                + "x-amzn-ErrorType: " + ModeledError.THROTTLED_CLIENT.shape() + "\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
                + "Content-Type: " + WireReply.JSON + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] bytes = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        var endPoint = connection.getEndPoint();
        try {
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(bytes));
        } catch (RuntimeException e) {
            endPoint.close();
        }
    }

    private static InetAddress addressOf(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
