package chime.conformance.runner.target.aws;

import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.sdk.SdkClients;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The aws target's settings, read from the target config: its file fields (region, credentials, processors,
 * consistency, endpoint) and the target-specific options the command line or the file's {@code options:}
 * give. Every bad value is reported with the option's name.
 *
 * @param endpoint        endpoint override of the Chime messaging and identity APIs, or null for AWS's own
 * @param stsEndpoint     where to ask for the account (null with an endpoint override: not asked)
 * @param lambdaEndpoint  for deploying processors (null with an endpoint override: processors not deployed)
 * @param iamEndpoint     likewise for the processors' role
 */
public record AwsSettings(String region, URI endpoint, boolean confirmed, long maxCalls, Duration consistency,
                          Map<ProcessorBehaviour, String> processors, boolean deployProcessors,
                          boolean maskAccount, URI stsEndpoint, URI lambdaEndpoint, URI iamEndpoint,
                          Duration slowProcessorDelay) {

    public static final Duration DEFAULT_CONSISTENCY = Duration.ofSeconds(10);

    /** {@code --yes-create-resources}: only ever from the command line. */
    public static final String CONFIRM = "yes-create-resources";
    public static final String MAX_CALLS = "max-calls";
    public static final String MASK_ACCOUNT = "mask-account";
    public static final String DEPLOY_PROCESSORS = "deploy-processors";
    public static final String STS_ENDPOINT = "sts-endpoint";
    public static final String LAMBDA_ENDPOINT = "lambda-endpoint";
    public static final String IAM_ENDPOINT = "iam-endpoint";
    static final Set<String> KNOWN = Set.of(CONFIRM, MAX_CALLS, MASK_ACCOUNT, DEPLOY_PROCESSORS, STS_ENDPOINT,
            LAMBDA_ENDPOINT, IAM_ENDPOINT);

    /**
     * Processors of the aws target that need no more than their ARN: HOLD needs a probe into the service, which
     * AWS gives none; SLOW_PASS_THROUGH needs its delay as well.
     */
    static final Set<ProcessorBehaviour> NEEDED = EnumSet.of(ProcessorBehaviour.PASS_THROUGH,
            ProcessorBehaviour.DENY, ProcessorBehaviour.REWRITE, ProcessorBehaviour.UNREACHABLE);

    public AwsSettings {
        processors = Map.copyOf(processors);
    }

    public static AwsSettings from(TargetConfig config) {
        for (String option : config.options().keySet()) {
            if (!KNOWN.contains(option)) {
                throw new IllegalArgumentException("option '" + option + "' is not one of the aws target's: "
                        + new java.util.TreeSet<>(KNOWN));
            }
        }
        if (config.appInstanceArn() != null) {
            throw new IllegalArgumentException("appInstanceArn in " + config.source() + " is not used by the aws target:"
                    + " it creates an AppInstance for each run and deletes it afterwards");
        }
        long maxCalls = 0;
        String budget = config.option(MAX_CALLS);
        if (budget != null) {
            try {
                maxCalls = Long.parseLong(budget.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--max-calls must be a whole number, not '" + budget + "'");
            }
            if (maxCalls < 0) {
                throw new IllegalArgumentException("--max-calls must be 0 (no limit) or more, not " + maxCalls);
            }
        }
        Map<ProcessorBehaviour, String> processors = config.processors();
        // Each behaviour is a capability of its own: a config may name some of them, and scenarios that run
        // another are NOT_APPLICABLE.
        if (processors.containsKey(ProcessorBehaviour.HOLD)) {
            throw new IllegalArgumentException("processors in " + config.source() + ": the hold processor needs"
                    + " to see inside the service (processor-inspection), which AWS does not offer; remove it");
        }
        URI endpoint = config.endpoint();
        return new AwsSettings(config.regionOr(SdkClients.DEFAULT_REGION), endpoint, flag(config, CONFIRM, false), maxCalls,
                config.consistency() == null ? DEFAULT_CONSISTENCY : config.consistency(), processors,
                flag(config, DEPLOY_PROCESSORS, true), flag(config, MASK_ACCOUNT, false),
                uri(config, STS_ENDPOINT), uri(config, LAMBDA_ENDPOINT), uri(config, IAM_ENDPOINT),
                config.slowProcessorDelay());
    }

    /** Whether the STS account lookup happens: always against AWS; with an endpoint override only if told where. */
    public boolean looksUpAccount() {
        return endpoint == null || stsEndpoint != null;
    }

    /**
     * Whether processors are deployed: none configured, deployment not switched off, Lambda and IAM reachable,
     * and the account known (the functions' invoke permission names it).
     */
    public boolean deploysProcessors() {
        return processors.isEmpty() && deployProcessors && looksUpAccount()
                && (endpoint == null || (lambdaEndpoint != null && iamEndpoint != null));
    }

    /** The lines of the plan printed before anything is created. */
    public List<String> plan(RunId run) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("AppInstance " + run.resourceName(null) + " for the scenarios, and " + run.resourceName("foreign")
                + " for the user of another AppInstance (channels, users and admins inside them go with them)");
        lines.add("per scenario: uniquely named AppInstanceUsers and AppInstanceAdmins, channels, messages and"
                + " channel flows, deleted after the scenario or with the AppInstance");
        lines.add("per scenario that lists all channels or channel flows of an AppInstance: an AppInstance of its"
                + " own, " + run.resourceName("s<n>") + ", deleted when the scenario ends");
        if (deploysProcessors()) {
            lines.addAll(ProcessorDeployer.plan(run));
        } else if (!processors.isEmpty()) {
            lines.add("no processor functions: the flow scenarios use the processor ARNs of the target config ("
                    + processors.keySet().stream().map(b -> "processor:" + b.key()).collect(Collectors.joining(", "))
                    + ")");
        } else {
            lines.add("no processor functions: scenarios that run a processor will be NOT_APPLICABLE (no"
                    + " processor:... capability); those that only manage channel flows still run");
        }
        return lines;
    }

    /** Checks that credentials resolve; {@code after} ends the message when they do not. */
    public static void requireCredentials(SdkClients clients, String source, String after) {
        try {
            clients.credentials().resolveCredentials();
        } catch (SdkException e) {
            throw new IllegalArgumentException("no AWS credentials" + source + ": " + firstSentence(e.getMessage())
                    + ". Configure credentials as for the AWS CLI, or choose a profile with --profile." + after, e);
        }
    }

    /** The account of the credentials (STS GetCallerIdentity); {@code after} ends the message of a failure. */
    public String account(SdkClients clients, String after) {
        try (StsClient sts = at(clients.configure(StsClient.builder()), stsEndpoint).build()) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw new IllegalArgumentException("cannot identify the AWS account (STS GetCallerIdentity): "
                    + firstSentence(e.getMessage()) + after, e);
        }
    }

    public LambdaClient lambda(SdkClients clients) {
        return at(clients.configure(LambdaClient.builder()), lambdaEndpoint).build();
    }

    public IamClient iam(SdkClients clients) {
        return at(clients.configure(IamClient.builder()), iamEndpoint).build();
    }

    private static <B extends SdkClientBuilder<B, ?>> B at(B builder, URI endpoint) {
        return endpoint == null ? builder : builder.endpointOverride(endpoint);
    }

    /** The SDK's credential errors list every provider it tried; the first sentence says what failed. */
    static String firstSentence(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int end = m.indexOf(". ");
        return end > 0 && end < 400 ? m.substring(0, end) : (m.length() > 400 ? m.substring(0, 400) + "..." : m);
    }

    private static boolean flag(TargetConfig config, String name, boolean fallback) {
        String value = config.option(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("option " + name + " must be true or false, not '" + value + "'");
        };
    }

    private static URI uri(TargetConfig config, String name) {
        String value = config.option(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri = URI.create(value.trim());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("option " + name + " must be a URL with a host, not '" + value + "'");
        }
        return uri;
    }
}
