package chime.conformance.runner.target.reference;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ProcessorHooks;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetProvider;
import chime.conformance.runner.target.sdk.ProcessorHooksClient;
import chime.conformance.runner.target.sdk.SdkClients;
import chime.conformance.runner.target.sdk.SdkTarget;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * {@code --target reference-http}: the reference implementation served over HTTP on a free loopback port
 * of this JVM, driven through the SDK target, so every scenario crosses the real wire. It keeps the
 * in-process reference's capabilities, seeing the processors' invocations and moving the clock through the
 * processor hooks the server serves (docs/processor-hooks.md), and adds WIRE.
 */
public final class ReferenceHttpTargetProvider implements TargetProvider {

    @Override
    public String name() {
        return "reference-http";
    }

    @Override
    public String description() {
        return "the reference implementation served over HTTP on a loopback port, through the AWS SDK for Java";
    }

    @Override
    public Target open(String spec, TargetConfig config) {
        ReferenceService service = ReferenceService.create();
        ReferenceHttpServer server;
        try {
            server = ReferenceHttpServer.start(service, "127.0.0.1", 0);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        Map<ProcessorBehaviour, String> processors = new EnumMap<>(ProcessorBehaviour.class);
        for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
            processors.put(b, ReferenceProcessors.arn(b));
        }
        // The SDK's default retries would turn one call into several exchanges; the reference never throttles.
        SdkClients clients = SdkClients.open(server.uri(), TargetConfig.empty(), SdkClients.Retries.NONE);
        // Invocations and the clock through the processor hooks, as on any endpoint that has them: the build
        // exercises the protocol on every scenario that plays a processor.
        ProcessorHooksClient hooks = new ProcessorHooksClient(URI.create(server.uri() + ProcessorHooks.PREFIX));
        return new SdkTarget("reference-http", "reference implementation served at " + server.uri()
                + ", through the AWS SDK for Java, its processor hooks at " + hooks.base(), server.uri(), clients,
                EnumSet.of(Capability.PROCESSOR_INSPECTION, Capability.MESSAGING_SESSION), processors, hooks, Duration.ofSeconds(2), null)
                .withClockControl(hooks::advanceClock)
                .withSlowProcessorDelay(service.processors().slowDelay())
                .alsoClosing(server)
                .alsoClosing(service);
    }
}
