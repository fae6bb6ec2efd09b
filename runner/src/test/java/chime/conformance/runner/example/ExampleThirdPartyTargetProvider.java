package chime.conformance.runner.example;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetProvider;
import chime.conformance.runner.target.sdk.SdkClients;
import chime.conformance.runner.target.sdk.SdkTarget;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * A target from outside the kit: {@code run --target example-emulator}. A jar with this class and the
 * file {@code META-INF/services/chime.conformance.runner.target.TargetProvider} naming it, put on the class
 * path next to chime-conformance.jar, adds the target without changing the kit.
 *
 * <p>This one starts the system under test for the run and drives it over HTTP through the kit's SDK
 * clients. The kit's own reference server stands in for "your emulator" here; replace the two lines that
 * start it with whatever starts yours, or with nothing if it already runs.
 */
public final class ExampleThirdPartyTargetProvider implements TargetProvider {

    @Override
    public String name() {
        return "example-emulator";
    }

    @Override
    public String description() {
        return "Example Corp's Chime emulator, started on a free port for the run";
    }

    @Override
    public Target open(String spec, TargetConfig config) {
        // 1. Start the system under test (here: the kit's reference, served on a free loopback port).
        ReferenceService emulator = ReferenceService.create();
        ReferenceHttpServer server = ReferenceHttpServer.start(emulator, "127.0.0.1", 0);

        // 2. Reach it with the AWS SDK for Java: endpoint override, and region and credentials from
        //    --target-config (dummy static keys when it names none).
        SdkClients clients = SdkClients.open(server.uri(), config, SdkClients.Retries.NONE);

        // 3. Say what it can do. WIRE comes with HTTP; each processor whose Lambda ARN is given (here none; a
        //    real emulator passes config.processors()) is the capability processor:<behaviour>. Scenarios
        //    needing a capability the target lacks are NOT_APPLICABLE, never failed.
        return new SdkTarget(name(), description(), server.uri(), clients,
                EnumSet.noneOf(Capability.class), Map.of(), null, Duration.ofSeconds(1), config.appInstanceArn())
                .alsoClosing(server)
                .alsoClosing(emulator);
    }
}
