package chime.conformance.runner.target.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelAssociatedWithFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelFlowsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsAssociatedWithChannelFlowResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Deletes what the kit created on AWS, one resource at a time: the end of a run and {@code sweep} use the
 * same code. Deleting what is already gone succeeds (a cleanup may run twice, e.g. after an interrupt), and
 * conflicts that settle with time (a channel flow still associated a moment after its disassociation, an
 * IAM role whose policy removal has not propagated) are retried with backoff.
 *
 * <p>A channel flow cannot be deleted while channels are associated with it, and disassociating needs a
 * ChimeBearer with the right to do it. The cleaner therefore makes a user of the flow's AppInstance, the
 * janitor, an AppInstanceAdmin (AUTH-024) and disassociates as that user. The janitor lives inside the
 * AppInstance about to be deleted, so it leaves nothing behind.
 */
public final class AwsCleaner {

    static final String JANITOR_USER_ID = "chime-conformance-janitor";
    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private static final Set<String> GONE = Set.of("NotFoundException", "ResourceNotFoundException",
            "NoSuchEntityException");
    private static final Set<String> SETTLING = Set.of("ConflictException", "ResourceConflictException",
            "DeleteConflictException", "ConcurrentModificationException", "ResourceInUseException",
            "ThrottledClientException", "ServiceUnavailableException", "ServiceFailureException");

    private final ChimeSdkIdentityClient identity;
    private final ChimeSdkMessagingClient messaging;
    private final LambdaClient lambda;
    private final IamClient iam;
    private final Pause pause;
    private final Map<String, String> janitors = new ConcurrentHashMap<>();

    /** {@code lambda} and {@code iam} may be null where no processors were deployed (nor are swept). */
    public AwsCleaner(ChimeSdkIdentityClient identity, ChimeSdkMessagingClient messaging, LambdaClient lambda,
                      IamClient iam, Pause pause) {
        this.identity = identity;
        this.messaging = messaging;
        this.lambda = lambda;
        this.iam = iam;
        this.pause = pause;
    }

    /** Deletes each resource in the order given, going on after a failure; says what happened. */
    public CleanupReport deleteAll(List<AwsResource> resources) {
        List<AwsResource> deleted = new ArrayList<>();
        List<CleanupReport.Failure> failed = new ArrayList<>();
        for (AwsResource resource : resources) {
            try {
                delete(resource);
                deleted.add(resource);
            } catch (RuntimeException e) {
                failed.add(new CleanupReport.Failure(resource, describe(e)));
            }
        }
        return new CleanupReport(deleted, failed);
    }

    public void delete(AwsResource resource) {
        switch (resource.kind()) {
            case APP_INSTANCE -> deleteAppInstance(resource.id());
            case CHANNEL_FLOW -> deleteChannelFlow(resource.id());
            case LAMBDA_FUNCTION -> deleteFunction(resource.id());
            case IAM_ROLE -> deleteRole(resource.id());
            default -> throw new IllegalArgumentException("unknown kind " + resource.kind());
        }
    }

