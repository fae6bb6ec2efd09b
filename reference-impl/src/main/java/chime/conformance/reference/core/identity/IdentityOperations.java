package chime.conformance.reference.core.identity;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.AppInstance;
import chime.conformance.reference.core.model.AppInstanceAdmin;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.support.Identifiers;
import chime.conformance.reference.core.tag.TagStore;
import chime.conformance.reference.core.validation.Check;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The identity operations the kit needs for fixtures (chime-sdk-identity 2021-04-20, model-constraints
 * section 6): AppInstances, AppInstanceUsers and AppInstanceAdmins. Not bearer operations: they are
 * IAM-authorised administrative calls, so there is no caller to check.
 */
public final class IdentityOperations {

    /** UserName: 1 to 100 characters with at least one non-space character. */
    private static final Pattern USER_NAME = Pattern.compile(".*\\S.*", Pattern.DOTALL);
    private static final int MAX_METADATA_BYTES = 1024;

    private final CoreContext ctx;
    private final Consumer<String> appInstanceCleanup;
    private final Object appInstanceCreation = new Object();

    /**
     * @param appInstanceCleanup removes what other parts of the service hold for a deleted AppInstance
     *                           (its channel flows)
     */
    public IdentityOperations(CoreContext ctx, Consumer<String> appInstanceCleanup) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.appInstanceCleanup = Objects.requireNonNull(appInstanceCleanup, "appInstanceCleanup");
    }

    /** CreateAppInstance, idempotent per ClientRequestToken («idempotency behavior as described in the AWS API Standard»). */
    public String createAppInstance(String name, String metadata, String clientRequestToken, List<Tag> tags) {
        Check.resourceName(name, "Name");
        Check.maxUtf8Bytes(metadata, "Metadata", MAX_METADATA_BYTES);
        Check.clientRequestToken(clientRequestToken);
        List<Tag> validTags = TagStore.validate(tags, false);
        return ctx.idempotency().once(List.of("CreateAppInstance", clientRequestToken),
                Arrays.asList(name, metadata, validTags), () -> {
                    synchronized (appInstanceCreation) { // one at a time: the count cannot pass the quota
                        ServiceQuotas.require(ctx.directory().appInstanceCount(),
                                ctx.quotas().appInstancesPerAccount(), "AppInstances per account");
                        Instant now = ctx.clock().now();
                        AppInstance appInstance = new AppInstance(ctx.ids().appInstanceArn(ctx.ids().newId()), name,
                                metadata, now, now, ctx.nextInCreationOrder());
                        ctx.directory().addAppInstance(appInstance);
                        return appInstance.appInstanceArn();
                    }
                });
    }

    public AppInstance describeAppInstance(String appInstanceArn) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        return requireAppInstance(appInstanceArn);
    }

    /** Deletes an AppInstance with all its data: channels, channel flows, users and admins. */
    public void deleteAppInstance(String appInstanceArn) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        AppInstance appInstance = requireAppInstance(appInstanceArn);
        for (ChannelState channel : ctx.channels().allOf(appInstanceArn)) {
            channel.locked(() -> {
                ctx.channels().delete(channel);
                ctx.tags().forget(channel.channelArn());
                return null;
            });
        }
        appInstanceCleanup.accept(appInstanceArn);
        for (AppInstanceUser user : ctx.directory().removeAppInstance(appInstance)) {
            ctx.channels().forgetUser(user.appInstanceUserArn());
            closeSessions(user.appInstanceUserArn());
        }
        // Every record made in the AppInstance names it in its scope; CreateAppInstance's names it as its result.
        ctx.idempotency().forget(appInstance.appInstanceArn());
    }

    /**
     * A deleted user's open sessions end with 4003, a code clients do not reconnect on (Developer Guide,
     * "Handling disconnects": 4003 Forbidden). The close code is a kit decision.
     */
    private void closeSessions(String userArn) {
        ctx.sessions().closeUser(userArn, chime.conformance.reference.core.session.MessagingSession.CLOSE_FORBIDDEN,
                "The AppInstanceUser was deleted");
    }

    public Page<AppInstance> listAppInstances(Integer maxResults, String nextToken) {
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListAppInstances", nextToken, maxResults, KeyCodec.LONG);
        return ctx.paging().page(ctx.directory().appInstancesInOrder(), cursor, KeyCodec.LONG,
                arn -> ctx.directory().appInstance(arn));
    }

    /**
     * CreateAppInstanceUser: the caller chooses the AppInstanceUserId (1 to 64 characters of the model's
     * UserId pattern); the ARN is {@code <appInstanceArn>/user/<AppInstanceUserId>}. A second user with the
     * same ID is a ConflictException, unless it is a retry with the same ClientRequestToken and parameters.
     */
    public String createAppInstanceUser(String appInstanceArn, String appInstanceUserId, String name, String metadata,
                                        String clientRequestToken, List<Tag> tags) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        Check.required(appInstanceUserId, "AppInstanceUserId");
        Check.length(appInstanceUserId, "AppInstanceUserId", 1, 64);
        Check.pattern(appInstanceUserId, "AppInstanceUserId", Check.USER_ID);
        Check.required(name, "Name");
        Check.length(name, "Name", 1, 100);
        Check.pattern(name, "Name", USER_NAME);
        Check.maxUtf8Bytes(metadata, "Metadata", MAX_METADATA_BYTES);
        Check.clientRequestToken(clientRequestToken);
        List<Tag> validTags = TagStore.validate(tags, false);
        requireAppInstance(appInstanceArn);
        return ctx.idempotency().once(List.of("CreateAppInstanceUser", appInstanceArn, clientRequestToken),
                Arrays.asList(appInstanceUserId, name, metadata, validTags), () -> {
                    Instant now = ctx.clock().now();
                    String arn = Identifiers.appInstanceUserArn(appInstanceArn, appInstanceUserId);
                    AppInstanceUser user = new AppInstanceUser(arn, appInstanceArn, appInstanceUserId, name, metadata,
                            now, now);
                    if (ctx.directory().addUserIfAbsent(user, ctx.quotas().usersPerAppInstance()) != null) {
                        throw ApiError.conflict("AppInstanceUser " + appInstanceUserId + " already exists");
                    }
                    return arn;
                });
    }

    public AppInstanceUser describeAppInstanceUser(String appInstanceUserArn) {
        Check.arn(appInstanceUserArn, "AppInstanceUserArn");
        return requireUser(appInstanceUserArn);
    }

    /**
     * Deletes a user. Bans are cleaned up at once (BAN-007), and so are the user's memberships, moderator
     * roles and admin role: nothing refers to a user that no longer exists, and the ARN stops working as a
     * bearer (AUTH-002).
     */
    public void deleteAppInstanceUser(String appInstanceUserArn) {
        Check.arn(appInstanceUserArn, "AppInstanceUserArn");
        AppInstanceUser removed = ctx.directory().removeUser(appInstanceUserArn);
        if (removed == null) {
            throw ApiError.notFound("AppInstanceUser " + appInstanceUserArn + " does not exist");
        }
        ctx.channels().forgetUser(appInstanceUserArn);
        closeSessions(appInstanceUserArn);
        // Its CreateAppInstanceUser record and the records of its own calls as a bearer.
        ctx.idempotency().forget(removed.appInstanceUserArn());
    }

    public Page<AppInstanceUser> listAppInstanceUsers(String appInstanceArn, Integer maxResults, String nextToken) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        requireAppInstance(appInstanceArn);
        Paging.Cursor<String> cursor = ctx.paging().cursor("ListAppInstanceUsers|" + appInstanceArn, nextToken,
                maxResults, KeyCodec.STRING);
        return ctx.paging().page(ctx.directory().usersOf(appInstanceArn), cursor, KeyCodec.STRING, user -> user);
    }

    /**
     * CreateAppInstanceAdmin: «Only an AppInstanceUser can be promoted to an AppInstanceAdmin role», and
     * only a user of that AppInstance (NotFound otherwise). Promoting an admin again is an idempotent success.
     */
    public AppInstanceAdmin createAppInstanceAdmin(String appInstanceArn, String appInstanceAdminArn) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        Check.arn(appInstanceAdminArn, "AppInstanceAdminArn");
        requireAppInstance(appInstanceArn);
        AppInstanceUser user = ctx.directory().userOf(appInstanceArn, appInstanceAdminArn);
        if (user == null) {
            throw ApiError.notFound("AppInstanceUser " + appInstanceAdminArn + " does not exist in the AppInstance");
        }
        AppInstanceAdmin admin = new AppInstanceAdmin(user.identity(), appInstanceArn, ctx.clock().now());
        AppInstanceAdmin existing = ctx.directory().addAdminIfAbsent(admin, ctx.quotas().adminsPerAppInstance());
        return existing != null ? existing : admin;
    }

    public AppInstanceAdmin describeAppInstanceAdmin(String appInstanceArn, String appInstanceAdminArn) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        Check.arn(appInstanceAdminArn, "AppInstanceAdminArn");
        requireAppInstance(appInstanceArn);
        AppInstanceAdmin admin = ctx.directory().admin(appInstanceArn, appInstanceAdminArn);
        if (admin == null) {
            throw ApiError.notFound("AppInstanceAdmin " + appInstanceAdminArn + " does not exist");
        }
        return admin;
    }

    /** Demotes an admin to a plain AppInstanceUser; the user is not deleted. */
    public void deleteAppInstanceAdmin(String appInstanceArn, String appInstanceAdminArn) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        Check.arn(appInstanceAdminArn, "AppInstanceAdminArn");
        requireAppInstance(appInstanceArn);
        if (ctx.directory().removeAdmin(appInstanceArn, appInstanceAdminArn) == null) {
            throw ApiError.notFound("AppInstanceAdmin " + appInstanceAdminArn + " does not exist");
        }
    }

    public Page<AppInstanceAdmin> listAppInstanceAdmins(String appInstanceArn, Integer maxResults, String nextToken) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        requireAppInstance(appInstanceArn);
        Paging.Cursor<String> cursor = ctx.paging().cursor("ListAppInstanceAdmins|" + appInstanceArn, nextToken,
                maxResults, KeyCodec.STRING);
        return ctx.paging().page(ctx.directory().adminsOf(appInstanceArn), cursor, KeyCodec.STRING, admin -> admin);
    }

    private AppInstance requireAppInstance(String appInstanceArn) {
        AppInstance appInstance = ctx.directory().appInstance(appInstanceArn);
        if (appInstance == null) {
            throw ApiError.notFound("AppInstance " + appInstanceArn + " does not exist");
        }
        return appInstance;
    }

    private AppInstanceUser requireUser(String appInstanceUserArn) {
        AppInstanceUser user = ctx.directory().user(appInstanceUserArn);
        if (user == null) {
            throw ApiError.notFound("AppInstanceUser " + appInstanceUserArn + " does not exist");
        }
        return user;
    }
}
