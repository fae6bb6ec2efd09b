package chime.conformance.runner.wire;

/**
 * Which scenario's log an HTTP exchange belongs to. Scenarios run in parallel, each on one thread, and
 * the SDK's synchronous clients run their interceptors on the calling thread: so the scenario's hook binds
 * its log to the thread, and the interceptor writes to whatever log is bound there.
 */
public final class WireCapture {

    private static final ThreadLocal<WireLog> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<int[]> SETTING_UP = ThreadLocal.withInitial(() -> new int[1]);

    private WireCapture() {
    }

    public static void bind(WireLog log) {
        CURRENT.set(log);
    }

    public static void unbind() {
        CURRENT.remove();
    }

    /**
     * Runs {@code work} as set-up: what it sends is labelled so (a fixture the scenario makes on first mention, such
     * as an actor's AppInstanceUser), whatever step it happens in.
     */
    public static <T> T settingUp(java.util.function.Supplier<T> work) {
        int[] depth = SETTING_UP.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }

    /** Whether this thread is running set-up ({@link #settingUp}). */
    public static boolean settingUp() {
        return SETTING_UP.get()[0] > 0;
    }

    /** The log of the scenario running on this thread, or null outside a scenario. */
    public static WireLog current() {
        return CURRENT.get();
    }
}
