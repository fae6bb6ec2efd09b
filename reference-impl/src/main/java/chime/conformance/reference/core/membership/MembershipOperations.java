package chime.conformance.reference.core.membership;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.BatchChannelMemberships;
import chime.conformance.reference.core.model.BatchMembershipError;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelMode;
import chime.conformance.reference.core.model.ChannelPrivacy;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.session.SessionEventType;
import chime.conformance.reference.core.session.SessionPayloads;
import chime.conformance.reference.core.validation.Check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Memberships: CreateChannelMembership, BatchCreateChannelMembership, DeleteChannelMembership,
 * DescribeChannelMembership, ListChannelMemberships and UpdateChannelReadMarker.
 */
public final class MembershipOperations {

    /** SIZE-009: the model's MemberArns list takes 1 to 100 items. */
    public static final int MAX_BATCH_MEMBERS = 100;

    private final CoreContext ctx;

    public MembershipOperations(CoreContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * MEMB-001. Type is required (MEMB-003). The member must be a user of the channel's AppInstance
     * (MEMB-015, NotFound). InvitedBy is the bearer (MEMB-002). Re-adding a member with the same type is an
     * idempotent success that keeps the original membership; with the other type it is a ConflictException
     * (kit decisions, catalogue Gaps).
     */
    public ChannelMembership create(String chimeBearer, String channelArn, String memberArn, String type) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        ChannelMembershipType membershipType = Check.enumValue(ChannelMembershipType.class, type, "Type");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return ctx.directory().whileUsersStable(() -> state.locked(() -> {
            AppInstanceUser member = ctx.access().requireUserOf(state, memberArn);
            authorizeAdd(caller, state, Set.of(memberArn), membershipType);
            if (state.ban(memberArn) != null) {
                // BAN-003, BAN-004: nobody, not even a moderator, can add a banned user.
                throw ApiError.forbidden("The user is banned from the channel");
            }
            return add(caller, state, member, membershipType, true);
        }));
    }

    /**
     * MEMB-010 to MEMB-012. Type defaults to DEFAULT (MEMB-004). The bearer's right to add is checked for the
     * whole call (AUTH-011: an unauthorised batch fails as a whole, kit decision). Each member that cannot be
     * added is reported in Errors: NotFound for a user that does not exist in the AppInstance, Forbidden for
     * a banned user (MEMB-011, BAN-003), Conflict for a member of the other type.
     */
    public BatchChannelMemberships batchCreate(String chimeBearer, String channelArn, String type, List<String> memberArns) {
        Check.arn(channelArn, "ChannelArn");
        ChannelMembershipType membershipType =
                Check.optionalEnum(ChannelMembershipType.class, type, "Type", ChannelMembershipType.DEFAULT);
        Check.requiredValue(memberArns, "MemberArns");
        Check.listSize(memberArns, "MemberArns", 1, MAX_BATCH_MEMBERS);
        memberArns.forEach(arn -> Check.arn(arn, "MemberArns[]"));
        Set<String> distinct = new LinkedHashSet<>(memberArns);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return ctx.directory().whileUsersStable(() -> state.locked(() -> {
            authorizeAdd(caller, state, distinct, membershipType);
            List<Identity> added = new ArrayList<>();
            List<BatchMembershipError> errors = new ArrayList<>();
            for (String memberArn : distinct) {
                AppInstanceUser member = ctx.directory().userOf(state.appInstanceArn(), memberArn);
                if (member == null) {
                    errors.add(new BatchMembershipError(memberArn, ErrorType.NOT_FOUND,
                            "The user does not exist in the channel's AppInstance"));
                } else if (state.ban(memberArn) != null) {
                    errors.add(new BatchMembershipError(memberArn, ErrorType.FORBIDDEN, "The user is banned from the channel"));
                } else if (hasOtherType(state, memberArn, membershipType)) {
                    errors.add(new BatchMembershipError(memberArn, ErrorType.CONFLICT,
                            "The user is already a member of the channel with the other membership type"));
                } else if (state.membership(memberArn) == null
                        && state.membershipCount() >= ctx.quotas().membershipsPerChannel()) {
                    // The batch's own per-member error code for a quota (ErrorCode ResourceLimitExceeded).
                    errors.add(new BatchMembershipError(memberArn, ErrorType.RESOURCE_LIMIT_EXCEEDED,
                            ServiceQuotas.exceeded(ctx.quotas().membershipsPerChannel(), "memberships per channel")
                                    .getMessage()));
                } else {
                    added.add(add(caller, state, member, membershipType, false).member());
                }
            }
            BatchChannelMemberships batch = new BatchChannelMemberships(state.channelArn(), caller.identity(),
                    membershipType, added, errors);
            announceBatch(state, batch);
            return new BatchChannelMemberships(channelArn, caller.identity(), membershipType, added, errors);
        }));
    }

