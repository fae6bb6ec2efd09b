package chime.conformance.runner.target.aws;

import chime.conformance.reports.model.Redaction;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ConsistencyStats;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.sdk.SdkClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.Tag;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Amazon Chime SDK Messaging itself, in one region of the caller's account: the target that tells whether
 * the kit's reading of the documentation (the reference) and the real service agree.
 *
 * <p>A run provisions what it needs when it opens (two AppInstances and, unless the config names them, the
 * processor functions), records each resource in its {@link ResourceLedger} the moment it exists, and
 * deletes all of it when it closes: at the end of the run, after a failure, or from a shutdown hook on an
 * interrupt. Every resource carries the run id in its name, and a tag or mark, so that {@code sweep} finds
 * what a killed run left.
 */
public final class AwsTarget implements Target {

    /** Tag key on every taggable resource of a run; the value is the run id. */
    public static final String RUN_TAG = "chime-conformance-run";
    /** The IAM path of the kit's roles: sweep lists roles under it only. */
    public static final String ROLE_PATH = "/chime-conformance/";
    private static final String MARK = "\"createdBy\":\"chime-conformance\"";

    private final AwsSettings settings;
    private final RunId run;
    private final SdkClients clients;
    private final CallGate gate;
    private final ResourceLedger ledger;
    private final FlowTracker flows;
    private final AwsCleaner cleaner;
    private final LambdaClient lambda;
    private final IamClient iam;
    private final String account;
    private final Pause pause;
    private final PrintStream out;
    private final ConsistencyStats waits = new ConsistencyStats();
    private Thread shutdownHook;
    private boolean closed;
    private AwsFixtures fixtures;
    private Map<ProcessorBehaviour, String> processors = Map.of();
    private String processorOrigin = "none";
    private CleanupReport cleanup;

    AwsTarget(AwsSettings settings, RunId run, SdkClients clients, CallGate gate, ResourceLedger ledger,
              FlowTracker flows, LambdaClient lambda, IamClient iam, String account, Pause pause, PrintStream out) {
        this.settings = settings;
        this.run = run;
        this.clients = clients;
        this.gate = gate;
        this.ledger = ledger;
        this.flows = flows;
        this.lambda = lambda;
        this.iam = iam;
        this.account = account;
        this.pause = pause;
        this.out = out;
        this.cleaner = new AwsCleaner(clients.identity(), clients.messaging(), lambda, iam, pause);
    }

    /** The AppInstance metadata that marks it as the kit's, for sweep. */
    static String metadataFor(RunId run) {
        return "{" + MARK + ",\"run\":\"" + run + "\"}";
    }

    static boolean isKitMetadata(String metadata) {
        return metadata != null && metadata.contains(MARK);
    }

