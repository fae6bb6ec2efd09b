package chime.conformance.runner.target.aws;

import java.time.Instant;

/**
 * A resource the kit created on AWS (or, when sweeping, found there): what it is, how to address it, and
 * when it was made. Channels, AppInstanceUsers and AppInstanceAdmins are not listed on their own: they go
 * with their AppInstance, and the AppInstance's channel flows are deleted before it.
 *
 * @param id        the ARN of an AppInstance or channel flow, the name of a Lambda function or IAM role
 * @param name      the resource's name (carries the run id)
 * @param createdAt when it was created, as the service says or, failing that, when its run started
 */
public record AwsResource(Kind kind, String id, String name, Instant createdAt) {

    /** In the order a run creates them; cleanup goes the other way. */
    public enum Kind {
        IAM_ROLE("IAM role"),
        LAMBDA_FUNCTION("Lambda function"),
        APP_INSTANCE("AppInstance"),
        CHANNEL_FLOW("channel flow");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return kind.label() + " " + name + (id.equals(name) ? "" : " (" + id + ")");
    }
}
