package chime.conformance.runner.target;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A system under test: everything a scenario needs to reach it (design section 2). Targets are opened
 * once per run and shared by scenarios running in parallel, so implementations are thread safe.
 */
public interface Target extends AutoCloseable {

    /** Short name shown in reports, e.g. {@code reference} or {@code http://127.0.0.1:8080}. */
    String name();

    /** One line saying what this target is. */
    String description();

    Set<Capability> capabilities();

    default boolean has(Capability capability) {
        return capabilities().contains(capability);
    }

    ChimeSdkMessagingClient messaging();

    ChimeSdkIdentityClient identity();

    Fixtures fixtures();

    /** The Lambda ARN of a processor with the given behaviour, if the target has one. */
    Optional<String> processorArn(ProcessorBehaviour behaviour);

    /**
     * How long the slow-pass-through processor waits before it answers (capability
     * PROCESSOR_SLOW_PASS_THROUGH): a read that ends sooner after a message went to it sees the message still
     * being processed.
     */
    default Optional<Duration> slowProcessorDelay() {
        return Optional.empty();
    }

    /** Present with capability PROCESSOR_INSPECTION. */
    default Optional<ProcessorProbe> processorProbe() {
        return Optional.empty();
    }

    /** The HTTP endpoint, present with capability WIRE. */
    default Optional<URI> endpoint() {
        return Optional.empty();
    }

    /**
     * Moves the target's clock forward by {@code by} (capability CLOCK_CONTROL): every later call sees that
     * much more time passed. The clock is the whole service's, so a scenario that moves it runs alone.
     */
    default void advanceClock(Duration by) {
        throw new UnsupportedOperationException(name() + " has no capability " + Capability.CLOCK_CONTROL.tag());
    }

    /** Present with capability MESSAGING_SESSION: opens messaging sessions as a user's client does. */
    default Optional<chime.conformance.runner.target.session.SessionConnector> sessions() {
        return Optional.empty();
    }

    /** How long reads that follow writes may take to show them: steps poll up to this bound. */
    default Duration consistencyBound() {
        return Duration.ofSeconds(2);
    }

    /**
     * Told by the steps whenever a read had to poll before it saw a write (or gave up at the bound), so a
     * target can show how much eventual consistency cost the run. The first read that already sees the write
     * is not reported.
     *
     * @param waited  from the first read to the last
     * @param settled whether the last read saw what the step waited for
     */
    default void consistencyWaited(Duration waited, boolean settled) {
    }

    @Override
    default void close() {
    }
}
