package chime.conformance.reference.core.moderation;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.validation.Check;

import java.util.Objects;

/**
 * Moderators: CreateChannelModerator, DeleteChannelModerator, DescribeChannelModerator and
 * ListChannelModerators. The moderator role is independent of membership (MOD-005): creating one creates
 * no membership and needs none.
 */
public final class ModeratorOperations {

    private final CoreContext ctx;

    public ModeratorOperations(CoreContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * MOD-001, AUTH-015: MOD or ADMIN only. The moderator must be a user of the channel's AppInstance
     * (NotFound otherwise). A banned user cannot be made a moderator (kit decision, as BAN-003). Creating an
     * existing moderator again is an idempotent success that keeps the original (kit decision, catalogue Gaps).
     */
    public ChannelModerator create(String chimeBearer, String channelArn, String channelModeratorArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(channelModeratorArn, "ChannelModeratorArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return ctx.directory().whileUsersStable(() -> state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "add moderators");
            AppInstanceUser user = ctx.access().requireUserOf(state, channelModeratorArn);
            if (state.ban(channelModeratorArn) != null) {
                throw ApiError.forbidden("The user is banned from the channel");
            }
            ChannelModerator existing = state.moderator(channelModeratorArn);
            if (existing != null) {
                return existing;
            }
            ServiceQuotas.require(state.moderators().size(), ctx.quotas().moderatorsPerChannel(),
                    "moderators per channel");
            ChannelModerator moderator = new ChannelModerator(channelArn, user.identity(), caller.identity(),
                    ctx.clock().now());
            state.putModerator(moderator);
            return moderator;
        }));
    }

    /** MOD-004, AUTH-015: MOD or ADMIN only; any membership the user holds is untouched. Unknown: NotFound. */
    public void delete(String chimeBearer, String channelArn, String channelModeratorArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(channelModeratorArn, "ChannelModeratorArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "remove moderators");
            if (state.removeModerator(channelModeratorArn) == null) {
                throw ApiError.notFound("The user is not a moderator of the channel");
            }
            return null;
        });
    }

    /**
     * MOD-002: full details, or NotFound for a user who is not a moderator. Only MOD or ADMIN may ask
     * (AUTH-026: the Developer Guide's role tables deny DescribeChannelModerator to members and non-members).
     */
    public ChannelModerator describe(String chimeBearer, String channelArn, String channelModeratorArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(channelModeratorArn, "ChannelModeratorArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireModeratorOrAdmin(caller, state, "see the moderators of a channel");
        ChannelModerator moderator = state.moderator(channelModeratorArn);
        if (moderator == null) {
            throw ApiError.notFound("The user is not a moderator of the channel");
        }
        return moderator;
    }

    /**
     * MOD-003. Only MOD or ADMIN may list (AUTH-026: the Developer Guide's role tables deny
     * ListChannelModerators to members and non-members, on public and private channels alike).
     */
    public Page<ChannelModerator> list(String chimeBearer, String channelArn, Integer maxResults, String nextToken) {
        Check.arn(channelArn, "ChannelArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireModeratorOrAdmin(caller, state, "see the moderators of a channel");
        Paging.Cursor<String> cursor = ctx.paging().cursor("ListChannelModerators|" + channelArn, nextToken,
                maxResults, KeyCodec.STRING);
        return ctx.paging().page(state.moderators(), cursor, KeyCodec.STRING, moderator -> moderator);
    }
}
