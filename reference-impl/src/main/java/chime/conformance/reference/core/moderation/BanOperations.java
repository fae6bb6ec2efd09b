package chime.conformance.reference.core.moderation;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.validation.Check;

import java.util.Objects;

/**
 * Bans: CreateChannelBan, DeleteChannelBan, DescribeChannelBan and ListChannelBans. All four are for MOD
 * or ADMIN only (AUTH-016; for Describe and List the Developer Guide's role tables, which deny all four to
 * members and non-members).
 */
public final class BanOperations {

    private final CoreContext ctx;

    public BanOperations(CoreContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * BAN-001. A member is kicked at once (BAN-002); a non-member may be banned pre-emptively (BAN-008).
     * A moderator of the channel or an AppInstanceAdmin cannot be banned (BAN-011: the Developer Guide's role
     * tables, CreateChannelBan: "The AppInstanceUser you are banning cannot be an AppInstanceAdmin or the
     * moderator of that channel"), and keeps its roles and membership. The guide names no error; the
     * reference answers BadRequestException, the API's error for input that does not "match the service's
     * restrictions": the caller may ban, the user it names may not be banned (ForbiddenException is "the
     * client is permanently forbidden from making the request", a statement about the caller). Banning again
     * is an idempotent success that keeps the original ban (kit decision, catalogue Gaps).
     */
    public ChannelBan create(String chimeBearer, String channelArn, String memberArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return ctx.directory().whileUsersStable(() -> state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "ban users");
            AppInstanceUser user = ctx.access().requireUserOf(state, memberArn);
            if (state.moderator(memberArn) != null) {
                throw ApiError.badRequest("A moderator of the channel cannot be banned");
            }
            if (ctx.directory().isAdmin(state.appInstanceArn(), memberArn)) {
                throw ApiError.badRequest("An AppInstanceAdmin cannot be banned");
            }
            ChannelBan existing = state.ban(memberArn);
            if (existing != null) {
                return existing;
            }
            ChannelBan ban = new ChannelBan(channelArn, user.identity(), caller.identity(), ctx.clock().now());
            chime.conformance.reference.core.model.ChannelMembership kicked = state.membership(memberArn);
            state.putBan(ban);
            if (kicked != null) {
                // BAN-002: the ban removes the member; the guide names no event for it, so the removal is
                // announced as any other (kit decision), and the banned user receives nothing more.
                ctx.sessions().membershipEvent(state,
                        chime.conformance.reference.core.session.SessionEventType.DELETE_CHANNEL_MEMBERSHIP, kicked);
            }
            return ban;
        }));
    }

    /** BAN-006. The user does not become a member again (BAN-005). Not banned: NotFound. */
    public void delete(String chimeBearer, String channelArn, String memberArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "remove bans");
            if (state.removeBan(memberArn) == null) {
                throw ApiError.notFound("The user is not banned from the channel");
            }
            return null;
        });
    }

    /** BAN-001, BAN-010: full details, or NotFound for a user who is not banned. */
    public ChannelBan describe(String chimeBearer, String channelArn, String memberArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireModeratorOrAdmin(caller, state, "see bans");
        ChannelBan ban = state.ban(memberArn);
        if (ban == null) {
            throw ApiError.notFound("The user is not banned from the channel");
        }
        return ban;
    }

    /** BAN-009. */
    public Page<ChannelBan> list(String chimeBearer, String channelArn, Integer maxResults, String nextToken) {
        Check.arn(channelArn, "ChannelArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireModeratorOrAdmin(caller, state, "see bans");
        Paging.Cursor<String> cursor = ctx.paging().cursor("ListChannelBans|" + channelArn, nextToken, maxResults,
                KeyCodec.STRING);
        return ctx.paging().page(state.bans(), cursor, KeyCodec.STRING, ban -> ban);
    }
}
