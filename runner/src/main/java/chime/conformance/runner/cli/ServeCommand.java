package chime.conformance.runner.cli;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.MemoryBudget;
import chime.conformance.reference.http.ProcessorHooks;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.reference.http.ResettableService;
import chime.conformance.reference.http.StateFile;
import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
        description = {"Serve the reference implementation over HTTP (AWS restJson1) until interrupted.",
                "Run it as: java -XX:+ExitOnOutOfMemoryError -jar chime-conformance.jar serve [options], so that a"
                        + " JVM whose heap runs out ends instead of hanging (the memory budget keeps the data well"
                        + " below that)."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080",
            description = "Port to listen on (0: a free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only). The server checks"
                    + " no signatures: listen elsewhere only on a network you trust.")
    String host;

    @Option(names = "--request-deadline", defaultValue = "10", paramLabel = "SECONDS",
            description = "A request's line, headers and body must arrive within this many seconds of its first"
                    + " byte; a client still sending is answered 408 or closed. Default: ${DEFAULT-VALUE}.")
    double requestDeadlineSeconds;

    @Option(names = "--connections-per-address", defaultValue = "128", paramLabel = "N",
            description = "Open connections allowed at once from one client address (of 256 in all); more are"
                    + " answered 429 ThrottledClientException. Default: ${DEFAULT-VALUE}.")
    int connectionsPerAddress;

    @Option(names = "--memory-budget", defaultValue = "60%", paramLabel = "SIZE",
            description = "How much of the heap the data may take, as a share of -Xmx (60%%) or a size (200m, 1g);"
                    + " past it, requests that add data are refused with ServiceUnavailableException (503) while"
                    + " reads and deletes go on. Default: ${DEFAULT-VALUE}.")
    String memoryBudget;

    @Option(names = "--region", defaultValue = ReferenceService.DEFAULT_REGION, paramLabel = "REGION",
            description = "The region in the ARNs the server makes (channels, users, processors). Default:"
                    + " ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--account", defaultValue = ReferenceService.DEFAULT_ACCOUNT_ID, paramLabel = "ACCOUNT_ID",
            description = "The AWS account ID (12 digits) in the ARNs the server makes. Default: ${DEFAULT-VALUE}.")
    String account;

    @Option(names = "--log-requests",
            description = "Print one line per request: time, method, path, operation, status, milliseconds.")
    boolean logRequests;

    @Option(names = "--cors",
            description = "Let browser applications on any origin call the server: preflight OPTIONS requests are"
                    + " answered, allowing the headers the AWS SDK for JavaScript v3 (and so the Amazon Chime SDK"
                    + " for JavaScript) sends.")
    boolean cors;

    @Option(names = "--write-target-config", paramLabel = "FILE",
            description = "Write the target config a run needs to drive this server as an endpoint: its URL, its"
                    + " processor hooks and clock, the ARNs of its processors. Then: run --target URL --target-config FILE.")
    Path writeTargetConfig;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Keep the emulator's state across restarts: load it from FILE on start (if FILE exists;"
                    + " else start empty) and save it there on stop (Ctrl+C, SIGTERM), atomically. A FILE that"
                    + " cannot be loaded is an error and is left as it is. What is kept: see the README.")
    Path stateFile;

    @Option(names = "--slow-processor-delay", defaultValue = "PT3S", paramLabel = "DURATION",
            description = "How long the slow-pass-through processor waits before it answers (ISO-8601)."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration slowProcessorDelay;

    @Spec
    CommandSpec spec;

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("\\d{12}");

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean interruptedWhileServing;

    /** Starts the server, saying what to do when the address is taken. */
    private ReferenceHttpServer start(ResettableService service, ReferenceHttpServer.Limits limits, MemoryBudget memory,
                                      PrintWriter out) {
        java.util.function.Consumer<String> log = logRequests ? line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } : null;
        try {
            return ReferenceHttpServer.start(service, host, port, limits, memory,
                    new ReferenceHttpServer.EmulatorOptions(KitVersion.version(), cors, log));
        } catch (IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new IllegalArgumentException("cannot serve on " + host + ":" + port + ": the address is in"
                            + " use (another server listens there) or cannot be bound here. Stop that server, or"
                            + " choose another --port (--port 0 picks a free one)", e);
                }
            }
            throw e;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        if (!(requestDeadlineSeconds > 0) || requestDeadlineSeconds > 3600) {
            throw new IllegalArgumentException("--request-deadline must be more than 0 and at most 3600 seconds");
        }
        if (connectionsPerAddress < 1) {
            throw new IllegalArgumentException("--connections-per-address must be at least 1");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("--region " + region + " is not a region name; expected one like"
                    + " us-east-1 or eu-central-1");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("--account " + account + " is not an AWS account ID; expected 12"
                    + " digits, e.g. 111122223333");
        }
        ReferenceHttpServer.Limits defaults = ReferenceHttpServer.Limits.defaults();
        ReferenceHttpServer.Limits limits = defaults
                .withRequestDeadline(Duration.ofMillis(Math.round(requestDeadlineSeconds * 1000)))
                .withConnections(defaults.maxConnections(), Math.min(connectionsPerAddress, defaults.maxConnections()));
        MemoryBudget memory = MemoryBudget.parse(memoryBudget);
        PrintWriter out = spec.commandLine().getOut();
        if (slowProcessorDelay.isNegative()) {
            throw new IllegalArgumentException("--slow-processor-delay must be zero or more");
        }
        // Read before anything starts: a state file that cannot be loaded stops serve with the file untouched.
        ServiceSnapshot saved = null;
        if (stateFile != null) {
            StateFile.requireSavable(stateFile);
            saved = StateFile.read(stateFile).orElse(null);
        }
        int exit = 0;
        try (ResettableService service = new ResettableService(() -> ReferenceService.builder().region(region)
                .accountId(account).slowProcessorDelay(slowProcessorDelay).build())) {
            if (saved != null) {
                try {
                    service.current().importState(saved);
                } catch (IllegalArgumentException e) {
                    throw new StateFile.Invalid(stateFile, "does not hold a valid state: " + e.getMessage());
                }
            }
            exit = serve(service, limits, memory, out, saved);
        } finally {
            closed.countDown();
        }
        out.println("Stopped.");
        out.flush();
        if (interruptedWhileServing) {
            // Restored once the server and the service have closed, which they could not do with the flag set.
            Thread.currentThread().interrupt();
        }
        return exit;
    }

    /** Serves {@code service} until stopped; then saves its state if --state is given. */
    private int serve(ResettableService service, ReferenceHttpServer.Limits limits, MemoryBudget memory,
                      PrintWriter out, ServiceSnapshot saved) throws IOException {
        int exit = 0;
        try (ReferenceHttpServer server = start(service, limits, memory, out)) {
            // On Ctrl+C the JVM stops once its hooks return: this one waits for the server to close (and its
            // state to be saved).
            Thread hook = new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(stateFile == null ? 5 : 60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            nonLoopbackWarning(host).ifPresent(warning -> {
                spec.commandLine().getErr().println(warning);
                spec.commandLine().getErr().flush();
            });
            out.println("chime-conformance " + KitVersion.version() + ": reference implementation serving Chime SDK"
                    + " Messaging and Identity at");
            out.println("  " + server.uri());
            out.println("Signatures are not checked; any credentials and region will do, e.g.");
            out.println("  aws chime-sdk-messaging list-channel-flows --endpoint-url " + server.uri()
                    + " --app-instance-arn ARN");
            out.println("Built-in channel-flow processors (Lambda ARNs):");
            for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
                out.printf("  %-17s %s%n", b.key(), service.current().processors().arnOf("chime-conformance-" + b.key()));
            }
            out.println("Processor hooks (docs/processor-hooks.md), to see invocations and move the clock:");
            out.println("  " + server.uri() + ProcessorHooks.PREFIX);
            if (writeTargetConfig != null) {
                writeAtomically(writeTargetConfig, targetConfig(server.uri(), slowProcessorDelay, service.current()));
                out.println("Target config written to " + writeTargetConfig + "; run the suite against this server with");
                out.println("  run --target " + server.uri() + " --target-config " + writeTargetConfig);
            } else {
                out.println("Run the suite against it: run --target " + server.uri() + " --target-config FILE, with the");
                out.println("processors it should run (each one listed is a capability, processor:pass-through, ...),");
                out.println("or let serve write that file: --write-target-config FILE.");
            }
            out.printf("Memory budget: %d MiB of a %d MiB heap; past it, requests that add data get 503.%n",
                    memory.budgetBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            if (!exitsOnOutOfMemory()) {
                spec.commandLine().getErr().println("Note: start the JVM with -XX:+ExitOnOutOfMemoryError, so that"
                        + " it ends rather than hangs should its heap ever run out.");
                spec.commandLine().getErr().flush();
            }
            out.println("Region " + region + ", account " + account + ". Health: GET " + server.uri()
                    + "/_chime-conformance/v1/health; start over: POST " + server.uri() + "/_chime-conformance/v1/reset"
                    + (cors ? "; CORS on" : ""));
            if (stateFile != null) {
                out.println(saved == null
                        ? "State: " + stateFile + " does not exist yet; it is created when the server stops."
                        : "State: loaded from " + stateFile + " (" + saved.appInstances().size() + " AppInstances, "
                                + saved.channels().size() + " channels); saved there when the server stops.");
                foreignArns(saved).ifPresent(warning -> {
                    spec.commandLine().getErr().println(warning);
                    spec.commandLine().getErr().flush();
                });
            }
            out.println("Press Ctrl+C to stop.");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // Stop serving; the flag is restored once the server has closed, which it could not do
                // with the flag set.
                interruptedWhileServing = true;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already stopping: the hook has run.
                }
            }
            if (stateFile != null) {
                server.close(); // no request runs while the state is taken
                try {
                    StateFile.write(stateFile, service.current().exportState());
                    out.println("State saved to " + stateFile + ".");
                } catch (IOException | RuntimeException e) {
                    spec.commandLine().getErr().println("error: cannot save the state to " + stateFile + ": "
                            + (e.getMessage() == null ? e : e.getMessage()) + " (the file was left as it was)");
                    spec.commandLine().getErr().flush();
                    exit = 2;
                }
            }
        }
        return exit;
    }

    /**
     * A warning when a loaded state's ARNs name another region or account than this server's: they keep theirs,
     * while what the server makes from now on takes --region and --account.
     */
    private java.util.Optional<String> foreignArns(ServiceSnapshot saved) {
        if (saved == null || saved.appInstances().isEmpty()) {
            return java.util.Optional.empty();
        }
        String arn = saved.appInstances().get(0).appInstance().appInstanceArn();
        String expected = "arn:aws:chime:" + region + ":" + account + ":";
        return arn.startsWith(expected) ? java.util.Optional.empty()
                : java.util.Optional.of("Warning: the state in " + stateFile + " was made with other --region or"
                        + " --account values (" + arn + "); its ARNs keep them, new ones take " + region + " and "
                        + account + ".");
    }

    /** Whether this JVM runs with -XX:+ExitOnOutOfMemoryError (or CrashOnOutOfMemoryError). */
    private static boolean exitsOnOutOfMemory() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return "true".equals(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || "true".equals(hotspot.getVMOption("CrashOnOutOfMemoryError").getValue());
        } catch (RuntimeException notHotSpot) {
            return true; // another JVM: nothing to advise
        }
    }

    /**
     * The warning for a server reachable from other machines: it checks no signature, so whoever reaches it can
     * read and change everything it holds. Empty for a loopback address (127.0.0.0/8, ::1, localhost).
     */
    static java.util.Optional<String> nonLoopbackWarning(String host) {
        boolean loopback;
        try {
            java.net.InetAddress[] addresses = java.net.InetAddress.getAllByName(host);
            loopback = addresses.length > 0 && java.util.Arrays.stream(addresses)
                    .allMatch(java.net.InetAddress::isLoopbackAddress);
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        return loopback ? java.util.Optional.empty() : java.util.Optional.of("Warning: serving on " + host
                + ", which is not a loopback address: anyone who can reach it can call the API, and no signature"
                + " is checked. Use --host 127.0.0.1 unless every machine on this network is trusted.");
    }

    /**
     * The target config that drives a server at {@code uri} as an endpoint, with everything it has: every
     * processor behaviour (each a capability), the processor hooks (processor-inspection, so the hold processor
     * can be played) with the clock behind them (clock-control), and the slow processor's delay. Its reads show
     * its writes at once; the consistency bound is the one the kit gives the reference.
     */
    static String targetConfig(URI uri, Duration slowDelay, ReferenceService service) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# The reference served by chime-conformance serve, driven as an endpoint:\n");
        yaml.append("#   java -jar chime-conformance.jar run --target ").append(uri).append(" --target-config FILE\n");
        yaml.append("# Valid while that server runs; serve --write-target-config FILE writes it again.\n");
        yaml.append("endpoint: ").append(uri).append('\n');
        yaml.append("region: ").append(service.region()).append('\n');
        yaml.append("hooks: ").append(uri).append(ProcessorHooks.PREFIX).append('\n');
        yaml.append("capabilities: [").append(Capability.CLOCK_CONTROL.tag()).append(", ")
                .append(Capability.MESSAGING_SESSION.tag()).append("]\n");
        yaml.append("processors:\n");
        for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
            yaml.append("  ").append(b.key()).append(": ")
                    .append(service.processors().arnOf("chime-conformance-" + b.key())).append('\n');
        }
        yaml.append("slowProcessorDelay: ").append(slowDelay).append('\n');
        yaml.append("consistency: PT2S\n");
        return yaml.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, ".target-config", ".yaml");
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
