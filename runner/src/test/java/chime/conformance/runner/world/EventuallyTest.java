package chime.conformance.runner.world;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ConsistencyStats;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.target.reference.ReferenceTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/** Reads that wait for a write report how long they waited, so a target can show what consistency cost. */
class EventuallyTest {

    private final List<Boolean> reported = new ArrayList<>();
    private final ConsistencyStats stats = new ConsistencyStats();
    private final ReferenceTarget reference = new ReferenceTarget();

    /** The reference, with a short bound and an ear for the waits. */
    private final class Listening implements Target {
        @Override
        public String name() {
            return "listening";
        }

        @Override
        public String description() {
            return "the reference, listening for waits";
        }

        @Override
        public Set<Capability> capabilities() {
            return reference.capabilities();
        }

        @Override
        public ChimeSdkMessagingClient messaging() {
            return reference.messaging();
        }

        @Override
        public ChimeSdkIdentityClient identity() {
            return reference.identity();
        }

        @Override
        public Fixtures fixtures() {
            return reference.fixtures();
        }

        @Override
        public Optional<String> processorArn(ProcessorBehaviour behaviour) {
            return reference.processorArn(behaviour);
        }

        @Override
        public Duration consistencyBound() {
            return Duration.ofMillis(200);
        }

        @Override
        public void consistencyWaited(Duration waited, boolean settled) {
            reported.add(settled);
            stats.record(waited, settled);
        }
    }

    @BeforeEach
    void install() {
        TargetSession.install(new Listening());
    }

    @AfterEach
    void uninstall() {
        TargetSession.install(null);
        reference.close();
    }

    @Test
    void aReadThatSeesTheWriteAtOnceIsNotReported() {
        assertThat(new World().eventually(() -> 1, v -> v == 1), equalTo(1));
        assertThat(reported, empty());
    }

    @Test
    void aReadThatHadToPollIsReportedAsSettled() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(new World().eventually(reads::incrementAndGet, v -> v >= 3), equalTo(3));
        assertThat(reported, contains(true));
    }

    @Test
    void aReadThatGaveUpAtTheBoundIsReportedAsUnsettled() {
        assertThat(new World().eventually(() -> 0, v -> v == 1), equalTo(0));
        assertThat(reported, contains(false));
        assertThat(stats.describe(Duration.ofMillis(200)), containsString("1 read waited for consistency"));
        assertThat(stats.describe(Duration.ofSeconds(10)), containsString("1 gave up at the 10 s bound"));
        assertThat(stats.longest().compareTo(Duration.ofMillis(200)) >= 0, equalTo(true));
    }
}
