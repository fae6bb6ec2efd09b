package chime.conformance.reference.core.channel;

import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipForAppInstanceUser;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelMode;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.model.ChannelPrivacy;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.session.SessionEventType;
import chime.conformance.reference.core.session.SessionPayloads;
import chime.conformance.reference.core.tag.TagStore;
import chime.conformance.reference.core.validation.Check;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Channels: CreateChannel, UpdateChannel, DeleteChannel, DescribeChannel, ListChannels and the
 * per-user views (DescribeChannelMembershipForAppInstanceUser, ListChannelMembershipsForAppInstanceUser,
 * DescribeChannelModeratedByAppInstanceUser, ListChannelsModeratedByAppInstanceUser).
 */
public final class ChannelOperations {

    /** The documentation's channel metadata limit: "Limited to 1KB and UTF-8" (SIZE-006). */
    public static final int MAX_METADATA_BYTES = 1024;

    private final CoreContext ctx;

    public ChannelOperations(CoreContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * CHAN-001. Mode defaults to UNRESTRICTED and Privacy to PUBLIC (CHAN-002, CHAN-003, kit decisions).
     * Anyone in the AppInstance may create a channel there (AUTH-003). The creator becomes a DEFAULT member
     * and a moderator of the channel, in the same step as the channel itself (CHAN-026: the Developer Guide,
     * "Creating elastic channels": "For non-elastic channels, the AppInstanceUser that creates the channel is
     * automatically added to that channel as a member and moderator"). Idempotent per ClientRequestToken
     * (IDEM-001, IDEM-006): a replay returns the channel and adds nobody again.
     */
    public String create(String chimeBearer, String appInstanceArn, String name, String mode, String privacy,
                         String metadata, String clientRequestToken, List<Tag> tags) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        Check.resourceName(name, "Name");
        ChannelMode channelMode = Check.optionalEnum(ChannelMode.class, mode, "Mode", ChannelMode.UNRESTRICTED);
        ChannelPrivacy channelPrivacy = Check.optionalEnum(ChannelPrivacy.class, privacy, "Privacy", ChannelPrivacy.PUBLIC);
        Check.maxUtf8Bytes(metadata, "Metadata", MAX_METADATA_BYTES);
        Check.clientRequestToken(clientRequestToken);
        List<Tag> validTags = TagStore.validate(tags, false);
        Caller caller = ctx.access().bearer(chimeBearer);
        ctx.access().requireOwnAppInstance(caller, appInstanceArn);

        List<Object> fingerprint = Arrays.asList(name, channelMode, channelPrivacy, metadata, validTags);
        return ctx.idempotency().once(List.of("CreateChannel", appInstanceArn, caller.arn(), clientRequestToken),
                fingerprint, () -> ctx.directory().whileUsersStable(() -> {
                    // The creator is about to be referred to by a membership: it must still exist (BAN-007).
                    Caller creator = ctx.access().bearer(chimeBearer);
                    Instant now = ctx.clock().now();
                    Channel channel = new Channel(ctx.ids().newChannelArn(appInstanceArn), appInstanceArn, name,
                            channelMode, channelPrivacy, metadata, creator.identity(), now, now, null, null,
                            ctx.nextInCreationOrder());
                    ctx.channels().register(channel, ctx.quotas().channelsPerAppInstance(), state -> {
                        state.putMembership(new ChannelMembership(channel.channelArn(), creator.identity(),
                                creator.identity(), ChannelMembershipType.DEFAULT, now, now, null));
                        state.putModerator(new ChannelModerator(channel.channelArn(), creator.identity(),
                                creator.identity(), now));
                    });
                    ctx.tags().create(channel.channelArn(), validTags);
                    return channel.channelArn();
                }));
    }

    /**
     * CHAN-016. Name and Mode are optional, as the current API Reference page marks them ("Required: No";
     * the boto3 text the kit started from marked both required): an omitted Name, Mode or Metadata is left
     * unchanged (CHAN-017; for Metadata a kit decision, as MSG-011). Privacy cannot change (CHAN-004). Only
     * MOD or ADMIN may update (Developer Guide role tables). LastUpdatedTimestamp advances strictly (CHAN-015).
     */
    public String update(String chimeBearer, String channelArn, String name, String mode, String metadata) {
        Check.arn(channelArn, "ChannelArn");
        if (name != null) {
            Check.resourceName(name, "Name");
        }
        ChannelMode channelMode = Check.optionalEnum(ChannelMode.class, mode, "Mode", null);
        Check.maxUtf8Bytes(metadata, "Metadata", MAX_METADATA_BYTES);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "update a channel");
            Channel channel = state.channel();
            state.update(channel.withAttributes(name != null ? name : channel.name(),
                    channelMode != null ? channelMode : channel.mode(),
                    metadata != null ? metadata : channel.metadata(),
                    ctx.clock().strictlyAfter(channel.lastUpdatedTimestamp())));
            Channel updated = state.channel();
            ctx.sessions().toMembers(state, () -> SessionPayloads.channel(SessionEventType.UPDATE_CHANNEL, updated));
            return channelArn;
        });
    }

    /**
     * CHAN-019 to CHAN-021: the channel, its memberships, moderators, bans and messages become inaccessible
     * at once. Only MOD or ADMIN may delete (Developer Guide role tables: members and non-members are denied).
     */
    public void delete(String chimeBearer, String channelArn) {
        Check.arn(channelArn, "ChannelArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "delete a channel");
            announceDeletion(state);
            ctx.channels().delete(state);
            ctx.tags().forget(channelArn);
            ctx.idempotency().forget(state.channelArn());
            return null;
        });
    }

    /** DELETE_CHANNEL to the members, before they go with the channel. Called under the channel's lock. */
    public void announceDeletion(ChannelState state) {
        Channel channel = state.channel();
        ctx.sessions().toMembers(state, () -> SessionPayloads.channel(SessionEventType.DELETE_CHANNEL, channel));
    }

    /** CHAN-012. A private channel is Forbidden to outsiders (CHAN-005). */
    public Channel describe(String chimeBearer, String channelArn) {
        Check.arn(channelArn, "ChannelArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireReader(caller, state);
        return state.channel();
    }

    /**
     * CHAN-007 to CHAN-011. PUBLIC lists every public channel (CHAN-008); PRIVATE is for AppInstanceAdmins
     * only, others get ForbiddenException (AUTH-009, kit decision); with Privacy omitted only public channels
     * are listed, even to an admin (CHAN-010, kit decision).
     */
    public Page<Channel> list(String chimeBearer, String appInstanceArn, String privacy, Integer maxResults,
                              String nextToken) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        ChannelPrivacy filter = Check.optionalEnum(ChannelPrivacy.class, privacy, "Privacy", ChannelPrivacy.PUBLIC);
        Caller caller = ctx.access().bearer(chimeBearer);
        ctx.access().requireOwnAppInstance(caller, appInstanceArn);
        if (filter == ChannelPrivacy.PRIVATE && !ctx.access().isAdmin(caller)) {
            throw ApiError.forbidden("Only an AppInstanceAdmin can list private channels");
        }
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListChannels|" + appInstanceArn + "|" + filter,
                nextToken, maxResults, KeyCodec.LONG);
        return ctx.paging().page(ctx.channels().channelsOf(appInstanceArn, filter), cursor, KeyCodec.LONG,
                this::liveChannel);
    }

    /**
     * CHAN-025, AUTH-010: every channel the user is a member of (DEFAULT and HIDDEN). AppInstanceUserArn
     * defaults to the bearer; another user's memberships are for AppInstanceAdmins only.
     */
    public Page<ChannelMembershipForAppInstanceUser> listMembershipsForAppInstanceUser(
            String chimeBearer, String appInstanceUserArn, Integer maxResults, String nextToken) {
        Check.optionalArn(appInstanceUserArn, "AppInstanceUserArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        AppInstanceUser user = ctx.access().requireSelfOrAdmin(caller, appInstanceUserArn);
        String userArn = user.appInstanceUserArn();
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListChannelMembershipsForAppInstanceUser|" + userArn,
                nextToken, maxResults, KeyCodec.LONG);
        return ctx.paging().page(ctx.channels().users().membershipsOf(userArn), cursor, KeyCodec.LONG,
                channelArn -> {
                    ChannelState state = ctx.channels().find(channelArn);
                    ChannelMembership membership = state == null ? null : state.membership(userArn);
                    return membership == null ? null : new ChannelMembershipForAppInstanceUser(state.channel(), membership);
                });
    }

    /**
     * CHAN-022: the channel summary and the user's membership summary. The user themselves or an
     * AppInstanceAdmin may ask (kit decision, by analogy with AUTH-010); a non-member is NotFound (kit
     * decision, ERR-004).
     */
    public ChannelMembershipForAppInstanceUser describeMembershipForAppInstanceUser(
            String chimeBearer, String channelArn, String appInstanceUserArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(appInstanceUserArn, "AppInstanceUserArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        AppInstanceUser user = ctx.access().requireSelfOrAdmin(caller, appInstanceUserArn);
        ChannelMembership membership = state.membership(user.appInstanceUserArn());
        if (membership == null) {
            throw ApiError.notFound("The AppInstanceUser is not a member of the channel");
        }
        return new ChannelMembershipForAppInstanceUser(state.channel(), membership);
    }

    /**
     * CHAN-023, MOD-007: the channel, if the user moderates it; otherwise NotFound (kit decision). The user
     * themselves or an AppInstanceAdmin may ask (kit decision, by analogy with AUTH-010).
     */
    public Channel describeModeratedByAppInstanceUser(String chimeBearer, String channelArn, String appInstanceUserArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(appInstanceUserArn, "AppInstanceUserArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        AppInstanceUser user = ctx.access().requireSelfOrAdmin(caller, appInstanceUserArn);
        if (state.moderator(user.appInstanceUserArn()) == null) {
            throw ApiError.notFound("The AppInstanceUser does not moderate the channel");
        }
        return state.channel();
    }

    /**
     * CHAN-024, MOD-007: exactly the channels where the user is a ChannelModerator; AppInstanceUserArn
     * defaults to the bearer. Another user's list is for AppInstanceAdmins only (kit decision, as AUTH-010).
     */
    public Page<Channel> listModeratedByAppInstanceUser(String chimeBearer, String appInstanceUserArn,
                                                        Integer maxResults, String nextToken) {
        Check.optionalArn(appInstanceUserArn, "AppInstanceUserArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        AppInstanceUser user = ctx.access().requireSelfOrAdmin(caller, appInstanceUserArn);
        String userArn = user.appInstanceUserArn();
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListChannelsModeratedByAppInstanceUser|" + userArn,
                nextToken, maxResults, KeyCodec.LONG);
        return ctx.paging().page(ctx.channels().users().moderatedBy(userArn), cursor, KeyCodec.LONG, channelArn -> {
            ChannelState state = ctx.channels().find(channelArn);
            return state == null || state.moderator(userArn) == null ? null : state.channel();
        });
    }

    private Channel liveChannel(String channelArn) {
        ChannelState state = ctx.channels().find(channelArn);
        return state == null ? null : state.channel();
    }
}
