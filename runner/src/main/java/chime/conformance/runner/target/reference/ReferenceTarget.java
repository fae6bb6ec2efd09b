package chime.conformance.runner.target.reference;

import chime.conformance.reference.ReferenceService;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.target.SdkFixtures;
import chime.conformance.runner.target.Target;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/** The reference implementation in process: every capability, no network, nothing to clean up. */
public final class ReferenceTarget implements Target {

    private final ReferenceService service;
    private final Fixtures fixtures;
    private final chime.conformance.runner.target.session.SessionConnector sessions;

    public ReferenceTarget() {
        this(ReferenceService.create());
    }

    public ReferenceTarget(ReferenceService service) {
        this.service = service;
        this.fixtures = new SdkFixtures(service.identityClient(), "conformance");
        this.sessions = new chime.conformance.runner.target.session.InProcessSessions(service.sessions());
    }

    public ReferenceService service() {
        return service;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "reference implementation, in memory, in process";
    }

    @Override
    public Set<Capability> capabilities() {
        // Every processor behaviour, the probe and the clock; no wire, since nothing travels over HTTP.
        return EnumSet.complementOf(EnumSet.of(Capability.WIRE));
    }

    @Override
    public Optional<chime.conformance.runner.target.session.SessionConnector> sessions() {
        return Optional.of(sessions);
    }

    @Override
    public void advanceClock(Duration by) {
        service.advanceClock(by);
    }

    @Override
    public ChimeSdkMessagingClient messaging() {
        return service.messagingClient();
    }

    @Override
    public ChimeSdkIdentityClient identity() {
        return service.identityClient();
    }

    @Override
    public Fixtures fixtures() {
        return fixtures;
    }

    @Override
    public Optional<String> processorArn(ProcessorBehaviour behaviour) {
        return Optional.of(ReferenceProcessors.arn(behaviour));
    }

    @Override
    public Optional<Duration> slowProcessorDelay() {
        return Optional.of(service.processors().slowDelay());
    }

    @Override
    public Optional<ProcessorProbe> processorProbe() {
        return Optional.of(ReferenceProcessors.probe(service));
    }

    @Override
    public Duration consistencyBound() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void close() {
        service.close();
    }
}