    /**
     * AUTH-019: a member may always leave. Removing someone else is for MOD or ADMIN (AUTH-014). A user
     * without a membership is NotFound (ERR-004).
     */
    public void delete(String chimeBearer, String channelArn, String memberArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            if (!memberArn.equals(caller.arn())) {
                ctx.access().requireModeratorOrAdmin(caller, state, "remove other members");
            }
            ChannelMembership removed = state.removeMembership(memberArn);
            if (removed == null) {
                throw ApiError.notFound("The user is not a member of the channel");
            }
            ctx.sessions().membershipEvent(state, SessionEventType.DELETE_CHANNEL_MEMBERSHIP, removed);
            return null;
        });
    }

    /** MEMB-013: full details, or NotFound for a non-member. Readable by whoever may read the channel. */
    public ChannelMembership describe(String chimeBearer, String channelArn, String memberArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(memberArn, "MemberArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireReader(caller, state);
        ChannelMembership membership = state.membership(memberArn);
        if (membership == null) {
            throw ApiError.notFound("The user is not a member of the channel");
        }
        return membership;
    }

    /**
     * MEMB-005 to MEMB-007, MEMB-016: Type omitted or DEFAULT lists default members only, HIDDEN lists hidden
     * members only (kit decision MEMB-007). Each type has its own index, so the filter applies before paging
     * (PAGE-008). On a private channel only members, MOD and ADMIN may list (kit decision, catalogue Gaps).
     */
    public Page<ChannelMembership> list(String chimeBearer, String channelArn, String type, Integer maxResults,
                                        String nextToken) {
        Check.arn(channelArn, "ChannelArn");
        ChannelMembershipType filter =
                Check.optionalEnum(ChannelMembershipType.class, type, "Type", ChannelMembershipType.DEFAULT);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireReader(caller, state);
        Paging.Cursor<String> cursor = ctx.paging().cursor("ListChannelMemberships|" + channelArn + "|" + filter,
                nextToken, maxResults, KeyCodec.STRING);
        return ctx.paging().page(state.members(filter), cursor, KeyCodec.STRING, membership -> membership);
    }

    /**
     * READ-001 to READ-005: the marker belongs to the bearer's membership of this channel, is monotonic and
     * needs a membership (a non-member, even a moderator, is Forbidden).
     */
    public String updateReadMarker(String chimeBearer, String channelArn) {
        Check.arn(channelArn, "ChannelArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return state.locked(() -> {
            ChannelMembership membership = state.membership(caller.arn());
            if (membership == null) {
                throw ApiError.forbidden("Only members of the channel have a read marker");
            }
            state.putMembership(membership.withReadMarker(ctx.clock().notBefore(membership.readMarkerTimestamp())));
            return channelArn;
        });
    }

    /**
     * Who may add whom (AUTH-011 to AUTH-013, MEMB-008). MOD and ADMIN may add anyone in either mode. Only
     * they may create HIDDEN memberships (MEMB-008, reading (a)). In a RESTRICTED channel nobody else may add
     * (AUTH-011). In an UNRESTRICTED channel a member may add themselves and others (AUTH-012); a non-member
     * may only add themselves to a PUBLIC channel (AUTH-013, kit decision).
     */
    private void authorizeAdd(Caller caller, ChannelState state, Set<String> memberArns, ChannelMembershipType type) {
        boolean moderatorOrAdmin = ctx.access().isModeratorOrAdmin(caller, state);
        if (type == ChannelMembershipType.HIDDEN && !moderatorOrAdmin) {
            throw ApiError.forbidden("Only moderators and admins can create HIDDEN memberships");
        }
        if (moderatorOrAdmin) {
            return;
        }
        Channel channel = state.channel();
        if (channel.mode() == ChannelMode.RESTRICTED) {
            throw ApiError.forbidden("Only administrators and moderators can add members to restricted channels");
        }
        if (ctx.access().isMember(caller, state)) {
            return;
        }
        boolean selfJoin = memberArns.size() == 1 && memberArns.contains(caller.arn());
        if (!selfJoin || channel.privacy() != ChannelPrivacy.PUBLIC) {
            throw ApiError.forbidden("Only members can add members to this channel");
        }
    }

    private static boolean hasOtherType(ChannelState state, String memberArn, ChannelMembershipType type) {
        ChannelMembership existing = state.membership(memberArn);
        return existing != null && existing.type() != type;
    }

    /**
     * One BATCH_CREATE_CHANNEL_MEMBERSHIP per call that added someone (not one event per member): to every
     * member, or, for HIDDEN memberships, to the members added only (kit decision, as for a single hidden
     * membership).
     */
    private void announceBatch(ChannelState state, BatchChannelMemberships batch) {
        if (batch.members().isEmpty()) {
            return;
        }
        if (batch.type() == ChannelMembershipType.HIDDEN) {
            ctx.sessions().toUsers(batch.members().stream().map(Identity::arn).toList(),
                    () -> SessionPayloads.batch(batch));
        } else {
            ctx.sessions().toMembers(state, () -> SessionPayloads.batch(batch));
        }
    }

    private ChannelMembership add(Caller caller, ChannelState state, AppInstanceUser member, ChannelMembershipType type,
                                  boolean announce) {
        if (hasOtherType(state, member.appInstanceUserArn(), type)) {
            throw ApiError.conflict("The user is already a member of the channel with the other membership type");
        }
        ChannelMembership existing = state.membership(member.appInstanceUserArn());
        if (existing != null) {
            return existing;
        }
        ServiceQuotas.require(state.membershipCount(), ctx.quotas().membershipsPerChannel(), "memberships per channel");
        Instant now = ctx.clock().now();
        ChannelMembership membership = new ChannelMembership(state.channelArn(), member.identity(), caller.identity(),
                type, now, now, null);
        state.putMembership(membership);
        if (announce) {
            ctx.sessions().membershipEvent(state, SessionEventType.CREATE_CHANNEL_MEMBERSHIP, membership);
        }
        return membership;
    }
}
