package chime.conformance.runner.faults;

import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.target.Target;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A target whose messaging API has the given faults: the kit's own check that its scenarios catch a
 * broken implementation. Identity, fixtures and processors are those of the target underneath.
 */
public final class FaultyTarget implements Target {

    private final Target underneath;
    private final List<Fault> faults;
    private final ChimeSdkMessagingClient messaging;

    public FaultyTarget(Target underneath, List<Fault> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("a faulty target needs at least one fault");
        }
        this.underneath = underneath;
        this.faults = List.copyOf(faults);
        FaultContext context = new FaultContext(underneath.messaging(), underneath.identity(),
                underneath.processorProbe().orElse(null));
        Interceptor[] interceptors = this.faults.stream().map(f -> f.open(context)).toArray(Interceptor[]::new);
        this.messaging = Interceptor.wrap(underneath.messaging(), Interceptor.all(interceptors));
    }

    public List<Fault> faults() {
        return faults;
    }

    @Override
    public String name() {
        return underneath.name() + "+" + faults.stream().map(Fault::name).collect(Collectors.joining("+"));
    }

    @Override
    public String description() {
        return underneath.description() + ", with the fault" + (faults.size() > 1 ? "s " : " ")
                + faults.stream().map(f -> f.name() + " (" + f.description() + ")").collect(Collectors.joining("; "));
    }

    @Override
    public Set<Capability> capabilities() {
        return underneath.capabilities();
    }

    @Override
    public Optional<chime.conformance.runner.target.session.SessionConnector> sessions() {
        return underneath.sessions();
    }

    @Override
    public ChimeSdkMessagingClient messaging() {
        return messaging;
    }

    @Override
    public ChimeSdkIdentityClient identity() {
        return underneath.identity();
    }

    @Override
    public Fixtures fixtures() {
        return underneath.fixtures();
    }

    @Override
    public Optional<String> processorArn(ProcessorBehaviour behaviour) {
        return underneath.processorArn(behaviour);
    }

    @Override
    public Optional<Duration> slowProcessorDelay() {
        return underneath.slowProcessorDelay();
    }

    @Override
    public Optional<ProcessorProbe> processorProbe() {
        Optional<ProcessorProbe> probe = underneath.processorProbe();
        for (Fault fault : faults) {
            probe = probe.map(fault.invocations());
        }
        return probe;
    }

    @Override
    public Optional<URI> endpoint() {
        return underneath.endpoint();
    }

    @Override
    public void advanceClock(Duration by) {
        underneath.advanceClock(by);
    }

    @Override
    public Duration consistencyBound() {
        return underneath.consistencyBound();
    }

    @Override
    public void close() {
        underneath.close();
    }
}
