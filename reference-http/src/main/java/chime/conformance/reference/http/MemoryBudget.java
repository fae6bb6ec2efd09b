package chime.conformance.reference.http;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much of the heap the served data may take. Nothing in the API bounds how many messages a channel
 * holds, so without a budget a flood of writes fills the heap until the JVM spends all its time collecting
 * garbage and answers nothing, not even a signal to stop. With one, once the heap still in use after a
 * garbage collection passes the budget, requests that add data are refused with ServiceUnavailableException
 * (503, retryable), while reads and deletes go on, and deletes bring the server back under the budget.
 *
 * <p>The measure is the JVM's own: the heap used after the latest collection, summed over the heap pools
 * (GC notifications), which counts everything the server holds with no bookkeeping in the stores. After a
 * young collection it may still include garbage in the old generation (data deleted since), and a server
 * refusing writes allocates little, so collections, and with them new measures, become rare: the
 * stop-the-world collectors (Serial, Parallel) only reclaim old garbage in a full collection, and G1 after a
 * marking cycle, which starts at a young collection. So while writes are refused the budget asks for
 * collections: a full one at most once every {@value #CONFIRM_EVERY_SECONDS} s, on a daemon thread, when the
 * heap is small enough ({@value #FULL_COLLECTION_MAX_HEAP_MIB} MiB at most) for it to take a fraction of a
 * second, or when the collector is stop-the-world; in a larger G1 heap, where a full collection would stop
 * reads for seconds, G1's periodic concurrent cycles instead (the manageable flag G1PeriodicGCInterval, set to
 * {@value #CONFIRM_EVERY_SECONDS} s while writes are refused, and back to its value when they are admitted).
 */
public final class MemoryBudget implements AutoCloseable {

    static final int CONFIRM_EVERY_SECONDS = 5;
    static final int FULL_COLLECTION_MAX_HEAP_MIB = 1024;

    private final long budgetBytes;
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong lastConfirm = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(60));
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final boolean confirmsWithFullCollections;
    private final boolean g1;
    private volatile String g1PeriodicInterval; // the flag's value before the budget set it, while set

    private MemoryBudget(long budgetBytes) {
        this.budgetBytes = budgetBytes;
        boolean concurrent = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .anyMatch(name -> name.startsWith("G1") || name.startsWith("ZGC") || name.startsWith("Shenandoah"));
        this.confirmsWithFullCollections = !concurrent
                || Runtime.getRuntime().maxMemory() <= (long) FULL_COLLECTION_MAX_HEAP_MIB << 20;
        this.g1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().startsWith("G1"));
        if (budgetBytes == Long.MAX_VALUE) {
            return;
        }
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        NotificationListener listener = (notification, handback) -> onCollection(notification, heapPools);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    /** No budget: every write is admitted (embedded servers, tests). */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    public static MemoryBudget ofBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive");
        }
        return new MemoryBudget(bytes);
    }

    /** A share (0 to 1) of the JVM's maximum heap ({@code -Xmx}). */
    public static MemoryBudget ofHeapShare(double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("a heap share must be between 0 and 1");
        }
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * share));
    }

    /**
     * A budget as the command line gives it: a percentage of the maximum heap ({@code 60%}), or a size in
     * bytes with an optional k, m or g suffix ({@code 200m}).
     */
    public static MemoryBudget parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                return ofHeapShare(Double.parseDouble(t.substring(0, t.length() - 1)) / 100);
            }
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            return ofBytes(Math.multiplyExact(Long.parseLong(digits), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("a memory budget is a percentage of the heap (60%) or a size"
                    + " (200m, 1g), not '" + text + "'");
        }
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** The heap in use after the latest collection. */
    public long heldBytes() {
        return heldBytes.get();
    }

    /** Whether a request that adds data may go ahead; while not, asks for a confirming collection now and then. */
    public boolean admitsWrites() {
        if (heldBytes.get() <= budgetBytes) {
            if (g1PeriodicInterval != null) {
                periodicConcurrentCycles(false);
            }
            return true;
        }
        if (!confirmsWithFullCollections) {
            if (g1 && g1PeriodicInterval == null) {
                periodicConcurrentCycles(true);
            }
            return false;
        }
        long now = System.nanoTime();
        long last = lastConfirm.get();
        if (now - last > TimeUnit.SECONDS.toNanos(CONFIRM_EVERY_SECONDS) && lastConfirm.compareAndSet(last, now)) {
            Thread confirm = new Thread(System::gc, "chime-reference-memory-budget");
            confirm.setDaemon(true);
            confirm.start();
        }
        return false;
    }

    /** Turns G1's periodic concurrent cycles on (every few seconds) or back to what they were. */
    private synchronized void periodicConcurrentCycles(boolean on) {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (on && g1PeriodicInterval == null) {
                String before = hotspot.getVMOption("G1PeriodicGCInterval").getValue();
                hotspot.setVMOption("G1PeriodicGCInterval", Long.toString(CONFIRM_EVERY_SECONDS * 1000L));
                g1PeriodicInterval = before;
            } else if (!on && g1PeriodicInterval != null) {
                hotspot.setVMOption("G1PeriodicGCInterval", g1PeriodicInterval);
                g1PeriodicInterval = null;
            }
        } catch (RuntimeException notAvailable) {
            // Another JVM, or the flag is not manageable there: the collector's own cycles will do, later.
        }
    }

    private void onCollection(Notification notification, Set<String> heapPools) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        heldBytes.set(used);
    }

    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        if (g1PeriodicInterval != null) {
            periodicConcurrentCycles(false);
        }
    }
}
