package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in who may call what: the rules of area AUTH. */
final class AuthFaults {

    private AuthFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("sender-can-delete-message", "AUTH-007",
                        "the sender of a message may delete it, not only an AppInstanceAdmin",
                        allowWhenForbidden(DeleteChannelMessageRequest.class, (q, ctx) -> ctx.message(q.channelArn(), q.messageId())
                                .map(m -> m.sender() != null && Objects.equals(m.sender().arn(), q.chimeBearer())).orElse(false))),
                fault("moderator-can-delete-message", "AUTH-007, MOD-006",
                        "a channel moderator may delete messages, as if deleting were a moderator action",
                        allowWhenForbidden(DeleteChannelMessageRequest.class, (q, ctx) -> ctx.isModerator(q.channelArn(), q.chimeBearer()))),
                fault("anyone-reads-message-status", "AUTH-008",
                        "any user of the channel may read the processing status of someone else's message",
                        ctx -> Interceptor.onError(GetChannelMessageStatusRequest.class, ModeledError.FORBIDDEN, asSender(ctx))),
                fault("members-add-to-restricted-channels", "AUTH-011",
                        "in a RESTRICTED channel, members and even outsiders may add members, as in an UNRESTRICTED one",
                        allowWhenForbidden(CreateChannelMembershipRequest.class, (q, ctx) -> q.type() != ChannelMembershipType.HIDDEN
                                && !ctx.isBanned(q.channelArn(), q.memberArn())
                                && ctx.channel(q.channelArn()).map(c -> c.mode() == ChannelMode.RESTRICTED).orElse(false))),
                fault("anyone-lists-private-channels", "AUTH-009",
                        "ListChannels with Privacy=PRIVATE lists the private channels to any user, not only to AppInstanceAdmins",
                        allowWhenForbidden(ListChannelsRequest.class)),
                fault("anyone-lists-others-memberships", "AUTH-010",
                        "any user may list the channel memberships of another user",
                        allowWhenForbidden(ListChannelMembershipsForAppInstanceUserRequest.class, (q, ctx) -> q.appInstanceUserArn() != null)),
                fault("members-redact-others-messages", "AUTH-017",
                        "a member who is not a moderator may redact other users' messages",
                        allowWhenForbidden(RedactChannelMessageRequest.class, (q, ctx) -> ctx.isMember(q.channelArn(), q.chimeBearer()))),
                fault("others-edit-messages", "AUTH-020",
                        "a user other than the sender (a member, moderator or admin) may edit a message",
                        ctx -> Interceptor.onError(UpdateChannelMessageRequest.class, ModeledError.FORBIDDEN, asSender(ctx))),
                fault("other-app-instance-bearer-accepted", "AUTH-003",
                        "a user of another AppInstance may read and join public channels: the bearer's AppInstance is not checked",
                        ctx -> Interceptor.onError(SdkRequest.class, ModeledError.FORBIDDEN, q -> bearer(q) != null && ownerOf(q) != null
                                && !FaultContext.appInstanceOf(bearer(q)).equals(FaultContext.appInstanceOf(ownerOf(q)))
                                && FaultContext.appInstanceOf(ownerOf(q)).isPresent(),
                                (q, chain) -> chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(ownerOf(q)))))),
                fault("missing-bearer-accepted", "AUTH-001",
                        "a request without the x-amz-chime-bearer header is served as if an AppInstanceAdmin had sent it",
                        ctx -> (q, chain) -> {
                            if (Members.has(q, "ChimeBearer") && bearer(q) == null) {
                                String arn = Faults.arnIn(q);
                                if (arn != null && FaultContext.appInstanceOf(arn).isPresent()) {
                                    return chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(arn)));
                                }
                            }
                            return chain.proceed(q);
                        }),
                fault("unknown-bearer-accepted", "AUTH-002",
                        "a well-formed bearer ARN naming no AppInstanceUser (or a deleted one) is served like an admin",
                        ctx -> {
                            // AUTH-002: refused as Unauthorized (as reported of AWS) or Forbidden.
                            Predicate<SdkRequest> unknown = q -> bearer(q) != null && arnIn(q) != null
                                    && FaultContext.appInstanceOf(arnIn(q)).isPresent() && !ctx.userExists(bearer(q));
                            Interceptor.Typed<SdkRequest> asAdmin = (q, chain) -> chain.proceed(Members.with(q, "ChimeBearer",
                                    ctx.operator(arnIn(q))));
                            return Interceptor.all(Interceptor.onError(SdkRequest.class, ModeledError.FORBIDDEN, unknown, asAdmin),
                                    Interceptor.onError(SdkRequest.class, ModeledError.UNAUTHORIZED_CLIENT, unknown, asAdmin));
                        }),
                fault("members-associate-flows", "AUTH-005, AUTH-006",
                        "members may associate and disassociate channel flows, not only moderators and admins",
                        allowWhenForbidden(AssociateChannelFlowRequest.class, DisassociateChannelFlowRequest.class)),
                fault("members-appoint-moderators", "AUTH-015",
                        "members may create and delete channel moderators",
                        allowWhenForbidden(SdkRequest.class, (q, c) -> q instanceof DeleteChannelModeratorRequest
                                || q instanceof CreateChannelModeratorRequest m && !c.isBanned(m.channelArn(), m.channelModeratorArn()))),
                fault("members-ban-users", "AUTH-016",
                        "members may ban users and lift bans",
                        allowWhenForbidden(CreateChannelBanRequest.class, DeleteChannelBanRequest.class)),
                fault("moderator-action-noop", "AUTH-011, AUTH-014, AUTH-015, AUTH-016, AUTH-017",
                        "a channel moderator's bans, lifted bans, new and removed members and moderators, and redactions"
                                + " answer success but change nothing; an AppInstanceAdmin's still take effect",
                        Faults::moderatorActionsUndone),
                fault("members-cannot-invite", "AUTH-012",
                        "in an UNRESTRICTED channel only moderators and admins may add other users, as in a RESTRICTED one",
                        ctx -> Interceptor.refuse(CreateChannelMembershipRequest.class, ModeledError.FORBIDDEN, "Only moderators may add members",
                                q -> !Objects.equals(q.memberArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer())
                                    && !ctx.isAdmin(q.chimeBearer()))),
                fault("outsiders-join-private-channels", "AUTH-013",
                        "any user of the AppInstance may join an UNRESTRICTED channel, PRIVATE ones included",
                        allowWhenForbidden(CreateChannelMembershipRequest.class, (q, ctx) -> Objects.equals(q.memberArn(), q.chimeBearer())
                                && q.type() == ChannelMembershipType.DEFAULT && !ctx.isBanned(q.channelArn(), q.memberArn())
                                && ctx.channel(q.channelArn()).map(c -> c.mode() == ChannelMode.UNRESTRICTED).orElse(false))),
                fault("members-remove-members", "AUTH-014",
                        "any member may remove other members from the channel",
                        allowWhenForbidden(DeleteChannelMembershipRequest.class, (q, ctx) -> ctx.isMember(q.channelArn(), q.chimeBearer()))),
                fault("moderators-read-only-as-members", "AUTH-018",
                        "a moderator who is not a member may not list the messages of a PRIVATE channel",
                        ctx -> Interceptor.refuse(ListChannelMessagesRequest.class, ModeledError.FORBIDDEN, "Only members may read this channel",
                                q -> ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PRIVATE).orElse(false)
                                    && !ctx.isMember(q.channelArn(), q.chimeBearer()) && ctx.isModerator(q.channelArn(), q.chimeBearer()))),
                fault("members-cannot-leave", "AUTH-019",
                        "a member who is not a moderator cannot delete their own membership",
                        ctx -> Interceptor.refuse(DeleteChannelMembershipRequest.class, ModeledError.FORBIDDEN, "Only moderators may remove members",
                                q -> Objects.equals(q.memberArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer()))),
                fault("outsiders-cannot-read-public-channels", "AUTH-021",
                        "listing the messages of a PUBLIC channel requires a membership",
                        ctx -> Interceptor.refuse(ListChannelMessagesRequest.class, ModeledError.FORBIDDEN, "Only members may read this channel",
                                q -> ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PUBLIC).orElse(false)
                                    && !ctx.isMember(q.channelArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer())
                                    && !ctx.isAdmin(q.chimeBearer()))),
                fault("outsiders-get-private-messages", "AUTH-022",
                        "GetChannelMessage in a PRIVATE channel does not check the membership (only listing does)",
                        allowWhenForbidden(GetChannelMessageRequest.class, (q, ctx) -> FaultContext.appInstanceOf(q.chimeBearer())
                                .equals(FaultContext.appInstanceOf(q.channelArn())))),
                fault("admins-are-not-moderators", "AUTH-024",
                        "an AppInstanceAdmin who is not a ChannelModerator of the channel may not ban, appoint moderators or redact",
                        ctx -> (q, chain) -> {
                            boolean moderatorAction = q instanceof CreateChannelBanRequest || q instanceof CreateChannelModeratorRequest
                                    || q instanceof RedactChannelMessageRequest || q instanceof AssociateChannelFlowRequest;
                            String channel = Members.text(q, "ChannelArn");
                            String bearer = Faults.bearer(q);
                            if (moderatorAction && channel != null && bearer != null && ctx.isAdmin(bearer) && !ctx.isModerator(channel, bearer)) {
                                throw FaultContext.error(ModeledError.FORBIDDEN, "Only moderators may do this");
                            }
                            return chain.proceed(q);
                        }),
                fault("own-memberships-need-admin", "AUTH-010",
                        "ListChannelMembershipsForAppInstanceUser with the caller's own ARN is refused unless the caller is an admin",
                        ctx -> Interceptor.refuse(ListChannelMembershipsForAppInstanceUserRequest.class, ModeledError.FORBIDDEN, "Only an AppInstanceAdmin may name a user",
                                q -> q.appInstanceUserArn() != null && !ctx.isAdmin(q.chimeBearer()))),
                fault("unjoined-moderator-can-post", "AUTH-023",
                        "a moderator or AppInstanceAdmin who never joined the channel may post: a membership is made on the fly",
                        ctx -> Interceptor.onError(SendChannelMessageRequest.class, ModeledError.FORBIDDEN,
                                q -> !ctx.isMember(q.channelArn(), q.chimeBearer())
                                        && (ctx.isModerator(q.channelArn(), q.chimeBearer()) || ctx.isAdmin(q.chimeBearer())),
                                (q, chain) -> {
                                    ctx.service().createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.chimeBearer())
                                            .type(ChannelMembershipType.DEFAULT).chimeBearer(ctx.operator(q.channelArn())));
                                    return chain.proceed(q);
                                })),
                fault("own-redaction-refused", "AUTH-025",
                        "a member may not redact the messages it sent itself: redaction is for moderators and admins only",
                        ctx -> Interceptor.on(RedactChannelMessageRequest.class, (q, chain) -> {
                            String bearer = q.chimeBearer();
                            // The sender's own message: refused unless the sender moderates or administers.
                            boolean own = bearer != null && FaultContext.appInstanceOf(q.channelArn()).isPresent()
                                    && ctx.message(q.channelArn(), q.messageId())
                                    .map(m -> m.sender() != null && bearer.equals(m.sender().arn())).orElse(false);
                            if (own && !ctx.isModerator(q.channelArn(), bearer) && !ctx.isAdmin(bearer)) {
                                throw FaultContext.error(ModeledError.FORBIDDEN, "Only moderators and admins can redact messages");
                            }
                            return chain.proceed(q);
                        })),
                fault("member-reads-moderators", "AUTH-026",
                        "anyone who may read a channel may describe and list its moderators, members and other users included",
                        allowWhenForbidden(SdkRequest.class, (q, c) -> (q instanceof DescribeChannelModeratorRequest
                                || q instanceof ListChannelModeratorsRequest) && readable(c, Members.text(q, "ChannelArn"), bearer(q)))));
    }

    /** The request about a message carried out as the message's sender (refused where there is no such message). */
    private static <Q extends SdkRequest> Interceptor.Typed<Q> asSender(FaultContext ctx) {
        return (q, chain) -> {
            String sender = ctx.message(Members.text(q, "ChannelArn"), Members.text(q, "MessageId")).map(m -> m.sender().arn())
                    .orElseThrow(() -> FaultContext.error(ModeledError.FORBIDDEN, "not the sender"));
            return chain.proceed(Members.with(q, "ChimeBearer", sender));
        };
    }

    /** What a request acts on, to tell whose AppInstance it is: its channel, else its AppInstance. */
    private static String ownerOf(SdkRequest q) {
        String channel = Members.text(q, "ChannelArn");
        return channel != null ? channel : Members.text(q, "AppInstanceArn");
    }
}
