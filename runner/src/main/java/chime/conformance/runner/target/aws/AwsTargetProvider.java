package chime.conformance.runner.target.aws;

import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetProvider;
import chime.conformance.runner.target.sdk.SdkClients;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code --target aws}: the real Amazon Chime SDK Messaging, reached with the SDK's default credential
 * chain (or {@code --profile}) in {@code --region} (default us-east-1). Before anything is created it prints
 * the plan; it creates nothing, and calls no AWS API at all, without {@code --yes-create-resources}. With the
 * confirmation it resolves the credentials, prints the account (STS GetCallerIdentity) and provisions the run.
 *
 * <p>With an endpoint override in the target config the same code runs against another endpoint (the
 * reference served over HTTP, in the kit's own tests). STS is then not called unless the option
 * {@code sts-endpoint} says where, and processors are deployed only if {@code lambda-endpoint} and
 * {@code iam-endpoint} say where too: an emulator rarely serves those.
 */
public final class AwsTargetProvider implements TargetProvider {

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public String description() {
        return "Amazon Chime SDK Messaging on AWS (creates and deletes resources; needs --yes-create-resources)";
    }

    @Override
    public Target open(String spec, TargetConfig config) {
        return open(config, System.out, Pause.REAL);
    }

    AwsTarget open(TargetConfig config, PrintStream out, Pause pause) {
        AwsSettings settings = AwsSettings.from(config);
        RunId run = RunId.generate(Clock.systemUTC());
        out.println("Target aws: Amazon Chime SDK Messaging in " + settings.region()
                + (settings.endpoint() == null ? "" : " through the endpoint override " + settings.endpoint()));
        out.println("This run (" + run + ") will create, and delete when it ends:");
        for (String line : settings.plan(run)) {
            out.println("  - " + line);
        }
        if (settings.maxCalls() > 0) {
            out.println("Call budget: at most " + settings.maxCalls() + " calls by scenarios (--max-calls)");
        }
        if (!settings.confirmed()) {
            throw new IllegalArgumentException("refusing to create resources in your AWS account without"
                    + " --yes-create-resources: nothing was created and no AWS API was called."
                    + " Read docs/aws.md for the permissions it needs and what a run costs.");
        }

        // The AWS target always uses real credentials: the default chain, or the profile --profile named.
        TargetConfig withCredentials = config.credentials() == null ? config.withCredentials("default") : config;
        ResourceLedger ledger = new ResourceLedger();
        FlowTracker flows = new FlowTracker(ledger);
        CallGate gate = new CallGate(settings.maxCalls());
        SdkClients clients = SdkClients.open(settings.endpoint(), withCredentials, SdkClients.Retries.PATIENT,
                List.of(gate, flows));
        LambdaClient lambda = null;
        IamClient iam = null;
        try {
            AwsSettings.requireCredentials(clients, " (" + credentialSource(withCredentials) + ")", " Nothing was created.");
            String account = null;
            if (settings.looksUpAccount()) {
                account = settings.account(clients, ". Nothing was created.");
                out.println("Account: " + (settings.maskAccount() ? "************" : account));
            } else {
                out.println("Account: not looked up (endpoint override without sts-endpoint: STS is not called)");
            }
            if (settings.deploysProcessors()) {
                lambda = settings.lambda(clients);
                iam = settings.iam(clients);
            }
            AwsTarget target = new AwsTarget(settings, run, clients, gate, ledger, flows, lambda, iam, account, pause, out);
            out.println("Provisioning run " + run + ":");
            target.provision();
            return target;
        } catch (RuntimeException e) {
            // provision() cleans up after itself; here only local clients are left to close.
            AwsTarget.closeQuietly(lambda, iam, clients);
            throw e;
        }
    }

    private static String credentialSource(TargetConfig config) {
        String how = config.credentials();
        return how.startsWith("profile:") ? "profile " + how.substring("profile:".length()) : "the SDK's default chain";
    }
}
