package chime.conformance.reference.core.quota;

import chime.conformance.reference.core.error.ApiError;

/**
 * The service quotas of Amazon Chime SDK messaging: how many of each resource the service holds, answered
 * with ResourceLimitExceededException past the limit. The defaults are the Developer Guide's messaging quota
 * table (doc_source/messaging-quotas.md, published at
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/messaging-quotas.html until late 2022, since then deferred
 * to the AWS General Reference); every one is adjustable on AWS, and here through
 * {@code ReferenceService.builder().quotas(...)}. Channel processors per flow (1) is
 * {@code processorsPerFlow}; messages have no count quota (the server's memory budget bounds them).
 *
 * @param appInstancesPerAccount     "App instances per AWS account": 100
 * @param usersPerAppInstance        "Users per app instance": 100,000
 * @param adminsPerAppInstance       "Admins per app instance": 100
 * @param channelsPerAppInstance     "Channels per app instance": 10,000,000
 * @param membershipsPerChannel      "Memberships per channel": 10,000
 * @param moderatorsPerChannel       "Moderators per channel": 1,000
 * @param channelFlowsPerAppInstance "Channel flows per App Instance": 100
 */
public record ServiceQuotas(int appInstancesPerAccount, int usersPerAppInstance, int adminsPerAppInstance,
                            int channelsPerAppInstance, int membershipsPerChannel, int moderatorsPerChannel,
                            int channelFlowsPerAppInstance) {

    public ServiceQuotas {
        if (appInstancesPerAccount < 1 || usersPerAppInstance < 1 || adminsPerAppInstance < 1
                || channelsPerAppInstance < 1 || membershipsPerChannel < 1 || moderatorsPerChannel < 1
                || channelFlowsPerAppInstance < 1) {
            throw new IllegalArgumentException("every quota must be at least 1");
        }
    }

    /** The documented defaults. */
    public static ServiceQuotas aws() {
        return new ServiceQuotas(100, 100_000, 100, 10_000_000, 10_000, 1_000, 100);
    }

    /** ResourceLimitExceededException when {@code current} already uses up {@code limit} of {@code what}. */
    public static void require(long current, long limit, String what) {
        if (current >= limit) {
            throw exceeded(limit, what);
        }
    }

    /** The one wording of a quota refusal, e.g. "The quota of 10000 memberships per channel is reached". */
    public static ApiError exceeded(long limit, String what) {
        return ApiError.resourceLimitExceeded("The quota of " + limit + " " + what + " is reached");
    }
}
