package chime.conformance.runner.cli;

import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.aws.AwsCleaner;
import chime.conformance.runner.target.aws.AwsResource;
import chime.conformance.runner.target.aws.AwsSettings;
import chime.conformance.runner.target.aws.CleanupReport;
import chime.conformance.runner.target.aws.Pause;
import chime.conformance.runner.target.sdk.SdkClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code sweep}: finds what earlier {@code run --target aws} left in one region (a run that was killed, a
 * cleanup that failed), lists it, and deletes it only with {@code --yes-delete-resources}. It recognises the
 * kit's resources by their name (the {@code chime-conformance-} prefix and a run id) and their mark (tag or
 * AppInstance metadata), and nothing else is touched.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "List, and with --yes-delete-resources delete, AWS resources left by earlier aws runs.")
public final class SweepCommand implements Callable<Integer> {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    @Option(names = "--older-than", required = true,
            description = "Only resources created longer ago than this: 0s, 90m, 6h, 2d, or ISO-8601 (PT6H). A run"
                    + " in progress is younger than its own duration: pick more than that.")
    String olderThan;

    @Option(names = "--yes-delete-resources",
            description = "Delete what is found. Without it, sweep only lists.")
    boolean delete;

    @Option(names = "--target-config",
            description = "YAML target config; its endpoint (and the options sts-endpoint, lambda-endpoint,"
                    + " iam-endpoint) point sweep at another endpoint than AWS, e.g. an emulator.")
    Path targetConfig;

    @Mixin
    AccessOptions access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration age = parseDuration(olderThan);
        TargetConfig config = access.applyTo(targetConfig == null ? TargetConfig.empty() : TargetConfig.load(targetConfig));
        if (config.credentials() == null) {
            config = config.withCredentials("default");
        }
        AwsSettings settings = AwsSettings.from(config);
        PrintWriter out = spec.commandLine().getOut();

        try (SdkClients clients = SdkClients.open(settings.endpoint(), config, SdkClients.Retries.PATIENT)) {
            AwsSettings.requireCredentials(clients, "", "");
            boolean reachesFunctionsAndRoles = settings.endpoint() == null
                    || (settings.lambdaEndpoint() != null && settings.iamEndpoint() != null);
            LambdaClient lambda = null;
            IamClient iam = null;
            try {
                String where = settings.region() + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
                if (settings.looksUpAccount()) {
                    where += ", account " + settings.account(clients, "");
                }
                if (reachesFunctionsAndRoles) {
                    lambda = settings.lambda(clients);
                    iam = settings.iam(clients);
                }
                out.println("Searching " + where + " for chime-conformance resources created more than "
                        + describe(age) + " ago");
                if (!reachesFunctionsAndRoles) {
                    out.println("  (Lambda functions and IAM roles not searched: the endpoint override has no"
                            + " lambda-endpoint and iam-endpoint)");
                }
                AwsCleaner cleaner = new AwsCleaner(clients.identity(), clients.messaging(), lambda, iam, Pause.REAL);
                List<AwsResource> found = cleaner.find(age, Clock.systemUTC());
                if (found.isEmpty()) {
                    out.println("Nothing to sweep.");
                    return 0;
                }
                for (AwsResource r : found) {
                    out.println("  " + r + ", created " + r.createdAt());
                }
                if (!delete) {
                    out.println(found.size() + " found; nothing deleted. Add --yes-delete-resources to delete them.");
                    return 0;
                }
                CleanupReport report = cleaner.deleteAll(found);
                report.deleted().forEach(r -> out.println("  deleted " + r.kind().label() + " " + r.name()));
                report.failed().forEach(f -> out.println("  COULD NOT DELETE " + f.resource() + ": " + f.reason()));
                out.println("Deleted " + report.deleted().size() + " of " + found.size() + ".");
                return report.complete() ? 0 : 1;
            } finally {
                if (lambda != null) {
                    lambda.close();
                }
                if (iam != null) {
                    iam.close();
                }
            }
        }
    }

    /** {@code 0s}, {@code 90m}, {@code 6h}, {@code 2d}, or ISO-8601 ({@code PT6H}, {@code P2D}). */
    static Duration parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException("--older-than must not be negative: " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--older-than '" + text + "' is not a duration: use e.g. 0s, 90m,"
                    + " 6h, 2d or PT6H");
        }
    }

    private static String describe(Duration d) {
        return d.isZero() ? "0 s" : d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
