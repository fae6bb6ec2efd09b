package chime.conformance.runner.target.aws;

import chime.conformance.runner.target.ProcessorBehaviour;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Deploys the kit's channel-flow processors for one run: an IAM role the functions run as (allowed to call
 * ChannelFlowCallback on the run's AppInstances, nothing else: no CloudWatch Logs either, so the functions
 * leave no log groups behind), the pass-through, deny, rewrite and slow pass-through functions from
 * {@code aws/processors/*.py}, and on each a resource policy letting {@value #CHIME_MESSAGING_PRINCIPAL}
 * invoke it. The unreachable processor is the ARN of a function of the run that is never created. The slow
 * pass-through function waits {@link #SLOW_DELAY} before it calls back (its environment says how long; its
 * timeout is longer).
 *
 * <p>Every resource is named after the run and tagged with its id, and recorded in the run's ledger as soon
 * as it exists, so cleanup finds it even if deployment stops half way.
 */
public final class ProcessorDeployer {

    public static final String CHIME_MESSAGING_PRINCIPAL = "messaging.chime.amazonaws.com";
    static final String CALLBACK_POLICY_NAME = "chime-conformance-flow-callback";
    static final String ROLE_SUFFIX = "processors";
    static final List<ProcessorBehaviour> DEPLOYED = List.of(ProcessorBehaviour.PASS_THROUGH, ProcessorBehaviour.DENY,
            ProcessorBehaviour.REWRITE, ProcessorBehaviour.SLOW_PASS_THROUGH);
    /**
     * How long the deployed slow pass-through function waits before it calls back: long enough that a read the
     * kit makes right after a send, across the Internet, ends before it (the function cannot have been invoked
     * before the send; a cold start only adds to the wait).
     */
    public static final Duration SLOW_DELAY = Duration.ofSeconds(10);

    /** A new role takes a while before Lambda may assume it; CreateFunction says so with this error. */
    private static final Duration ROLE_PROPAGATION = Duration.ofSeconds(90);
    private static final Duration ACTIVATION = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final IamClient iam;
    private final ResourceLedger ledger;
    private final Pause pause;
    private final PrintStream log;

    public ProcessorDeployer(LambdaClient lambda, IamClient iam, ResourceLedger ledger, Pause pause, PrintStream log) {
        this.lambda = lambda;
        this.iam = iam;
        this.ledger = ledger;
        this.pause = pause;
        this.log = log;
    }

    /** What {@link #deploy} creates, for the plan printed before anything is created. */
    public static List<String> plan(RunId run) {
        return List.of(
                "IAM role " + AwsTarget.ROLE_PATH + run.resourceName(ROLE_SUFFIX) + " with an inline policy allowing chime:ChannelFlowCallback on the run's AppInstances",
                "Lambda functions " + run.resourceName("pass-through") + ", " + run.resourceName("deny") + ", "
                        + run.resourceName("rewrite") + ", " + run.resourceName("slow-pass-through")
                        + " (Python, 128 MB), invocable by " + CHIME_MESSAGING_PRINCIPAL);
    }

    /**
     * Deploys the processors; returns the ARN of each behaviour, UNREACHABLE included.
     *
     * @param appInstanceArns the AppInstances whose channels the processors may call back for
     */
    public Map<ProcessorBehaviour, String> deploy(RunId run, String accountId, List<String> appInstanceArns) {
        String roleName = run.resourceName(ROLE_SUFFIX);
        String roleArn = iam.createRole(r -> r.path(AwsTarget.ROLE_PATH).roleName(roleName)
                .assumeRolePolicyDocument(trustPolicy())
                .description("Runs the chime-conformance processors of run " + run)
                .tags(t -> t.key(AwsTarget.RUN_TAG).value(run.value()))).role().arn();
        ledger.add(new AwsResource(AwsResource.Kind.IAM_ROLE, roleName, roleName, java.time.Instant.now()));
        iam.putRolePolicy(r -> r.roleName(roleName).policyName(CALLBACK_POLICY_NAME)
                .policyDocument(callbackPolicy(appInstanceArns)));
        log.println("  created IAM role " + roleName);

        Map<ProcessorBehaviour, String> arns = new EnumMap<>(ProcessorBehaviour.class);
        for (ProcessorBehaviour behaviour : DEPLOYED) {
            arns.put(behaviour, createFunction(run, behaviour, roleArn));
        }
        for (ProcessorBehaviour behaviour : DEPLOYED) {
            String name = run.resourceName(behaviour.key());
            awaitActive(name);
            lambda.addPermission(r -> r.functionName(name).statementId("chime-sdk-messaging")
                    .action("lambda:InvokeFunction").principal(CHIME_MESSAGING_PRINCIPAL).sourceAccount(accountId));
        }
        String partition = roleArn.split(":", 3)[1];
        String region = regionOf(arns.get(ProcessorBehaviour.PASS_THROUGH));
        arns.put(ProcessorBehaviour.UNREACHABLE, "arn:" + partition + ":lambda:" + region + ":" + accountId
                + ":function:" + run.resourceName(ProcessorBehaviour.UNREACHABLE.key()));
        return arns;
    }

    private String createFunction(RunId run, ProcessorBehaviour behaviour, String roleArn) {
        String name = run.resourceName(behaviour.key());
        String module = behaviour.key().replace('-', '_');
        SdkBytes code = SdkBytes.fromByteArray(zip(module + ".py", source(module)));
        boolean slow = behaviour == ProcessorBehaviour.SLOW_PASS_THROUGH;
        long deadline = System.nanoTime() + ROLE_PROPAGATION.toNanos();
        Duration wait = POLL;
        while (true) {
            try {
                String arn = lambda.createFunction(r -> r.functionName(name)
                        .runtime(Runtime.PYTHON3_12)
                        .handler(module + ".handler")
                        .role(roleArn)
                        .code(c -> c.zipFile(code))
                        .timeout(slow ? (int) SLOW_DELAY.toSeconds() + 15 : 10)
                        .memorySize(128)
                        .environment(e -> {
                            if (slow) {
                                e.variables(Map.of("DELAY_SECONDS", Long.toString(SLOW_DELAY.toSeconds())));
                            }
                        })
                        .description("chime-conformance " + behaviour.key() + " processor of run " + run)
                        .tags(Map.of(AwsTarget.RUN_TAG, run.value()))).functionArn();
                ledger.add(new AwsResource(AwsResource.Kind.LAMBDA_FUNCTION, name, name, java.time.Instant.now()));
                log.println("  created Lambda function " + name);
                return arn;
            } catch (InvalidParameterValueException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("CreateFunction " + name + " kept failing for "
                            + ROLE_PROPAGATION.toSeconds() + " s: " + AwsCleaner.describe(e), e);
                }
                // The role is not assumable yet (IAM is eventually consistent): try again shortly.
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : wait.multipliedBy(2);
            }
        }
    }

    private void awaitActive(String name) {
        long deadline = System.nanoTime() + ACTIVATION.toNanos();
        while (true) {
            var configuration = lambda.getFunctionConfiguration(r -> r.functionName(name));
            State state = configuration.state();
            if (state == null || state == State.ACTIVE) {
                return;
            }
            if (state == State.FAILED || state == State.INACTIVE) {
                throw new IllegalStateException("Lambda function " + name + " is " + state + ": "
                        + configuration.stateReason());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Lambda function " + name + " is still " + state + " after "
                        + ACTIVATION.toSeconds() + " s");
            }
            sleep(POLL);
        }
    }

    private void sleep(Duration d) {
        try {
            pause.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deploying the processors", e);
        }
    }

    static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }

    static String trustPolicy() {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "lambda.amazonaws.com");
        statement.put("Action", "sts:AssumeRole");
        return policy.toString();
    }

    /** ChannelFlowCallback on the run's AppInstances and what is inside them (their channels), nothing more. */
    static String callbackPolicy(List<String> appInstanceArns) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.put("Action", "chime:ChannelFlowCallback");
        ArrayNode resources = statement.putArray("Resource");
        for (String arn : appInstanceArns) {
            resources.add(arn);
            resources.add(arn + "/*");
        }
        return policy.toString();
    }

    /** The processor's source, shipped in the kit's jar. */
    static byte[] source(String module) {
        String path = "aws/processors/" + module + ".py";
        try (InputStream in = ProcessorDeployer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the kit's jar lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deployment package: one file at the root of a zip archive. */
    static byte[] zip(String fileName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(fileName);
            // A fixed time: the same source gives the same package (and code hash) on every run.
            entry.setTime(0L);
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