    /** Its channel flows first (they are not part of the AppInstance's data), then the AppInstance itself. */
    public void deleteAppInstance(String appInstanceArn) {
        List<String> flows;
        try {
            flows = flowsOf(appInstanceArn);
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                return;
            }
            throw e;
        }
        for (String flow : flows) {
            deleteChannelFlow(flow);
        }
        retrying("DeleteAppInstance " + appInstanceArn, () -> identity.deleteAppInstance(r -> r.appInstanceArn(appInstanceArn)));
    }

    /** Disassociates the flow from every channel, then deletes it. */
    public void deleteChannelFlow(String channelFlowArn) {
        List<String> channels;
        try {
            channels = channelsAssociatedWith(channelFlowArn);
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                return;
            }
            throw e;
        }
        if (!channels.isEmpty()) {
            String bearer = janitor(appInstanceOf(channelFlowArn));
            for (String channel : channels) {
                // Forbidden is retried too: a new AppInstanceAdmin may take a moment to be recognised.
                retrying("DisassociateChannelFlow " + channel, Set.of("ForbiddenException"),
                        () -> messaging.disassociateChannelFlow(r -> r.channelArn(channel)
                                .channelFlowArn(channelFlowArn).chimeBearer(bearer)));
            }
        }
        retrying("DeleteChannelFlow " + channelFlowArn, () -> messaging.deleteChannelFlow(r -> r.channelFlowArn(channelFlowArn)));
    }

    public void deleteFunction(String functionName) {
        if (lambda == null) {
            throw new IllegalStateException("no Lambda client to delete function " + functionName + " with");
        }
        retrying("DeleteFunction " + functionName, () -> lambda.deleteFunction(r -> r.functionName(functionName)));
    }

    /** A role goes only without policies: inline ones are deleted, attached ones detached, then the role. */
    public void deleteRole(String roleName) {
        if (iam == null) {
            throw new IllegalStateException("no IAM client to delete role " + roleName + " with");
        }
        try {
            String marker = null;
            do {
                String from = marker;
                ListRolePoliciesResponse page = iam.listRolePolicies(r -> r.roleName(roleName).marker(from));
                for (String policy : page.policyNames()) {
                    retrying("DeleteRolePolicy " + roleName + "/" + policy,
                            () -> iam.deleteRolePolicy(r -> r.roleName(roleName).policyName(policy)));
                }
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
            marker = null;
            do {
                String from = marker;
                ListAttachedRolePoliciesResponse page = iam.listAttachedRolePolicies(r -> r.roleName(roleName).marker(from));
                for (AttachedPolicy policy : page.attachedPolicies()) {
                    retrying("DetachRolePolicy " + roleName + "/" + policy.policyName(),
                            () -> iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policy.policyArn())));
                }
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                return;
            }
            throw e;
        }
        retrying("DeleteRole " + roleName, () -> iam.deleteRole(r -> r.roleName(roleName)));
    }

    List<String> flowsOf(String appInstanceArn) {
        List<String> flows = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListChannelFlowsResponse page = messaging.listChannelFlows(r -> r.appInstanceArn(appInstanceArn).nextToken(from));
            page.channelFlows().stream().map(ChannelFlowSummary::channelFlowArn).forEach(flows::add);
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return flows;
    }

    List<String> channelsAssociatedWith(String channelFlowArn) {
        List<String> channels = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListChannelsAssociatedWithChannelFlowResponse page = messaging.listChannelsAssociatedWithChannelFlow(
                    r -> r.channelFlowArn(channelFlowArn).nextToken(from));
            page.channels().stream().map(ChannelAssociatedWithFlowSummary::channelArn).forEach(channels::add);
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return channels;
    }

    /** {@code arn:aws:chime:R:A:app-instance/ID/channel-flow/FID} belongs to {@code arn:aws:chime:R:A:app-instance/ID}. */
    static String appInstanceOf(String channelFlowArn) {
        int at = channelFlowArn.indexOf("/channel-flow/");
        if (at < 0) {
            throw new IllegalArgumentException("not a channel flow ARN: " + channelFlowArn);
        }
        return channelFlowArn.substring(0, at);
    }

    /** The janitor of an AppInstance: a user made AppInstanceAdmin, created on first need. */
    String janitor(String appInstanceArn) {
        return janitors.computeIfAbsent(appInstanceArn, instance -> {
            String userArn;
            try {
                userArn = identity.createAppInstanceUser(r -> r.appInstanceArn(instance)
                        .appInstanceUserId(JANITOR_USER_ID).name(JANITOR_USER_ID)
                        .clientRequestToken(UUID.randomUUID().toString())).appInstanceUserArn();
            } catch (AwsServiceException e) {
                if (!"ConflictException".equals(e.getClass().getSimpleName())) {
                    throw e;
                }
                // Left by an earlier, interrupted cleanup: the user id is fixed, so is the ARN.
                userArn = instance + "/user/" + JANITOR_USER_ID;
            }
            String admin = userArn;
            try {
                identity.createAppInstanceAdmin(r -> r.appInstanceArn(instance).appInstanceAdminArn(admin));
            } catch (AwsServiceException e) {
                if (!"ConflictException".equals(e.getClass().getSimpleName())) {
                    throw e;
                }
            }
            return userArn;
        });
    }

    private void retrying(String what, Runnable call) {
        retrying(what, Set.of(), call);
    }

    private void retrying(String what, Set<String> alsoSettling, Runnable call) {
        Duration wait = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (AwsServiceException e) {
                if (isGone(e)) {
                    return;
                }
                String type = e.getClass().getSimpleName();
                boolean settles = SETTLING.contains(type) || alsoSettling.contains(type) || e.isThrottlingException();
                if (!settles || attempt >= ATTEMPTS) {
                    throw new IllegalStateException(what + " failed: " + describe(e), e);
                }
            }
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted", e);
            }
            wait = wait.multipliedBy(2);
        }
    }

    static boolean isGone(AwsServiceException e) {
        return GONE.contains(e.getClass().getSimpleName());
    }

    /** The error type and the service's message, never request details (no credentials, no signatures). */
    static String describe(Throwable e) {
        if (e instanceof IllegalStateException && e.getCause() instanceof SdkException) {
            return e.getMessage();
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return e.getClass().getSimpleName() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
