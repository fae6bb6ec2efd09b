package chime.conformance.runner.target.sdk;

import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.target.SdkFixtures;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.wire.RawRequests;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A target reached over HTTP through the AWS SDK for Java: an emulator, the reference served over HTTP, or
 * any endpoint that speaks the API. It has the WIRE capability (it is HTTP: raw requests can be sent to
 * it, and every exchange is recorded as evidence), {@code processor:X} for each behaviour X whose Lambda ARN
 * it was given, and whatever else its configuration declares.
 */
public final class SdkTarget implements Target {

    private final String name;
    private final String description;
    private final URI endpoint;
    private final SdkClients clients;
    private Set<Capability> capabilities;
    private Consumer<Duration> clock;
    private Duration slowProcessorDelay;
    private final Map<ProcessorBehaviour, String> processors;
    private final ProcessorProbe probe;
    private final Duration consistency;
    private final Fixtures fixtures;
    private final RawRequests raw;
    private final List<AutoCloseable> alsoClose = new ArrayList<>();
    private chime.conformance.runner.target.session.SessionConnector sessions;

    /**
     * @param capabilities   declared capabilities; WIRE and the capabilities of the processors are added
     * @param processors     Lambda ARNs of processors of known behaviour: each is the capability processor:X
     * @param probe          sees processor invocations (PROCESSOR_INSPECTION), or null
     * @param appInstanceArn an AppInstance all scenarios share, or null for one per scenario
     */
    public SdkTarget(String name, String description, URI endpoint, SdkClients clients, Set<Capability> capabilities,
                     Map<ProcessorBehaviour, String> processors, ProcessorProbe probe, Duration consistency,
                     String appInstanceArn) {
        this.name = name;
        this.description = description;
        this.endpoint = endpoint;
        this.clients = clients;
        EnumSet<Capability> caps = EnumSet.of(Capability.WIRE);
        for (Capability declared : capabilities) {
            if (declared.behaviour().isPresent() && !processors.containsKey(declared.behaviour().get())) {
                throw new IllegalArgumentException("capability " + declared.tag() + " of " + name
                        + " needs the Lambda ARN of a " + declared.behaviour().get().key() + " processor");
            }
            caps.add(declared);
        }
        caps.addAll(Capability.processors(processors.keySet()));
        this.capabilities = Set.copyOf(caps);
        this.processors = Map.copyOf(processors);
        this.probe = probe;
        this.consistency = consistency;
        this.fixtures = new SdkFixtures(clients.identity(), "conformance", appInstanceArn);
        this.raw = new RawRequests(endpoint, clients.credentials(), clients.region(), clients.connectTimeout(),
                clients.callTimeout());
    }

    /**
     * Gives the target capability CLOCK_CONTROL: {@code advance} moves the clock of the service behind the
     * endpoint (through its processor hooks).
     */
    public SdkTarget withClockControl(Consumer<Duration> advance) {
        this.clock = advance;
        EnumSet<Capability> caps = EnumSet.copyOf(capabilities);
        caps.add(Capability.CLOCK_CONTROL);
        this.capabilities = Set.copyOf(caps);
        return this;
    }

    @Override
    public void advanceClock(Duration by) {
        if (clock == null) {
            Target.super.advanceClock(by);
        } else {
            clock.accept(by);
        }
    }

    /** How long the target's slow-pass-through processor waits before it answers. */
    public SdkTarget withSlowProcessorDelay(Duration delay) {
        this.slowProcessorDelay = delay;
        return this;
    }

    @Override
    public Optional<Duration> slowProcessorDelay() {
        return Optional.ofNullable(slowProcessorDelay);
    }

    @Override
    public Optional<chime.conformance.runner.target.session.SessionConnector> sessions() {
        if (!capabilities.contains(Capability.MESSAGING_SESSION)) {
            return Optional.empty();
        }
        // One connector (one HTTP client) for the whole run: every scenario's sessions share it.
        synchronized (this) {
            if (sessions == null) {
                // Over the wire: a quiet period covering loopback or network delivery, the consistency bound for
                // arrival.
                Duration bound = consistency.compareTo(Duration.ofSeconds(5)) > 0 ? consistency : Duration.ofSeconds(5);
                sessions = new chime.conformance.runner.target.session.WebSocketSessions(clients.messaging(),
                        clients.credentials(), clients.region(), endpoint, Duration.ofMillis(500), bound);
            }
            return Optional.of(sessions);
        }
    }

    /** Closes {@code resource} after the clients, when the target closes (e.g. the server behind it). */
    public SdkTarget alsoClosing(AutoCloseable resource) {
        alsoClose.add(resource);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ChimeSdkMessagingClient messaging() {
        return clients.messaging();
    }

    @Override
    public ChimeSdkIdentityClient identity() {
        return clients.identity();
    }

    @Override
    public Fixtures fixtures() {
        return fixtures;
    }

    @Override
    public Optional<String> processorArn(ProcessorBehaviour behaviour) {
        return Optional.ofNullable(processors.get(behaviour));
    }

    @Override
    public Optional<ProcessorProbe> processorProbe() {
        return Optional.ofNullable(probe);
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(endpoint);
    }

    /** Raw requests to the endpoint, signed with the target's credentials. */
    public RawRequests raw() {
        return raw;
    }

    @Override
    public Duration consistencyBound() {
        return consistency;
    }

    @Override
    public void close() {
        clients.close();
        for (AutoCloseable resource : alsoClose) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
