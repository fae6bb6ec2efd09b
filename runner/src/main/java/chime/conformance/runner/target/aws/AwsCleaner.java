package chime.conformance.runner.target.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceSummary;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelAssociatedWithFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowSummary;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Finds and deletes what the kit created on AWS, one resource at a time: the end of a run and {@code sweep}
 * use the same code. Deleting what is already gone succeeds (a cleanup may run twice, e.g. after an interrupt), and
 * conflicts that settle with time (a channel flow still associated a moment after its disassociation, an
 * IAM role whose policy removal has not propagated) are retried with backoff.
 *
 * <p>A channel flow cannot be deleted while channels are associated with it, and disassociating needs a
 * ChimeBearer with the right to do it. The cleaner therefore makes a user of the flow's AppInstance, the
 * janitor, an AppInstanceAdmin (AUTH-024) and disassociates as that user. The janitor lives inside the
 * AppInstance about to be deleted, so it leaves nothing behind.
 *
 * <p>{@link #find} lists what earlier runs left (a run killed before its cleanup, a cleanup that failed) in
 * one region of one account. A resource is the kit's only when both hold: its name is a kit name with a run
 * id ({@link RunId#PREFIX}) and it carries the kit's mark (an AppInstance's metadata, a function's or role's
 * {@value AwsTarget#RUN_TAG} tag; roles also live under the path {@value AwsTarget#ROLE_PATH}). Anything
 * else is never listed, so never deleted. Age is the service's creation time where it tells one, otherwise
 * the start of the run named in the resource.
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

    /** {@code lambda} and {@code iam} may be null where no processors were deployed: those kinds are not searched. */
    public AwsCleaner(ChimeSdkIdentityClient identity, ChimeSdkMessagingClient messaging, LambdaClient lambda,
                      IamClient iam, Pause pause) {
        this.identity = identity;
        this.messaging = messaging;
        this.lambda = lambda;
        this.iam = iam;
        this.pause = pause;
    }

    /** The kit's resources created more than {@code olderThan} ago (by {@code clock}), in the order to delete them. */
    public List<AwsResource> find(Duration olderThan, Clock clock) {
        Instant cutoff = clock.instant().minus(olderThan);
        List<AwsResource> found = new ArrayList<>(appInstances());
        if (lambda != null) {
            found.addAll(functions());
        }
        if (iam != null) {
            found.addAll(roles());
        }
        return found.stream()
                .filter(r -> !r.createdAt().isAfter(cutoff))
                .sorted(Comparator.comparing((AwsResource r) -> r.kind().ordinal()).reversed()
                        .thenComparing(AwsResource::createdAt))
                .toList();
    }

    private List<AwsResource> appInstances() {
        List<AwsResource> found = new ArrayList<>();
        for (AppInstanceSummary summary : identity.listAppInstancesPaginator(r -> { }).stream()
                .flatMap(page -> page.appInstances().stream()).toList()) {
            Optional<RunId> run = RunId.ofName(summary.name());
            if (run.isEmpty() || !AwsTarget.isKitMetadata(summary.metadata())) {
                continue;
            }
            Optional<Instant> told = unlessGone(() -> Optional.ofNullable(identity.describeAppInstance(
                    r -> r.appInstanceArn(summary.appInstanceArn())).appInstance().createdTimestamp()), null);
            if (told != null) {
                found.add(new AwsResource(AwsResource.Kind.APP_INSTANCE, summary.appInstanceArn(), summary.name(),
                        told.orElse(run.get().startedAt())));
            }
        }
        return found;
    }

    private List<AwsResource> functions() {
        List<AwsResource> found = new ArrayList<>();
        for (FunctionConfiguration function : lambda.listFunctionsPaginator(r -> { }).functions()) {
            Optional<RunId> run = RunId.ofName(function.functionName());
            if (run.isPresent() && run.get().value().equals(unlessGone(() -> lambda.listTags(
                    r -> r.resource(function.functionArn())).tags().get(AwsTarget.RUN_TAG), null))) {
                found.add(new AwsResource(AwsResource.Kind.LAMBDA_FUNCTION, function.functionName(),
                        function.functionName(), run.get().startedAt()));
            }
        }
        return found;
    }

    private List<AwsResource> roles() {
        List<AwsResource> found = new ArrayList<>();
        for (Role role : iam.listRolesPaginator(r -> r.pathPrefix(AwsTarget.ROLE_PATH)).roles()) {
            Optional<RunId> run = RunId.ofName(role.roleName());
            if (run.isPresent() && AwsTarget.ROLE_PATH.equals(role.path()) && unlessGone(() -> iam.listRoleTags(
                    r -> r.roleName(role.roleName())).tags().stream().anyMatch(t -> AwsTarget.RUN_TAG.equals(t.key())
                    && run.get().value().equals(t.value())), false)) {
                found.add(new AwsResource(AwsResource.Kind.IAM_ROLE, role.roleName(), role.roleName(),
                        role.createDate() == null ? run.get().startedAt() : role.createDate()));
            }
        }
        return found;
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
        List<String> flows = unlessGone(() -> flowsOf(appInstanceArn), null);
        if (flows == null) {
            return;
        }
        for (String flow : flows) {
            deleteChannelFlow(flow);
        }
        retrying("DeleteAppInstance " + appInstanceArn, () -> identity.deleteAppInstance(r -> r.appInstanceArn(appInstanceArn)));
    }

    /** Disassociates the flow from every channel, then deletes it. */
    public void deleteChannelFlow(String channelFlowArn) {
        List<String> channels = unlessGone(() -> channelsAssociatedWith(channelFlowArn), null);
        if (channels == null) {
            return;
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
        List<String> inline = unlessGone(() -> iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()
                .stream().toList(), null);
        List<AttachedPolicy> attached = unlessGone(() -> iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                .attachedPolicies().stream().toList(), null);
        if (inline == null || attached == null) {
            return;
        }
        for (String policy : inline) {
            retrying("DeleteRolePolicy " + roleName + "/" + policy,
                    () -> iam.deleteRolePolicy(r -> r.roleName(roleName).policyName(policy)));
        }
        for (AttachedPolicy policy : attached) {
            retrying("DetachRolePolicy " + roleName + "/" + policy.policyName(),
                    () -> iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policy.policyArn())));
        }
        retrying("DeleteRole " + roleName, () -> iam.deleteRole(r -> r.roleName(roleName)));
    }

    List<String> flowsOf(String appInstanceArn) {
        return messaging.listChannelFlowsPaginator(r -> r.appInstanceArn(appInstanceArn)).stream()
                .flatMap(page -> page.channelFlows().stream()).map(ChannelFlowSummary::channelFlowArn).toList();
    }

    List<String> channelsAssociatedWith(String channelFlowArn) {
        return messaging.listChannelsAssociatedWithChannelFlowPaginator(r -> r.channelFlowArn(channelFlowArn)).stream()
                .flatMap(page -> page.channels().stream()).map(ChannelAssociatedWithFlowSummary::channelArn).toList();
    }

    /** What {@code call} answers, or {@code gone} when what it asks about no longer exists. */
    private static <T> T unlessGone(Supplier<T> call, T gone) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                return gone;
            }
            throw e;
        }
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
