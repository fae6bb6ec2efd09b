package chime.conformance.reference.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the service. Timestamps are kept at millisecond precision because that is what
 * travels on the wire (epoch seconds with three decimals), so what a client reads back compares and
 * filters exactly as the service stored it.
 *
 * <p>The clock can be moved forward ({@link #advance}), never back, so that rules about elapsed time
 * (FLOW-030: a callback more than 48 hours after the invocation) can be exercised without waiting.
 */
public final class ServiceClock {

    private final Clock clock;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ServiceClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Instant now() {
        return clock.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the clock forward by {@code by}: every later timestamp is that much later. */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the service clock only moves forward, not by " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /**
     * Moves the clock forward, if need be, so that it never again gives a time before {@code instant}: a
     * restored service continues from the time its state was saved, even when the machine's clock is behind.
     */
    public void resumeFrom(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Duration behind = Duration.between(now(), instant);
        if (behind.isNegative() || behind.isZero()) {
            return;
        }
        advance(behind);
    }

    /**
     * A timestamp strictly after {@code previous} and not before now. Used where the documentation
     * promises that a timestamp advances (CHAN-015, FLOW-013, MSG-013) or that per-channel ordering is
     * total (MSG-022), even when the clock stands still (a fixed test clock) or two events share a
     * millisecond.
     */
    public Instant strictlyAfter(Instant previous) {
        Instant now = now();
        if (previous == null || now.isAfter(previous)) {
            return now;
        }
        return previous.plusMillis(1);
    }

    /** A timestamp not before {@code previous} and not before now: monotonic, ties allowed (READ-004). */
    public Instant notBefore(Instant previous) {
        Instant now = now();
        return previous == null || !now.isBefore(previous) ? now : previous;
    }
}
