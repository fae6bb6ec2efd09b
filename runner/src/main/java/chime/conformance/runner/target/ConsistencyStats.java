package chime.conformance.runner.target;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often and how long reads waited for writes to show on a target (see
 * {@link Target#consistencyWaited}), for the target's description in the report.
 */
public final class ConsistencyStats {

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong unsettled = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();

    public void record(Duration waited, boolean settled) {
        long nanos = waited.toNanos();
        reads.incrementAndGet();
        if (!settled) {
            unsettled.incrementAndGet();
        }
        totalNanos.addAndGet(nanos);
        longestNanos.accumulateAndGet(nanos, Math::max);
    }

    public long reads() {
        return reads.get();
    }

    public long unsettled() {
        return unsettled.get();
    }

    public Duration total() {
        return Duration.ofNanos(totalNanos.get());
    }

    public Duration longest() {
        return Duration.ofNanos(longestNanos.get());
    }

    /** e.g. {@code 14 reads waited for consistency (9.3 s in all, longest 2.1 s), 0 gave up at the 10 s bound}. */
    public String describe(Duration bound) {
        if (reads() == 0) {
            return "no read waited for consistency";
        }
        return String.format(Locale.ROOT, "%d read%s waited for consistency (%.1f s in all, longest %.1f s), %d gave up at the %d s bound",
                reads(), reads() == 1 ? "" : "s", total().toMillis() / 1000.0, longest().toMillis() / 1000.0,
                unsettled(), bound.toSeconds());
    }
}
