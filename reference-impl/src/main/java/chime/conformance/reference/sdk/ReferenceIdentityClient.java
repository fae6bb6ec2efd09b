package chime.conformance.reference.sdk;

import chime.conformance.reference.core.MessagingCore;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.AppInstance;
import chime.conformance.reference.core.model.AppInstanceAdmin;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.paging.Page;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityServiceClientConfiguration;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceAdminSummary;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceSummary;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceAdminRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceAdminResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceAdminRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceAdminResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DeleteAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceAdminRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceAdminResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.DescribeAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstanceAdminsRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstanceAdminsResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstanceUsersRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstanceUsersResponse;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstancesRequest;
import software.amazon.awssdk.services.chimesdkidentity.model.ListAppInstancesResponse;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static chime.conformance.reference.sdk.MessagingModels.answer;

/**
 * The identity subset the kit needs for fixtures, as a {@link ChimeSdkIdentityClient}: AppInstances,
 * AppInstanceUsers and AppInstanceAdmins. Other identity operations keep the SDK's default
 * (UnsupportedOperationException). Rejections become the identity service's modeled exceptions.
 */
public final class ReferenceIdentityClient implements ChimeSdkIdentityClient {

    private final MessagingCore core;
    private final boolean sdkTokenAutofill;

