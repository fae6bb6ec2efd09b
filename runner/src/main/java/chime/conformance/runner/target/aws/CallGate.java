package chime.conformance.runner.target.aws;

import chime.conformance.reports.HarnessException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the calls the run's scenarios make to AWS and enforces the {@code --max-calls} budget: once it is
 * spent, every further scenario call fails before it is sent, with a {@link HarnessException} the report
 * shows as ERROR and says why. The run's own provisioning and cleanup go through {@link #exempt}: they are
 * counted apart and never refused, so a spent budget never leaves resources behind.
 *
 * <p>When the run is closing (its end, or an interrupt) the gate shuts: scenario calls still in flight on
 * other threads are refused, so nothing new is created while cleanup deletes what exists.
 */
public final class CallGate implements ExecutionInterceptor {

    private final long budget;
    private final AtomicLong scenarioCalls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong runCalls = new AtomicLong();
    private final ThreadLocal<Boolean> exempt = ThreadLocal.withInitial(() -> false);
    private volatile boolean shut;

    /** @param budget the most calls scenarios may make; 0 for no limit */
    public CallGate(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("--max-calls must be 0 (no limit) or more, not " + budget);
        }
        this.budget = budget;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (exempt.get()) {
            runCalls.incrementAndGet();
            return;
        }
        if (shut) {
            refused.incrementAndGet();
            throw new HarnessException("the run is closing (cleanup of the AWS resources is in progress): "
                    + "no more calls for scenarios");
        }
        long n = scenarioCalls.incrementAndGet();
        if (budget > 0 && n > budget) {
            scenarioCalls.decrementAndGet();
            refused.incrementAndGet();
            throw new HarnessException("the call budget of " + budget + " calls (--max-calls) is spent: this"
                    + " scenario's call was not sent; the run's cleanup still runs");
        }
    }

    /** Runs the run's own calls (provisioning, cleanup): counted apart, never refused. */
    public <T> T exempt(Supplier<T> calls) {
        boolean before = exempt.get();
        exempt.set(true);
        try {
            return calls.get();
        } finally {
            exempt.set(before);
        }
    }

    public void exempt(Runnable calls) {
        exempt(() -> {
            calls.run();
            return null;
        });
    }

    /** From now on only exempt calls pass. */
    public void shut() {
        shut = true;
    }

    public boolean spent() {
        return budget > 0 && scenarioCalls.get() >= budget;
    }

    public long budget() {
        return budget;
    }

    public long scenarioCalls() {
        return scenarioCalls.get();
    }

    public long refusedCalls() {
        return refused.get();
    }

    public long runCalls() {
        return runCalls.get();
    }
}
