package chime.conformance.runner.target.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        synchronized (this) {
            frames.add(frame);
            notifyAll();
        }
    }

    /** Called by the transport once the session ended. */
    synchronized void ended(int code, String reason) {
        if (closed == null) {
            closed = new Closed(code, reason);
            notifyAll();
        }
    }

    /** Every frame received so far, in order. */
    public synchronized List<SessionFrame> frames() {
        return List.copyOf(frames);
    }

    /** How the session ended, or null while it is open. */
    public synchronized Closed closed() {
        return closed;
    }

    /**
     * The first frame that matches; waits up to {@code bound} for it. Null if none came in time (or the session
     * ended without it).
     */
    public synchronized SessionFrame await(Predicate<SessionFrame> wanted, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            for (SessionFrame frame : frames) {
                if (wanted.test(frame)) {
                    return frame;
                }
            }
            long left = deadline - System.nanoTime();
            if (closed != null || left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The close, waiting up to {@code bound}; null if the session is still open then. */
    public synchronized Closed awaitClose(Duration bound) throws InterruptedException {
        waitUntil(System.nanoTime() + bound.toNanos(), true);
        return closed;
    }

    /** Waits the whole {@code period} (a quiet period): returns the frames that match. */
    public synchronized List<SessionFrame> during(Predicate<SessionFrame> unwanted, Duration period)
            throws InterruptedException {
        waitUntil(System.nanoTime() + period.toNanos(), false);
        return frames.stream().filter(unwanted).toList();
    }

    /** Waits until {@code deadline} (System.nanoTime), or until the session closes if {@code untilClosed}. */
    private void waitUntil(long deadline, boolean untilClosed) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0 && !(untilClosed && closed != null);
             left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
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
