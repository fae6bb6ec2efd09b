package chime.conformance.runner.wire;

/**
 * Which scenario's log an HTTP exchange belongs to. Scenarios run in parallel, each on one thread, and
 * the SDK's synchronous clients run their interceptors on the calling thread: so the scenario's hook binds
 * its log to the thread, and the interceptor writes to whatever log is bound there.
 */
public final class WireCapture {

    private static final ThreadLocal<WireLog> CURRENT = new ThreadLocal<>();

    private WireCapture() {
    }

    public static void bind(WireLog log) {
        CURRENT.set(log);
    }

    public static void unbind() {
        CURRENT.remove();
    }

    /** The log of the scenario running on this thread, or null outside a scenario. */
    public static WireLog current() {
        return CURRENT.get();
    }
}
