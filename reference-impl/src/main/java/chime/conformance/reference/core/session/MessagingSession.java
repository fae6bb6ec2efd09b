package chime.conformance.reference.core.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open messaging session of an AppInstanceUser: what one WebSocket connection receives. Events are
 * queued in the order the service publishes them, in a bounded queue: publishing never waits for the
 * consumer. A consumer that falls {@code capacity} events behind is closed with {@link #CLOSE_FELL_BEHIND}
 * and a reason, and receives nothing more; one that keeps up loses nothing.
 *
 * <p>The consumer either takes events itself ({@link #next(Duration)}, {@link #poll()}) or registers a
 * listener that is told when events are ready ({@link #onReady(Runnable)}, used by the WebSocket server).
 * Thread safe.
 */
public final class MessagingSession implements AutoCloseable {

    /** A session's end: the WebSocket close code and reason. */
    public record CloseStatus(int code, String reason) {
    }

    /** The client closed (the Developer Guide's 4002, "client initiated"). */
    public static final int CLOSE_CLIENT = 4002;
    /**
     * The service ended the session for good (the Developer Guide's 4003, "forbidden"): the user was deleted,
     * another connection took the same sessionId, or the user has too many sessions. Clients do not reconnect.
     */
    public static final int CLOSE_FORBIDDEN = 4003;
    /** Refused at connect: the user does not exist or the request is malformed (4401, "Unauthorized"). */
    public static final int CLOSE_UNAUTHORIZED = 4401;
    /**
     * The consumer fell behind and its queue is full (1013, "Try Again Later"): the Amazon Chime SDK for
     * JavaScript reconnects on it, and an application resynchronises from the API after a reconnect.
     */
    public static final int CLOSE_FELL_BEHIND = 1013;
    /** The server is shutting down (1001, "Going Away"). */
    public static final int CLOSE_GOING_AWAY = 1001;

    private final String userArn;
    private final String sessionId;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<SessionEvent> queue = new ArrayDeque<>();
    /** Events published while the session was starting (after SESSION_ESTABLISHED, before the prefetch ended). */
    private final List<SessionEvent> held = new ArrayList<>();
    private boolean starting = true;
    private volatile CloseStatus closed;
    private volatile Runnable listener;
    private Runnable onClosed;

    MessagingSession(String userArn, String sessionId, int capacity) {
        this.userArn = Objects.requireNonNull(userArn, "userArn");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public String userArn() {
        return userArn;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The close status, or null while the session is open. */
    public CloseStatus closeStatus() {
        return closed;
    }

    public boolean isOpen() {
        return closed == null;
    }

    /** How many events wait to be taken. */
    public int backlog() {
        lock.lock();
        try {
            return queue.size() + held.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called (without locks held, on the publishing thread) whenever events become ready, and once when the
     * session closes. The listener must not block: it hands the work to another thread.
     */
    public void onReady(Runnable newListener) {
        this.listener = newListener;
        if (!isOpen() || backlog() > 0) {
            newListener.run();
        }
    }

    /** The next event if one is ready, else null. */
    public SessionEvent poll() {
        lock.lock();
        try {
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event, waiting at most {@code timeout}; null when none came in time or the session is closed
     * and drained.
     */
    public SessionEvent next(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed != null || nanos <= 0) {
                    return null;
                }
                nanos = ready.awaitNanos(nanos);
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** The client ends the session (4002). */
    @Override
    public void close() {
        close(CLOSE_CLIENT, "Closed by the client");
    }

    /** Ends the session with a close code and reason; events not yet taken are dropped. Idempotent. */
    public void close(int code, String reason) {
        lock.lock();
        try {
            if (closed != null) {
                return;
            }
            closed = new CloseStatus(code, reason);
            queue.clear();
            held.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        Runnable detach = onClosed;
        if (detach != null) {
            detach.run();
        }
        notifyReady();
    }

    void whenClosed(Runnable detach) {
        this.onClosed = detach;
    }

    /** Queues an event published by the service; closes the session if it fell too far behind. */
    void offer(SessionEvent event) {
        String overflow = null;
        lock.lock();
        try {
            if (closed != null) {
                return;
            }
            if (queue.size() + held.size() >= capacity) {
                overflow = "The session fell behind: " + capacity + " events were waiting to be delivered";
            } else if (starting) {
                held.add(event);
                return;
            } else {
                queue.add(event);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
        if (overflow != null) {
            close(CLOSE_FELL_BEHIND, overflow);
            return;
        }
        notifyReady();
    }

    /** While starting: queues an event of the session's own start (SESSION_ESTABLISHED, CHANNEL_DETAILS). */
    void offerStart(SessionEvent event) {
        lock.lock();
        try {
            if (closed == null && starting) {
                queue.add(event);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the start: what was published meanwhile follows the start's own events. */
    void started() {
        lock.lock();
        try {
            starting = false;
            queue.addAll(held);
            held.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        notifyReady();
    }

    private void notifyReady() {
        Runnable current = listener;
        if (current != null) {
            current.run();
        }
    }

    @Override
    public String toString() {
        return "MessagingSession[" + userArn + " " + sessionId + (closed == null ? "" : " closed " + closed) + "]";
    }
}
