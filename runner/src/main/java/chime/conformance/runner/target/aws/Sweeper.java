package chime.conformance.runner.target.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceSummary;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstancesResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * Finds what earlier runs left on AWS (a run killed before its cleanup, a cleanup that failed) in one
 * region of one account. A resource is the kit's only when both hold: its name is a kit name with a run id
 * ({@link RunId#PREFIX}) and it carries the kit's mark (an AppInstance's metadata, a function's or role's
 * {@value AwsTarget#RUN_TAG} tag; roles also live under the path {@value AwsTarget#ROLE_PATH}). Anything
 * else is never listed, so never deleted. Age is the service's creation time where it tells one, otherwise
 * the start of the run named in the resource.
 */
public final class Sweeper {

    private final ChimeSdkIdentityClient identity;
    private final LambdaClient lambda;
    private final IamClient iam;
    private final Clock clock;

    /** {@code lambda} and {@code iam} may be null: those kinds are then not searched. */
    public Sweeper(ChimeSdkIdentityClient identity, LambdaClient lambda, IamClient iam, Clock clock) {
        this.identity = identity;
        this.lambda = lambda;
        this.iam = iam;
        this.clock = clock;
    }

    /** The kit's resources created more than {@code olderThan} ago, in the order to delete them. */
    public List<AwsResource> find(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        List<AwsResource> found = new ArrayList<>();
        found.addAll(appInstances());
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

    public boolean searchesFunctionsAndRoles() {
        return lambda != null && iam != null;
    }

    private List<AwsResource> appInstances() {
        List<AwsResource> found = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListAppInstancesResponse page = identity.listAppInstances(r -> r.nextToken(from));
            for (AppInstanceSummary summary : page.appInstances()) {
                Optional<RunId> run = RunId.ofName(summary.name());
                if (run.isEmpty() || !AwsTarget.isKitMetadata(summary.metadata())) {
                    continue;
                }
                Instant created = run.get().startedAt();
                try {
                    Instant told = identity.describeAppInstance(r -> r.appInstanceArn(summary.appInstanceArn()))
                            .appInstance().createdTimestamp();
                    if (told != null) {
                        created = told;
                    }
                } catch (AwsServiceException e) {
                    if (AwsCleaner.isGone(e)) {
                        continue;
                    }
                    throw e;
                }
                found.add(new AwsResource(AwsResource.Kind.APP_INSTANCE, summary.appInstanceArn(), summary.name(), created));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return found;
    }

    private List<AwsResource> functions() {
        List<AwsResource> found = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListFunctionsResponse page = lambda.listFunctions(r -> r.marker(from));
            for (FunctionConfiguration function : page.functions()) {
                Optional<RunId> run = RunId.ofName(function.functionName());
                if (run.isEmpty()) {
                    continue;
                }
                String tag;
                try {
                    tag = lambda.listTags(r -> r.resource(function.functionArn())).tags().get(AwsTarget.RUN_TAG);
                } catch (AwsServiceException e) {
                    if (AwsCleaner.isGone(e)) {
                        continue;
                    }
                    throw e;
                }
                if (run.get().value().equals(tag)) {
                    found.add(new AwsResource(AwsResource.Kind.LAMBDA_FUNCTION, function.functionName(),
                            function.functionName(), run.get().startedAt()));
                }
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return found;
    }

    private List<AwsResource> roles() {
        List<AwsResource> found = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListRolesResponse page = iam.listRoles(r -> r.pathPrefix(AwsTarget.ROLE_PATH).marker(from));
            for (Role role : page.roles()) {
                Optional<RunId> run = RunId.ofName(role.roleName());
                if (run.isEmpty() || !AwsTarget.ROLE_PATH.equals(role.path())) {
                    continue;
                }
                boolean tagged;
                try {
                    tagged = iam.listRoleTags(r -> r.roleName(role.roleName())).tags().stream()
                            .anyMatch(t -> AwsTarget.RUN_TAG.equals(t.key()) && run.get().value().equals(t.value()));
                } catch (AwsServiceException e) {
                    if (AwsCleaner.isGone(e)) {
                        continue;
                    }
                    throw e;
                }
                if (tagged) {
                    found.add(new AwsResource(AwsResource.Kind.IAM_ROLE, role.roleName(), role.roleName(),
                            role.createDate() == null ? run.get().startedAt() : role.createDate()));
                }
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return found;
    }
}
