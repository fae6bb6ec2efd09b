package chime.conformance.runner.target;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Measures the time scenarios spend inside calls to the target (SDK client calls and fixture provisioning),
 * so that a run can tell the target's share of each scenario from the harness's own (Cucumber, PicoContainer,
 * step code, assertions, the report plugin). Off unless switched on ({@code run --timing}, or the system
 * property {@code chime.timing=true}): when off, clients are handed out unwrapped.
 *
 * <p>Only the outermost call on a thread is counted: a fixture that calls the client itself is one call.
 */
public final class TargetCallTimer {

    public static final String PROPERTY = "chime.timing";

    private static volatile boolean enabled = Boolean.getBoolean(PROPERTY);
    private static final LongAdder CALLS = new LongAdder();
    private static final LongAdder NANOS = new LongAdder();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Calls counted so far and the time spent in them. */
    public record Totals(long calls, long nanos) {
    }

    private TargetCallTimer() {
    }

    public static void enable() {
        enabled = true;
    }

    public static boolean enabled() {
        return enabled;
    }

    public static Totals totals() {
        return new Totals(CALLS.sum(), NANOS.sum());
    }

    /**
     * {@code delegate} itself when timing is off, else a proxy of {@code type} that times every call (a fixture
     * scope's {@code appInstanceArn()} excepted: a plain read, not a call to the target).
     */
    public static <T> T timed(T delegate, Class<T> type) {
        if (!enabled || delegate == null) {
            return delegate;
        }
        InvocationHandler handler = (proxy, method, args) -> invoke(delegate, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The fixture scope {@code delegate}, whose provisioning calls are timed. */
    public static AppInstanceScope timed(AppInstanceScope delegate) {
        return timed(delegate, AppInstanceScope.class);
    }

    /** Runs one call to the target, timed when timing is on. */
    public static <T> T time(Supplier<T> call) {
        if (!enabled) {
            return call.get();
        }
        int[] depth = DEPTH.get();
        long started = depth[0] == 0 ? System.nanoTime() : 0L;
        depth[0]++;
        try {
            return call.get();
        } finally {
            if (--depth[0] == 0) {
                NANOS.add(System.nanoTime() - started);
                CALLS.increment();
            }
        }
    }

    private static Object invoke(Object delegate, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class
                || method.getDeclaringClass() == AppInstanceScope.class && method.getName().equals("appInstanceArn")) {
            return call(delegate, method, args);
        }
        try {
            return time(() -> {
                try {
                    return call(delegate, method, args);
                } catch (Throwable e) {
                    throw new Thrown(e);
                }
            });
        } catch (Thrown e) {
            throw e.getCause();
        }
    }

    private static Object call(Object delegate, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Carries what a timed call threw out of the {@link Supplier} that times it. */
    private static final class Thrown extends RuntimeException {
        Thrown(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
