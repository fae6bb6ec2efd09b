package chime.conformance.runner.cli;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ProcessorHooks;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.reference.ReferenceProcessors;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the reference implementation over HTTP, in the AWS restJson1 protocol, until interrupted.
 * Point any AWS SDK or the AWS CLI at it with an endpoint override.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reference implementation over HTTP (AWS restJson1) until interrupted.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080",
            description = "Port to listen on (0: a free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only). The server checks"
                    + " no signatures: listen elsewhere only on a network you trust.")
    String host;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean interrupted = false;
        try (ReferenceService service = ReferenceService.create();
             ReferenceHttpServer server = ReferenceHttpServer.start(service, host, port)) {
            // On Ctrl+C the JVM stops once its hooks return: this one waits (briefly) for the server to close.
            Thread hook = new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("chime-conformance " + KitVersion.version() + ": reference implementation serving Chime SDK"
                    + " Messaging and Identity at");
            out.println("  " + server.uri());
            out.println("Signatures are not checked; any credentials and region will do, e.g.");
            out.println("  aws chime-sdk-messaging list-channel-flows --endpoint-url " + server.uri()
                    + " --app-instance-arn ARN");
            out.println("Built-in channel-flow processors (Lambda ARNs):");
            for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
                out.printf("  %-13s %s%n", b.key(), ReferenceProcessors.arn(b));
            }
            out.println("Processor hooks (docs/processor-hooks.md), to see invocations and move the clock:");
            out.println("  " + server.uri() + ProcessorHooks.PREFIX);
            out.println("Run the suite against it: run --target " + server.uri() + " --target-config FILE, with the");
            out.println("processors it should run (each one listed is a capability, processor:pass-through, ...):");
            out.println("  processors: {pass-through: ..., deny: ..., rewrite: ..., unreachable: ...}");
            out.println("Press Ctrl+C to stop.");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // Stop serving; the flag is restored once the server has closed, which it could not do
                // with the flag set.
                interrupted = true;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already stopping: the hook has run.
                }
            }
        } finally {
            closed.countDown();
        }
        out.println("Stopped.");
        out.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