    /**
     * Creates the run's resources. A shutdown hook is in place before the first of them, and a failure half
     * way deletes what was made before it is reported.
     */
    void provision() {
        shutdownHook = new Thread(() -> {
            try {
                close();
            } catch (IllegalStateException leftovers) {
                // Already printed, with the sweep command that deletes them; the JVM is exiting anyway.
            }
        }, "chime-conformance-aws-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            gate.exempt(() -> {
                String main = createAppInstance(run.resourceName(null));
                String foreign = createAppInstance(run.resourceName(AwsFixtures.FOREIGN));
                fixtures = new AwsFixtures(clients.identity(), main, foreign, gate, flows, cleaner, ledger,
                        suffix -> createAppInstance(run.resourceName(suffix)));
                if (!settings.processors().isEmpty()) {
                    processors = settings.processors();
                    processorOrigin = "from the target config";
                } else if (settings.deploysProcessors()) {
                    processors = new ProcessorDeployer(lambda, iam, ledger, pause, out)
                            .deploy(run, account, List.of(main, foreign));
                    processorOrigin = "deployed for the run";
                }
            });
        } catch (RuntimeException e) {
            out.println("Provisioning failed: " + AwsCleaner.describe(e));
            IllegalStateException failure = new IllegalStateException("provisioning the run on AWS failed: "
                    + AwsCleaner.describe(e), e);
            try {
                close();
            } catch (IllegalStateException leftovers) {
                failure.addSuppressed(leftovers);
                throw new IllegalStateException(failure.getMessage() + "; " + leftovers.getMessage(), e);
            }
            throw new IllegalStateException(failure.getMessage() + "; everything it had created is deleted", e);
        }
    }

    private String createAppInstance(String name) {
        String arn = clients.identity().createAppInstance(r -> r.name(name)
                .metadata(metadataFor(run))
                .clientRequestToken(UUID.randomUUID().toString())
                .tags(Tag.builder().key(RUN_TAG).value(run.value()).build())).appInstanceArn();
        ledger.add(new AwsResource(AwsResource.Kind.APP_INSTANCE, arn, name, Instant.now()));
        if (fixtures == null) {
            out.println("  created AppInstance " + name);
        }
        return arn;
    }

    public RunId runId() {
        return run;
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public String description() {
        StringBuilder d = new StringBuilder("Amazon Chime SDK Messaging in ").append(settings.region());
        if (settings.endpoint() != null) {
            d.append(" through the endpoint override ").append(settings.endpoint());
        }
        d.append(", run ").append(run).append("; processors: ").append(processorOrigin);
        d.append("; ").append(gate.scenarioCalls()).append(" calls by scenarios");
        if (gate.budget() > 0) {
            d.append(" (budget ").append(gate.budget()).append(", ").append(gate.refusedCalls()).append(" refused)");
        }
        d.append(", ").append(gate.runCalls()).append(" for provisioning and cleanup; ");
        d.append(waits.describe(consistencyBound()));
        return d.toString();
    }

    @Override
    public Set<Capability> capabilities() {
        // processor:X for each behaviour whose function the run deployed or the config named; AWS serves the
        // messaging session.
        Set<Capability> caps = java.util.EnumSet.copyOf(Capability.processors(processors.keySet()));
        caps.add(Capability.MESSAGING_SESSION);
        return caps;
    }

    /**
     * Sessions over the service's own WebSocket, the connect URL presigned with the run's credentials through
     * the SDK's signer; "receives nothing" waits 3 seconds.
     */
    @Override
    public java.util.Optional<chime.conformance.runner.target.session.SessionConnector> sessions() {
        Duration bound = consistencyBound().compareTo(Duration.ofSeconds(10)) > 0 ? consistencyBound()
                : Duration.ofSeconds(10);
        return java.util.Optional.of(new chime.conformance.runner.target.session.WebSocketSessions(
                clients.messaging(), clients.credentials(), clients.region(), settings.endpoint(), Duration.ofSeconds(3),
                bound));
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

    /**
     * The slow pass-through processor's delay: the deployed function's, or for ARNs from the target config,
     * the config's {@code slowProcessorDelay}.
     */
    @Override
    public Optional<Duration> slowProcessorDelay() {
        if (!processors.containsKey(ProcessorBehaviour.SLOW_PASS_THROUGH)) {
            return Optional.empty();
        }
        return Optional.of(settings.processors().isEmpty() ? ProcessorDeployer.SLOW_DELAY
                : settings.slowProcessorDelay());
    }

    @Override
    public Optional<String> processorArn(ProcessorBehaviour behaviour) {
        return Optional.ofNullable(processors.get(behaviour));
    }

    @Override
    public Duration consistencyBound() {
        return settings.consistency();
    }

    @Override
    public void consistencyWaited(Duration waited, boolean settled) {
        waits.record(waited, settled);
    }

    public CallGate calls() {
        return gate;
    }

    /** What the cleanup did, once the target is closed. */
    public Optional<CleanupReport> cleanupReport() {
        return Optional.ofNullable(cleanup);
    }

    /**
     * Deletes everything the run created. Runs once, whoever calls first (the end of the run or the shutdown
     * hook); a second caller waits until it is done, so the JVM does not exit half way through.
     *
     * @throws IllegalStateException when something could not be deleted: a run that leaves resources behind
     *                               must not end as if all were well (the command exits 2 with the message)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.shut();
        try {
            List<AwsResource> toDelete = ledger.inCleanupOrder();
            if (!toDelete.isEmpty()) {
                out.println("Cleaning up run " + run + ": deleting " + toDelete.size() + " resource"
                        + (toDelete.size() == 1 ? "" : "s"));
            }
            cleanup = gate.exempt(() -> cleaner.deleteAll(toDelete));
            cleanup.deleted().forEach(ledger::remove);
            for (AwsResource r : cleanup.deleted()) {
                out.println("  deleted " + r.kind().label() + " " + r.name());
            }
            for (CleanupReport.Failure f : cleanup.failed()) {
                out.println("  COULD NOT DELETE " + f.resource() + ": " + f.reason());
            }
            if (!cleanup.complete()) {
                out.println("Some resources of run " + run + " are left. Delete them with: chime-conformance sweep"
                        + " --older-than 0s --region " + settings.region() + " --yes-delete-resources");
            }
            writeRunNote();
        } finally {
            closeQuietly(lambda, iam, clients);
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the hook has run or will find the target closed.
                }
            }
        }
        if (cleanup != null && !cleanup.complete()) {
            throw new IllegalStateException("run " + run + " left " + cleanup.failed().size() + " resource"
                    + (cleanup.failed().size() == 1 ? "" : "s") + " on AWS that could not be deleted (listed above);"
                    + " delete them with: chime-conformance sweep --older-than 0s --region " + settings.region()
                    + " --yes-delete-resources");
        }
    }

    /**
     * {@code aws-run.json} beside the report: the run id, what was created and whether it was deleted, the
     * calls and the consistency waits. Written after the report (cleanup comes after the last scenario), for
     * CI jobs that want to check the cleanup. No credentials and, with --mask-account, no account id.
     */
    private void writeRunNote() {
        String dir = System.getProperty("chime.report.dir");
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode note = json.createObjectNode();
        note.put("runId", run.value());
        note.put("region", settings.region());
        note.put("account", account == null ? null : settings.maskAccount() ? Redaction.MASKED_ACCOUNT : account);
        note.put("processors", processorOrigin);
        ObjectNode calls = note.putObject("calls");
        calls.put("scenarios", gate.scenarioCalls());
        calls.put("budget", gate.budget());
        calls.put("refused", gate.refusedCalls());
        calls.put("provisioningAndCleanup", gate.runCalls());
        ObjectNode consistency = note.putObject("consistency");
        consistency.put("boundSeconds", consistencyBound().toSeconds());
        consistency.put("readsThatWaited", waits.reads());
        consistency.put("readsThatGaveUp", waits.unsettled());
        consistency.put("totalWaitMillis", waits.total().toMillis());
        consistency.put("longestWaitMillis", waits.longest().toMillis());
        ArrayNode deleted = note.putArray("deleted");
        cleanup.deleted().forEach(r -> deleted.add(mask(r.toString())));
        ArrayNode left = note.putArray("left");
        cleanup.failed().forEach(f -> left.addObject().put("resource", mask(f.resource().toString()))
                .put("reason", mask(f.reason())));
        try {
            Files.writeString(Path.of(dir, "aws-run.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(note));
        } catch (IOException e) {
            out.println("cannot write aws-run.json: " + e.getMessage());
        }
    }

    /** Credentials never appear here anyway; account ids in ARNs go when masking is asked for. */
    private String mask(String text) {
        String redacted = Redaction.of(settings.maskAccount()).text(text);
        return settings.maskAccount() && account != null ? redacted.replace(account, Redaction.MASKED_ACCOUNT) : redacted;
    }

    /** Closes local clients; a failure here leaves nothing on AWS, so it is ignored. */
    static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception ignored) {
                // local resources only
            }
        }
    }
}