    public ReferenceIdentityClient(MessagingCore core, boolean sdkTokenAutofill) {
        this.core = Objects.requireNonNull(core, "core");
        this.sdkTokenAutofill = sdkTokenAutofill;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public ChimeSdkIdentityServiceClientConfiguration serviceClientConfiguration() {
        return ChimeSdkIdentityServiceClientConfiguration.builder().region(Region.of(core.region())).build();
    }

    @Override
    public void close() {
        // The core belongs to the ReferenceService that created this client.
    }

    private <T> T call(String operation, Supplier<T> body) {
        try {
            core.faults().beforeCall(operation);
            return body.get();
        } catch (ApiError error) {
            throw SdkErrors.identity(error);
        }
    }

    private String idempotencyToken(String token) {
        return token == null && sdkTokenAutofill ? UUID.randomUUID().toString() : token;
    }

    private static List<Tag> tags(boolean present, List<software.amazon.awssdk.services.chimesdkidentity.model.Tag> tags) {
        return present ? tags.stream().map(tag -> tag == null ? null : new Tag(tag.key(), tag.value())).toList() : null;
    }

    private static software.amazon.awssdk.services.chimesdkidentity.model.Identity identity(Identity identity) {
        return software.amazon.awssdk.services.chimesdkidentity.model.Identity.builder()
                .arn(identity.arn()).name(identity.name()).build();
    }

    @Override
    public CreateAppInstanceResponse createAppInstance(CreateAppInstanceRequest request) {
        return call("CreateAppInstance", () -> answer(CreateAppInstanceResponse.builder().appInstanceArn(
                core.identity().createAppInstance(request.name(), request.metadata(),
                        idempotencyToken(request.clientRequestToken()), tags(request.hasTags(), request.tags())))));
    }

    @Override
    public DescribeAppInstanceResponse describeAppInstance(DescribeAppInstanceRequest request) {
        return call("DescribeAppInstance", () -> {
            AppInstance appInstance = core.identity().describeAppInstance(request.appInstanceArn());
            return answer(DescribeAppInstanceResponse.builder().appInstance(
                    software.amazon.awssdk.services.chimesdkidentity.model.AppInstance.builder()
                            .appInstanceArn(appInstance.appInstanceArn())
                            .name(appInstance.name())
                            .metadata(appInstance.metadata())
                            .createdTimestamp(appInstance.createdTimestamp())
                            .lastUpdatedTimestamp(appInstance.lastUpdatedTimestamp())
                            .build()));
        });
    }

    @Override
    public DeleteAppInstanceResponse deleteAppInstance(DeleteAppInstanceRequest request) {
        return call("DeleteAppInstance", () -> {
            core.identity().deleteAppInstance(request.appInstanceArn());
            return answer(DeleteAppInstanceResponse.builder());
        });
    }

    @Override
    public ListAppInstancesResponse listAppInstances(ListAppInstancesRequest request) {
        return call("ListAppInstances", () -> {
            Page<AppInstance> page = core.identity().listAppInstances(request.maxResults(), request.nextToken());
            return answer(ListAppInstancesResponse.builder()
                    .appInstances(page.items().stream().map(appInstance -> AppInstanceSummary.builder()
                            .appInstanceArn(appInstance.appInstanceArn())
                            .name(appInstance.name())
                            .metadata(appInstance.metadata())
                            .build()).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public CreateAppInstanceUserResponse createAppInstanceUser(CreateAppInstanceUserRequest request) {
        return call("CreateAppInstanceUser", () -> answer(CreateAppInstanceUserResponse.builder()
                .appInstanceUserArn(core.identity().createAppInstanceUser(request.appInstanceArn(),
                        request.appInstanceUserId(), request.name(), request.metadata(),
                        idempotencyToken(request.clientRequestToken()), tags(request.hasTags(), request.tags())))));
    }

    @Override
    public DescribeAppInstanceUserResponse describeAppInstanceUser(DescribeAppInstanceUserRequest request) {
        return call("DescribeAppInstanceUser", () -> {
            AppInstanceUser user = core.identity().describeAppInstanceUser(request.appInstanceUserArn());
            return answer(DescribeAppInstanceUserResponse.builder().appInstanceUser(
                    software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceUser.builder()
                            .appInstanceUserArn(user.appInstanceUserArn())
                            .name(user.name())
                            .metadata(user.metadata())
                            .createdTimestamp(user.createdTimestamp())
                            .lastUpdatedTimestamp(user.lastUpdatedTimestamp())
                            .build()));
        });
    }

    @Override
    public DeleteAppInstanceUserResponse deleteAppInstanceUser(DeleteAppInstanceUserRequest request) {
        return call("DeleteAppInstanceUser", () -> {
            core.identity().deleteAppInstanceUser(request.appInstanceUserArn());
            return answer(DeleteAppInstanceUserResponse.builder());
        });
    }

    @Override
    public ListAppInstanceUsersResponse listAppInstanceUsers(ListAppInstanceUsersRequest request) {
        return call("ListAppInstanceUsers", () -> {
            Page<AppInstanceUser> page = core.identity().listAppInstanceUsers(request.appInstanceArn(),
                    request.maxResults(), request.nextToken());
            return answer(ListAppInstanceUsersResponse.builder()
                    .appInstanceArn(request.appInstanceArn())
                    .appInstanceUsers(page.items().stream().map(user -> AppInstanceUserSummary.builder()
                            .appInstanceUserArn(user.appInstanceUserArn())
                            .name(user.name())
                            .metadata(user.metadata())
                            .build()).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public CreateAppInstanceAdminResponse createAppInstanceAdmin(CreateAppInstanceAdminRequest request) {
        return call("CreateAppInstanceAdmin", () -> {
            AppInstanceAdmin admin = core.identity().createAppInstanceAdmin(request.appInstanceArn(),
                    request.appInstanceAdminArn());
            return answer(CreateAppInstanceAdminResponse.builder()
                    .appInstanceAdmin(identity(admin.admin()))
                    .appInstanceArn(admin.appInstanceArn()));
        });
    }

    @Override
    public DescribeAppInstanceAdminResponse describeAppInstanceAdmin(DescribeAppInstanceAdminRequest request) {
        return call("DescribeAppInstanceAdmin", () -> {
            AppInstanceAdmin admin = core.identity().describeAppInstanceAdmin(request.appInstanceArn(),
                    request.appInstanceAdminArn());
            return answer(DescribeAppInstanceAdminResponse.builder().appInstanceAdmin(
                    software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceAdmin.builder()
                            .admin(identity(admin.admin()))
                            .appInstanceArn(admin.appInstanceArn())
                            .createdTimestamp(admin.createdTimestamp())
                            .build()));
        });
    }

    @Override
    public DeleteAppInstanceAdminResponse deleteAppInstanceAdmin(DeleteAppInstanceAdminRequest request) {
        return call("DeleteAppInstanceAdmin", () -> {
            core.identity().deleteAppInstanceAdmin(request.appInstanceArn(), request.appInstanceAdminArn());
            return answer(DeleteAppInstanceAdminResponse.builder());
        });
    }

    @Override
    public ListAppInstanceAdminsResponse listAppInstanceAdmins(ListAppInstanceAdminsRequest request) {
        return call("ListAppInstanceAdmins", () -> {
            Page<AppInstanceAdmin> page = core.identity().listAppInstanceAdmins(request.appInstanceArn(),
                    request.maxResults(), request.nextToken());
            return answer(ListAppInstanceAdminsResponse.builder()
                    .appInstanceArn(request.appInstanceArn())
                    .appInstanceAdmins(page.items().stream()
                            .map(admin -> AppInstanceAdminSummary.builder().admin(identity(admin.admin())).build())
                            .toList())
                    .nextToken(page.nextToken()));
        });
    }
}
