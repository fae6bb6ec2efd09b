package chime.conformance.reference.http;

import chime.conformance.reference.core.session.MessagingSession;
import chime.conformance.reference.core.session.MessagingSessions;
import chime.conformance.reference.core.session.SessionEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The messaging session over WebSocket: {@code GET /connect?...} upgraded, as the Amazon Chime SDK for
 * JavaScript and the Developer Guide ("Using WebSockets to receive messages") connect.
 *
 * <ul>
 * <li>The query must carry the documented parameters, well formed: {@code X-Amz-Algorithm}
 *     ({@code AWS4-HMAC-SHA256}), {@code X-Amz-Credential} ({@code key/yyyyMMdd/region/chime/aws4_request}),
 *     {@code X-Amz-Date} ({@code yyyyMMddTHHmmssZ}), {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}
 *     (naming {@code host}), {@code X-Amz-Signature} (64 hex digits), {@code sessionId} and {@code userArn};
 *     the user must exist. The signature is not verified (the server verifies no signature anywhere).
 *     Unknown parameters ({@code X-Amzn-*}) are ignored.</li>
 * <li>A refusal completes the upgrade, then closes with 4401 {@code Unauthorized}, as the service does:
 *     answering the upgrade with an HTTP error would look like a network failure (1006) to clients, which
 *     then retry.</li>
 * <li>Then SESSION_ESTABLISHED, then (with {@code prefetch-on=connect}) CHANNEL_DETAILS, then every event of
 *     the user's channels, one text frame each. Frames go out one at a time from the session's bounded queue,
 *     on the server's threads, never on the thread of the operation that published them.</li>
 * <li>Keep-alive: a ping every {@link #PING_INTERVAL}; the idle timeout is well above it. Client frames are
 *     ignored.</li>
 * </ul>
 */
public final class SessionSockets extends AbstractLifeCycle {

    /** The service pings regularly (Developer Guide, "Handling disconnects"); browsers and ws answer pongs. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Clients send no data; whatever they send is read, bounded, and ignored. */
    static final int MAX_CLIENT_MESSAGE = 4096;

    private static final Pattern CREDENTIAL = Pattern.compile("[^/]+/\\d{8}/[a-z0-9-]+/chime/aws4_request");
    private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern EXPIRES = Pattern.compile("\\d{1,6}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    /** The sessions of the service that answers now (serve can reset it: a new connect reaches the new one). */
    private final Supplier<MessagingSessions> sessions;
    private final Executor executor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService pinger;

    private SessionSockets(Supplier<MessagingSessions> sessions, Executor executor) {
        this.sessions = sessions;
        this.executor = executor;
    }

    /** Wraps {@code api}: WebSocket upgrades of {@code /connect} are sessions, everything else goes to it. */
    static Handler wrap(Server server, Supplier<MessagingSessions> sessions, Handler api) {
        SessionSockets sockets = new SessionSockets(sessions, server.getThreadPool());
        server.addBean(sockets);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.setMaxTextMessageSize(MAX_CLIENT_MESSAGE);
            container.setMaxBinaryMessageSize(MAX_CLIENT_MESSAGE);
            container.addMapping("/connect", (request, response, callback) ->
                    sockets.new Socket(WireText.decodeQuery(request.getHttpURI().getQuery())));
        });
        upgrade.setHandler(api);
        return new Front(upgrade, api);
    }

    /**
     * In front of the upgrade handler: {@code /connect} goes to it, on a thread of the pool (Jetty declares an
     * upgrade blocking); every other request goes straight to the API, which then keeps its own invocation type
     * (non-blocking, {@link RestJsonHandler}) rather than taking the upgrade handler's.
     */
    private static final class Front extends Handler.Wrapper {
        private final Handler api;

        Front(WebSocketUpgradeHandler upgrade, Handler api) {
            super(upgrade);
            this.api = api;
        }

        @Override
        public InvocationType getInvocationType() {
            return api.getInvocationType();
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) throws Exception {
            if (!"/connect".equals(request.getHttpURI().getPath())) {
                return api.handle(request, response, callback);
            }
            request.getComponents().getThreadPool().execute(() -> {
                try {
                    if (!super.handle(request, response, callback)) {
                        org.eclipse.jetty.server.Response.writeError(request, response, callback, 404);
                    }
                } catch (Throwable failure) {
                    callback.failed(failure);
                }
            });
            return true;
        }
    }

    @Override
    protected void doStart() {
        pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chime-reference-session-pings");
            t.setDaemon(true);
            return t;
        });
        long period = PING_INTERVAL.toMillis();
        pinger.scheduleWithFixedDelay(this::ping, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        pinger.shutdownNow();
        for (Socket socket : open) {
            socket.closeSent.set(true);
            socket.ws.close(MessagingSession.CLOSE_GOING_AWAY, "The server is stopping", Callback.NOOP);
            socket.session.close(MessagingSession.CLOSE_GOING_AWAY, "The server is stopping");
        }
    }

    private void ping() {
        for (Socket socket : open) {
            Session ws = socket.ws;
            if (ws != null && ws.isOpen()) {
                ws.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        }
    }

    /** What is wrong with the connect request's query, or null if it is well formed. */
    static String malformed(Map<String, List<String>> query) {
        String[][] required = {
                {"X-Amz-Algorithm", "AWS4-HMAC-SHA256"}, {"X-Amz-Credential", null}, {"X-Amz-Date", null},
                {"X-Amz-Expires", null}, {"X-Amz-SignedHeaders", null}, {"X-Amz-Signature", null},
                {"sessionId", null}, {"userArn", null}};
        for (String[] parameter : required) {
            List<String> values = query.get(parameter[0]);
            if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
                return "missing or repeated " + parameter[0];
            }
            if (parameter[1] != null && !parameter[1].equals(values.get(0))) {
                return parameter[0] + " must be " + parameter[1];
            }
        }
        if (!CREDENTIAL.matcher(query.get("X-Amz-Credential").get(0)).matches()) {
            return "X-Amz-Credential is not key/yyyyMMdd/region/chime/aws4_request";
        }
        if (!AMZ_DATE.matcher(query.get("X-Amz-Date").get(0)).matches()) {
            return "X-Amz-Date is not yyyyMMddTHHmmssZ";
        }
        if (!EXPIRES.matcher(query.get("X-Amz-Expires").get(0)).matches()) {
            return "X-Amz-Expires is not a number of seconds";
        }
        if (!List.of(query.get("X-Amz-SignedHeaders").get(0).split(";")).contains("host")) {
            return "X-Amz-SignedHeaders does not name host";
        }
        if (!SIGNATURE.matcher(query.get("X-Amz-Signature").get(0)).matches()) {
            return "X-Amz-Signature is not 64 hex digits";
        }
        return null;
    }

    /**
     * One WebSocket connection and the messaging session it carries (public: Jetty looks the listener's
     * methods up with a public lookup).
     */
    public final class Socket extends Session.Listener.AbstractAutoDemanding {

        private final Map<String, List<String>> query;
        private volatile Session ws;
        private volatile MessagingSession session;
        private final Pump pump = new Pump();
        private final AtomicBoolean wakeScheduled = new AtomicBoolean();
        private final AtomicBoolean closeSent = new AtomicBoolean();

        Socket(Map<String, List<String>> query) {
            this.query = query;
        }

        @Override
        public void onWebSocketOpen(Session newSession) {
            super.onWebSocketOpen(newSession);
            this.ws = newSession;
            if (malformed(query) != null) {
                refuse(MessagingSession.CLOSE_UNAUTHORIZED, "Unauthorized");
                return;
            }
            List<String> prefetch = query.get("prefetch-on");
            try {
                session = sessions.get().connect(query.get("userArn").get(0), query.get("sessionId").get(0),
                        prefetch != null && prefetch.contains("connect"));
            } catch (MessagingSessions.Refused refused) {
                refuse(refused.code(), refused.getMessage());
                return;
            }
            open.add(this);
            session.onReady(this::wake);
        }

        private void refuse(int code, String reason) {
            closeSent.set(true);
            ws.close(code, reason, Callback.NOOP);
        }

        /**
         * Called by the publishing thread: hands the sending to the server's threads. While the pump runs (or is
         * scheduled), an event only joins the queue: no task per event.
         */
        private void wake() {
            if (wakeScheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(pump::iterate);
                } catch (RejectedExecutionException stopping) {
                    // The server is stopping: its sockets are being closed.
                }
            }
        }

        @Override
        public void onWebSocketText(String message) {
            // The client sends nothing the service reads.
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            open.remove(this);
            closeSent.set(true);
            MessagingSession current = session;
            if (current != null) {
                current.close(MessagingSession.CLOSE_CLIENT, "The client closed the connection (" + statusCode + ")");
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            open.remove(this);
            MessagingSession current = session;
            if (current != null) {
                current.close(1011, "The connection failed");
            }
        }

        /** Sends the queued frames one at a time; closes the socket with the session's code once it ends. */
        private final class Pump extends IteratingCallback {
            @Override
            protected Action process() {
                MessagingSession current = session;
                while (true) {
                    SessionEvent event = current.poll();
                    if (event != null) {
                        ws.sendText(event.frame(), Callback.from(this::succeeded, this::failed));
                        return Action.SCHEDULED;
                    }
                    MessagingSession.CloseStatus status = current.closeStatus();
                    if (status != null) {
                        open.remove(Socket.this);
                        if (closeSent.compareAndSet(false, true)) {
                            ws.close(status.code(), status.reason(), Callback.NOOP);
                        }
                        return Action.SUCCEEDED;
                    }
                    wakeScheduled.set(false);
                    // An event queued between the poll and now found the pump scheduled and did not wake it:
                    // look again, unless a new wake-up has taken over.
                    if ((current.backlog() == 0 && current.isOpen()) || !wakeScheduled.compareAndSet(false, true)) {
                        return Action.IDLE;
                    }
                }
            }

            @Override
            protected void onCompleteFailure(Throwable cause) {
                MessagingSession current = session;
                if (current != null) {
                    current.close(1011, "Sending failed");
                }
            }
        }
    }
}
