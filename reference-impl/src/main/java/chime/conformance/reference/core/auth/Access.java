package chime.conformance.reference.core.auth;

import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelRegistry;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;
import chime.conformance.reference.core.state.Directory;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelPrivacy;
import chime.conformance.reference.core.validation.Check;

import java.util.Objects;

/**
 * Who may do what (the AUTH rules). Roles, as the catalogue names them:
 * ADMIN (an AppInstanceAdmin of the channel's AppInstance), MOD (a ChannelModerator), MEMBER (DEFAULT or
 * HIDDEN membership), OUTSIDER (same AppInstance, none of these) and FOREIGN (another AppInstance).
 */
public final class Access {

    private final Directory directory;
    private final ChannelRegistry channels;

    public Access(Directory directory, ChannelRegistry channels) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /**
     * Resolves the bearer of a bearer operation. AUTH-001: missing is a BadRequestException. SIZE-011: an
     * ARN failing the ChimeArn pattern is a BadRequestException. AUTH-002: a well-formed ARN naming no
     * (or a deleted) AppInstanceUser is an UnauthorizedClientException (401), as the real service was
     * reported answering: "Unauthorized: An invalid app instance user ARN was supplied for the
     * x-amz-chime-bearer HTTP header" (aws/amazon-chime-sdk-js#1270).
     */
    public Caller bearer(String chimeBearer) {
        if (chimeBearer == null) {
            throw ApiError.badRequest("The x-amz-chime-bearer header (ChimeBearer) is required");
        }
        Check.arn(chimeBearer, "ChimeBearer");
        AppInstanceUser user = directory.user(chimeBearer);
        if (user == null) {
            throw new ApiError(ErrorType.UNAUTHORIZED_CLIENT,
                    "An invalid app instance user ARN was supplied for the x-amz-chime-bearer HTTP header");
        }
        return new Caller(user);
    }

    /**
     * The channel a bearer operation acts on: unknown or deleted is NotFound (ERR-004); a channel of another
     * AppInstance is Forbidden (AUTH-003).
     */
    public ChannelState channel(Caller caller, String channelArn) {
        ChannelState state = channels.require(channelArn);
        if (!state.appInstanceArn().equals(caller.appInstanceArn())) {
            throw ApiError.forbidden("The bearer belongs to another AppInstance than the channel");
        }
        return state;
    }

    /**
     * An AppInstance named by a request must be the bearer's (AUTH-003): another existing AppInstance is
     * Forbidden, an unknown one NotFound (ERR-004).
     */
    public void requireOwnAppInstance(Caller caller, String appInstanceArn) {
        if (!caller.appInstanceArn().equals(appInstanceArn)) {
            if (directory.appInstance(appInstanceArn) == null) {
                throw ApiError.notFound("AppInstance " + appInstanceArn + " does not exist");
            }
            throw ApiError.forbidden("The bearer belongs to another AppInstance");
        }
    }

    /** AUTH-024: an AppInstanceAdmin of the bearer's own AppInstance. */
    public boolean isAdmin(Caller caller) {
        return directory.isAdmin(caller.appInstanceArn(), caller.arn());
    }

    public boolean isModerator(Caller caller, ChannelState channel) {
        return channel.moderator(caller.arn()) != null;
    }

    /** MOD or ADMIN: an admin has every moderator power without being made a moderator (AUTH-024). */
    public boolean isModeratorOrAdmin(Caller caller, ChannelState channel) {
        return isModerator(caller, channel) || isAdmin(caller);
    }

    /** A member of either type: hidden members count as members for reading (MEMB-009). */
    public boolean isMember(Caller caller, ChannelState channel) {
        return channel.membership(caller.arn()) != null;
    }

    /** A HIDDEN member: it observes the channel but does not post (MEMB-018). */
    public boolean isHiddenMember(Caller caller, ChannelState channel) {
        ChannelMembership membership = channel.membership(caller.arn());
        return membership != null && membership.type() == ChannelMembershipType.HIDDEN;
    }

    public void requireModeratorOrAdmin(Caller caller, ChannelState channel, String action) {
        if (!isModeratorOrAdmin(caller, channel)) {
            throw ApiError.forbidden("Only channel moderators and AppInstance admins can " + action);
        }
    }

    /**
     * Who may read a channel and what is in it. Public channels are discoverable and readable by anyone in
     * the AppInstance (CHAN-006, AUTH-021); private channels only by members, moderators (AUTH-018) and
     * admins (AUTH-024); an outsider gets ForbiddenException (CHAN-005, AUTH-022).
     */
    public boolean canRead(Caller caller, ChannelState channel) {
        return channel.channel().privacy() == ChannelPrivacy.PUBLIC
                || isMember(caller, channel)
                || isModeratorOrAdmin(caller, channel);
    }

    public void requireReader(Caller caller, ChannelState channel) {
        if (!canRead(caller, channel)) {
            throw ApiError.forbidden("Private channels are visible to their members and moderators only");
        }
    }

    /**
     * AUTH-010, and the same reading for CHAN-022 to CHAN-024: a user may ask about themselves; only an
     * AppInstanceAdmin may ask about another user of its AppInstance. Another AppInstance's user is
     * Forbidden; an unknown user is NotFound.
     */
    public AppInstanceUser requireSelfOrAdmin(Caller caller, String appInstanceUserArn) {
        if (appInstanceUserArn == null || appInstanceUserArn.equals(caller.arn())) {
            return caller.user();
        }
        if (!isAdmin(caller)) {
            throw ApiError.forbidden("Only an AppInstanceAdmin can ask about another AppInstanceUser");
        }
        AppInstanceUser user = directory.user(appInstanceUserArn);
        if (user == null) {
            throw ApiError.notFound("AppInstanceUser " + appInstanceUserArn + " does not exist");
        }
        if (!user.appInstanceArn().equals(caller.appInstanceArn())) {
            throw ApiError.forbidden("The AppInstanceUser belongs to another AppInstance");
        }
        return user;
    }

    /** A user the request names as the subject (member, moderator, ban): must be a user of the channel's AppInstance. */
    public AppInstanceUser requireUserOf(ChannelState channel, String appInstanceUserArn) {
        AppInstanceUser user = directory.userOf(channel.appInstanceArn(), appInstanceUserArn);
        if (user == null) {
            throw ApiError.notFound("AppInstanceUser " + appInstanceUserArn + " does not exist in the channel's AppInstance");
        }
        return user;
    }
}
