package chime.conformance.runner.target.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One messaging session as a client sees it, whatever carries it (a WebSocket, or the reference in process):
 * every frame received, in order, and how the session ended. Steps wait on it with a bound; it never sleeps.
 * Thread safe: the transport appends, the steps read.
 */
public final class SessionClient implements AutoCloseable {

    /** How a session ended: its close code and reason. */
    public record Closed(int code, String reason) {
    }

    private final String userArn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<SessionFrame> frames = new ArrayList<>();
    private Closed closed;
    private volatile AutoCloseable transport;

    public SessionClient(String userArn) {
        this.userArn = userArn;
    }

    public String userArn() {
        return userArn;
    }

    void attach(AutoCloseable newTransport) {
        this.transport = newTransport;
    }

    /** Called by the transport for each text frame, in the order received. */
    void received(String frameText) {
        SessionFrame frame = SessionFrame.parse(frameText);
        lock.lock();
        try {
            frames.add(frame);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called by the transport once the session ended. */
    void ended(int code, String reason) {
        lock.lock();
        try {
            if (closed == null) {
                closed = new Closed(code, reason);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every frame received so far, in order. */
    public List<SessionFrame> frames() {
        lock.lock();
        try {
            return List.copyOf(frames);
        } finally {
            lock.unlock();
        }
    }

    /** How the session ended, or null while it is open. */
    public Closed closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first frame, from position {@code from} on, that matches; waits up to {@code bound} for it. Null if
     * none came in time (or the session ended without it).
     */
    public SessionFrame await(int from, Predicate<SessionFrame> wanted, Duration bound) throws InterruptedException {
        long nanos = bound.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = Math.max(0, from); i < frames.size(); i++) {
                    if (wanted.test(frames.get(i))) {
                        return frames.get(i);
                    }
                }
                if (closed != null || nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The close, waiting up to {@code bound}; null if the session is still open then. */
    public Closed awaitClose(Duration bound) throws InterruptedException {
        long nanos = bound.toNanos();
        lock.lock();
        try {
            while (closed == null && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits the whole {@code period} (a quiet period): returns the frames from {@code from} on that match. */
    public List<SessionFrame> during(int from, Predicate<SessionFrame> unwanted, Duration period)
            throws InterruptedException {
        long deadline = System.nanoTime() + period.toNanos();
        lock.lock();
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            List<SessionFrame> found = new ArrayList<>();
            for (int i = Math.max(0, from); i < frames.size(); i++) {
                if (unwanted.test(frames.get(i))) {
                    found.add(frames.get(i));
                }
            }
            return found;
        } finally {
            lock.unlock();
        }
    }

    /** The client ends the session. */
    @Override
    public void close() {
        AutoCloseable current = transport;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // closing is best effort: the session is over for the scenario either way
            }
        }
    }
}
