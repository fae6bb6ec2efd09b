package chime.conformance.runner.cli;

import chime.conformance.runner.target.TargetConfig;
import picocli.CommandLine.Option;

/**
 * Where and as whom to reach a service: {@code --region} and {@code --profile}, shared by {@code run} and
 * {@code sweep}. They go into the target config, which any target may read; they override the config file.
 */
public final class AccessOptions {

    @Option(names = "--region",
            description = "AWS region (the aws target, sweep; an endpoint's signing region). Default: the target"
                    + " config's, else us-east-1.")
    String region;

    @Option(names = "--profile",
            description = "Take credentials from this profile of the AWS shared config and credentials files,"
                    + " instead of the SDK's default chain.")
    String profile;

    public TargetConfig applyTo(TargetConfig config) {
        TargetConfig result = config;
        if (region != null) {
            if (region.isBlank()) {
                throw new IllegalArgumentException("--region must not be empty");
            }
            result = result.withRegion(region.trim());
        }
        if (profile != null) {
            if (profile.isBlank()) {
                throw new IllegalArgumentException("--profile must not be empty");
            }
            result = result.withCredentials("profile:" + profile.trim());
        }
        return result;
    }
}
