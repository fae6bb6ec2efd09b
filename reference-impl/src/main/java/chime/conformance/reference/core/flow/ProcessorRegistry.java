package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.model.MessageCallback;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda functions the in-memory service can "invoke": processor doubles whose behaviour is known, so
 * flow rules can be exercised (FLOW-005). Any other well-formed Lambda ARN is unreachable. Every invocation
 * is recorded, in order, for tests to inspect.
 *
 * <p>Built in, in the service's region and account ({@code us-east-1}, {@code 111122223333} by default):
 * <ul>
 *   <li>{@code chime-conformance-pass-through}: calls back with only the MessageId, no change (FLOW-022);</li>
 *   <li>{@code chime-conformance-deny}: calls back with DeleteResource=true (FLOW-021);</li>
 *   <li>{@code chime-conformance-rewrite}: calls back with the content upper-cased and the metadata
 *       {@value #REWRITTEN_METADATA} (FLOW-020);</li>
 *   <li>{@code chime-conformance-unreachable}: cannot be invoked, so the FallbackAction decides
 *       (FLOW-025, FLOW-026);</li>
 *   <li>{@code chime-conformance-hold}: records the invocation and does nothing; the test plays the processor
 *       and calls ChannelFlowCallback itself with the recorded CallbackId;</li>
 *   <li>{@code chime-conformance-slow-pass-through}: calls back like the pass-through processor, but only
 *       after a delay ({@link #DEFAULT_SLOW_DELAY} unless {@link #slowDelay(Duration)} says otherwise), so that
 *       a message is observably PENDING for that long.</li>
 * </ul>
 */
public final class ProcessorRegistry implements AutoCloseable {

    public static final String PASS_THROUGH = "chime-conformance-pass-through";
    public static final String DENY = "chime-conformance-deny";
    public static final String REWRITE = "chime-conformance-rewrite";
    public static final String UNREACHABLE = "chime-conformance-unreachable";
    public static final String HOLD = "chime-conformance-hold";
    public static final String SLOW_PASS_THROUGH = "chime-conformance-slow-pass-through";
    /** How long the slow pass-through processor waits before it answers, unless told otherwise. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(3);
    public static final String REWRITTEN_METADATA = "rewritten-by-processor";

    private static final ProcessorBehaviour UNREACHABLE_BEHAVIOUR = (invocation, callback) -> InvocationOutcome.UNREACHABLE;

    private final String region;
    private final String accountId;
    private final ConcurrentHashMap<String, ProcessorBehaviour> behaviours = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ProcessorInvocation> invocations = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    /**
     * Where the slow processor waits: a timer, so that waiting holds none of the service's processor threads.
     * Started on first use; null until then.
     */
    private ScheduledExecutorService timer;
    private boolean closed;
    private final Object idleMonitor = new Object();
    private int running;

    public ProcessorRegistry(String region, String accountId) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        register(arnOf(PASS_THROUGH), (invocation, callback) -> {
            callback.callback(invocation.callbackId(), invocation.channelArn(), false,
                    new MessageCallback(invocation.messageId(), null, null));
            return InvocationOutcome.REACHED;
        });
        register(arnOf(DENY), (invocation, callback) -> {
            callback.callback(invocation.callbackId(), invocation.channelArn(), true,
                    new MessageCallback(invocation.messageId(), null, null));
            return InvocationOutcome.REACHED;
        });
        register(arnOf(REWRITE), (invocation, callback) -> {
            String content = invocation.content() == null ? null : invocation.content().toUpperCase(Locale.ROOT);
            callback.callback(invocation.callbackId(), invocation.channelArn(), false,
                    new MessageCallback(invocation.messageId(), content, REWRITTEN_METADATA));
            return InvocationOutcome.REACHED;
        });
        register(arnOf(UNREACHABLE), UNREACHABLE_BEHAVIOUR);
        register(arnOf(HOLD), (invocation, callback) -> InvocationOutcome.REACHED);
        register(arnOf(SLOW_PASS_THROUGH), (invocation, callback) -> {
            try {
                timer().schedule(() -> {
                    try {
                        callback.callback(invocation.callbackId(), invocation.channelArn(), false,
                                new MessageCallback(invocation.messageId(), null, null));
                    } catch (RuntimeException refused) {
                        // The channel or message went away meanwhile: nothing is left to answer for.
                    }
                }, slowDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // The service is closing: the message stays PENDING, as with a processor that never answers.
            }
            return InvocationOutcome.REACHED;
        });
    }

    /** How long the slow pass-through processor waits before it answers, from now on. */
    public void slowDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("the slow processor's delay must be zero or more, not " + delay);
        }
        this.slowDelay = delay;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    /** The Lambda ARN of a function in the service's region and account. */
    public String arnOf(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    public String passThroughArn() {
        return arnOf(PASS_THROUGH);
    }

    public String denyArn() {
        return arnOf(DENY);
    }

    public String rewriteArn() {
        return arnOf(REWRITE);
    }

    public String unreachableArn() {
        return arnOf(UNREACHABLE);
    }

    public String holdArn() {
        return arnOf(HOLD);
    }

    public String slowPassThroughArn() {
        return arnOf(SLOW_PASS_THROUGH);
    }

    /** Gives a Lambda ARN a behaviour, replacing any previous one. */
    public void register(String lambdaArn, ProcessorBehaviour behaviour) {
        behaviours.put(Objects.requireNonNull(lambdaArn, "lambdaArn"), Objects.requireNonNull(behaviour, "behaviour"));
    }

    /** Every invocation so far, in the order the service made them. */
    public List<ProcessorInvocation> invocations() {
        return List.copyOf(invocations);
    }

    public List<ProcessorInvocation> invocationsFor(String channelArn) {
        return invocations.stream().filter(invocation -> invocation.channelArn().equals(channelArn)).toList();
    }

    /**
     * The invocations of one processor (its Lambda ARN), oldest first: only those for messages of
     * {@code channelArn} unless it is null, and only those numbered after {@code after}.
     */
    public List<ProcessorInvocation> invocations(String processorArn, String channelArn, long after) {
        return invocations.stream()
                .filter(i -> i.sequence() > after)
                .filter(i -> i.processor().lambdaResourceArn().equals(processorArn))
                .filter(i -> channelArn == null || i.channelArn().equals(channelArn))
                .toList();
    }

    /**
     * Waits until no processor is running, at most {@code timeout}. Returns whether that happened. A processor
     * that answered later through a recorded CallbackId (hold) is not running.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idleMonitor.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Records an invocation the service is about to make; returns it with its number. */
    ProcessorInvocation recordInvocation(ProcessorInvocation invocation) {
        ProcessorInvocation numbered;
        synchronized (invocations) {
            // Numbered and listed in one step, so that the list is always in the order of the numbers.
            numbered = invocation.numbered(sequence.incrementAndGet());
            invocations.add(numbered);
        }
        synchronized (idleMonitor) {
            running++;
        }
        return numbered;
    }

    /** Runs the behaviour behind the invocation's Lambda ARN; a failure or an unknown ARN is UNREACHABLE. */
    InvocationOutcome run(ProcessorInvocation invocation, FlowCallback callback) {
        try {
            ProcessorBehaviour behaviour = behaviours.getOrDefault(invocation.processor().lambdaResourceArn(),
                    UNREACHABLE_BEHAVIOUR);
            InvocationOutcome outcome = behaviour.invoke(invocation, callback);
            return outcome == null ? InvocationOutcome.REACHED : outcome;
        } catch (RuntimeException e) {
            return InvocationOutcome.UNREACHABLE;
        }
    }

    /** Marks a recorded invocation as finished (including its fallback, if any). */
    void finished() {
        synchronized (idleMonitor) {
            running--;
            idleMonitor.notifyAll();
        }
    }

    private synchronized ScheduledExecutorService timer() {
        if (closed) {
            throw new RejectedExecutionException("the service is closed");
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "chime-reference-slow-processor");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    /** Stops the slow processor's timer: answers it still owed are never given. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
