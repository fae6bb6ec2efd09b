package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.allowWhenForbidden;
import static chime.conformance.runner.faults.Faults.bearer;
import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in who may do what, channels, memberships, moderators and bans (AUTH, CHAN, MEMB, MOD, BAN). */
final class AccessFaults {

    private AccessFaults() {
    }

    static List<Fault> all() {
        return List.of(
                // ---- AUTH ------------------------------------------------------------------------------
                fault("sender-can-delete-message", "AUTH-007",
                        "the sender of a message may delete it, not only an AppInstanceAdmin",
                        allowWhenForbidden(DeleteChannelMessageRequest.class, (q, ctx) -> ctx.message(q.channelArn(), q.messageId())
                                .map(m -> m.sender() != null && Objects.equals(m.sender().arn(), q.chimeBearer())).orElse(false))),
                fault("moderator-can-delete-message", "AUTH-007, MOD-006",
                        "a channel moderator may delete messages, as if deleting were a moderator action",
                        allowWhenForbidden(DeleteChannelMessageRequest.class, (q, ctx) -> ctx.isModerator(q.channelArn(), q.chimeBearer()))),
                fault("anyone-reads-message-status", "AUTH-008",
                        "any user of the channel may read the processing status of someone else's message",
                        ctx -> Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> Faults.onError(ErrorType.FORBIDDEN, chain, q,
                                () -> {
                                    String sender = ctx.message(q.channelArn(), q.messageId()).map(m -> m.sender().arn())
                                            .orElseThrow(() -> FaultContext.error(ErrorType.FORBIDDEN, "not the sender"));
                                    return chain.proceed(q.toBuilder().chimeBearer(sender).build());
                                }))),
                fault("members-add-to-restricted-channels", "AUTH-011",
                        "in a RESTRICTED channel, members and even outsiders may add members, as in an UNRESTRICTED one",
                        allowWhenForbidden(CreateChannelMembershipRequest.class, (q, ctx) -> q.type() != ChannelMembershipType.HIDDEN
                                && !ctx.isBanned(q.channelArn(), q.memberArn())
                                && ctx.channel(q.channelArn()).map(c -> c.mode() == ChannelMode.RESTRICTED).orElse(false))),
                fault("anyone-lists-private-channels", "AUTH-009",
                        "ListChannels with Privacy=PRIVATE lists the private channels to any user, not only to AppInstanceAdmins",
                        allowWhenForbidden(ListChannelsRequest.class, (q, ctx) -> true)),
                fault("anyone-lists-others-memberships", "AUTH-010",
                        "any user may list the channel memberships of another user",
                        allowWhenForbidden(ListChannelMembershipsForAppInstanceUserRequest.class, (q, ctx) -> q.appInstanceUserArn() != null)),
                fault("members-redact-others-messages", "AUTH-017",
                        "a member who is not a moderator may redact other users' messages",
                        allowWhenForbidden(RedactChannelMessageRequest.class, (q, ctx) -> ctx.isMember(q.channelArn(), q.chimeBearer()))),
                fault("others-edit-messages", "AUTH-020",
                        "a user other than the sender (a member, moderator or admin) may edit a message",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> Faults.onError(ErrorType.FORBIDDEN, chain, q,
                                () -> {
                                    String sender = ctx.message(q.channelArn(), q.messageId()).map(m -> m.sender().arn())
                                            .orElseThrow(() -> FaultContext.error(ErrorType.FORBIDDEN, "not the sender"));
                                    return chain.proceed(q.toBuilder().chimeBearer(sender).build());
                                }))),
                fault("other-app-instance-bearer-accepted", "AUTH-003",
                        "a user of another AppInstance may read and join public channels: the bearer's AppInstance is not checked",
                        ctx -> (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                String bearer = bearer(q);
                                String channel = Members.text(q, "ChannelArn");
                                String target = channel != null ? channel : Members.text(q, "AppInstanceArn");
                                if (FaultContext.is(e, ErrorType.FORBIDDEN) && bearer != null && target != null
                                        && !FaultContext.appInstanceOf(bearer).equals(FaultContext.appInstanceOf(target))
                                        && FaultContext.appInstanceOf(target).isPresent()) {
                                    return chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(target)));
                                }
                                throw e;
                            }
                        }),
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
                        ctx -> (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                String bearer = bearer(q);
                                String arn = Faults.arnIn(q);
                                // AUTH-002: refused as Unauthorized (as reported of AWS) or Forbidden.
                                if ((FaultContext.is(e, ErrorType.FORBIDDEN) || FaultContext.is(e, ErrorType.UNAUTHORIZED_CLIENT))
                                        && bearer != null && arn != null
                                        && FaultContext.appInstanceOf(arn).isPresent() && !ctx.userExists(bearer)) {
                                    return chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(arn)));
                                }
                                throw e;
                            }
                        }),
                fault("members-associate-flows", "AUTH-005, AUTH-006",
                        "members may associate and disassociate channel flows, not only moderators and admins",
                        ctx -> Interceptor.all(
                                allowWhenForbidden(AssociateChannelFlowRequest.class, (q, c) -> true).apply(ctx),
                                allowWhenForbidden(DisassociateChannelFlowRequest.class, (q, c) -> true).apply(ctx))),
                fault("members-appoint-moderators", "AUTH-015",
                        "members may create and delete channel moderators",
                        ctx -> Interceptor.all(
                                allowWhenForbidden(CreateChannelModeratorRequest.class,
                                        (q, c) -> !c.isBanned(q.channelArn(), q.channelModeratorArn())).apply(ctx),
                                allowWhenForbidden(DeleteChannelModeratorRequest.class, (q, c) -> true).apply(ctx))),
                fault("members-ban-users", "AUTH-016",
                        "members may ban users and lift bans",
                        ctx -> Interceptor.all(
                                allowWhenForbidden(CreateChannelBanRequest.class, (q, c) -> true).apply(ctx),
                                allowWhenForbidden(DeleteChannelBanRequest.class, (q, c) -> true).apply(ctx))),

                fault("moderator-action-noop", "AUTH-011, AUTH-014, AUTH-015, AUTH-016, AUTH-017",
                        "a channel moderator's bans, lifted bans, new and removed members and moderators, and redactions"
                                + " answer success but change nothing; an AppInstanceAdmin's still take effect",
                        AccessFaults::moderatorActionsUndone),
                // ---- CHAN ------------------------------------------------------------------------------
                fault("private-channels-listed-to-all", "CHAN-005, CHAN-010",
                        "ListChannels without a privacy filter, or with PUBLIC, also lists the private channels",
                        ctx -> Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                            ListChannelsResponse r = chain.call(q);
                            if (q.privacy() == ChannelPrivacy.PRIVATE || q.nextToken() != null) {
                                return r;
                            }
                            List<ChannelSummary> all = new ArrayList<>(r.channels());
                            ListChannelsRequest.Builder privateOnes = ListChannelsRequest.builder()
                                    .appInstanceArn(q.appInstanceArn()).privacy(ChannelPrivacy.PRIVATE).chimeBearer(ctx.operator(q.appInstanceArn()));
                            String token = null;
                            do {
                                ListChannelsResponse page = ctx.service().listChannels(privateOnes.nextToken(token).build());
                                all.addAll(page.channels());
                                token = page.nextToken();
                            } while (token != null);
                            return r.toBuilder().channels(all).build();
                        })),
                fault("update-resets-privacy", "CHAN-004",
                        "UpdateChannel rebuilds the channel with the default privacy: an updated private channel becomes public",
                        ctx -> {
                            Set<String> updated = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    Interceptor.on(UpdateChannelRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q);
                                        updated.add(q.channelArn());
                                        return r;
                                    }),
                                    Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                                        DescribeChannelResponse r = chain.call(q);
                                        return updated.contains(q.channelArn())
                                                ? r.toBuilder().channel(r.channel().toBuilder().privacy(ChannelPrivacy.PUBLIC).build()).build() : r;
                                    }),
                                    Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                                        ListChannelsResponse r = chain.call(q);
                                        return r.toBuilder().channels(r.channels().stream().map(c -> updated.contains(c.channelArn())
                                                ? c.toBuilder().privacy(ChannelPrivacy.PUBLIC).build() : c).toList()).build();
                                    }));
                        }),
                fault("create-ignores-mode", "CHAN-002",
                        "CreateChannel ignores the Mode given: every channel is UNRESTRICTED",
                        ctx -> Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(q.toBuilder().mode((String) null).build()))),
                fault("update-ignores-mode", "CHAN-016, CHAN-018",
                        "UpdateChannel changes the name and metadata but keeps the old Mode",
                        ctx -> Interceptor.on(UpdateChannelRequest.class, (q, chain) -> chain.proceed(ctx.channel(q.channelArn())
                                .map(c -> q.toBuilder().mode(c.mode()).build()).orElse(q)))),
                fault("deleted-channel-still-listed", "CHAN-019, CHAN-007",
                        "a deleted channel is only marked as deleted, and ListChannels still lists it",
                        ctx -> {
                            Map<String, ChannelSummary> deleted = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelRequest.class, (q, chain) -> {
                                        Optional<Channel> before = ctx.channel(q.channelArn());
                                        var r = chain.proceed(q);
                                        before.ifPresent(c -> deleted.put(c.channelArn(), ChannelSummary.builder().name(c.name())
                                                .channelArn(c.channelArn()).mode(c.mode()).privacy(c.privacy()).metadata(c.metadata())
                                                .lastMessageTimestamp(c.lastMessageTimestamp()).build()));
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                                        ListChannelsResponse r = chain.call(q);
                                        if (q.nextToken() != null) {
                                            return r;
                                        }
                                        ChannelPrivacy wanted = q.privacy() == null ? ChannelPrivacy.PUBLIC : q.privacy();
                                        List<ChannelSummary> all = new ArrayList<>(r.channels());
                                        deleted.values().stream()
                                                .filter(c -> FaultContext.appInstanceOf(c.channelArn()).equals(Optional.ofNullable(q.appInstanceArn())))
                                                .filter(c -> c.privacy() == wanted)
                                                .forEach(all::add);
                                        return r.toBuilder().channels(all).build();
                                    }));
                        }),
                fault("non-persistent-moves-last-message-time", "CHAN-014",
                        "a NON_PERSISTENT message moves the channel's LastMessageTimestamp, like a persistent one",
                        ctx -> {
                            Map<String, Instant> lastSent = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q);
                                        if (q.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT) {
                                            lastSent.put(q.channelArn(), Instant.now());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                                        ListChannelsResponse r = chain.call(q);
                                        return r.toBuilder().channels(r.channels().stream().map(c -> {
                                            Instant sent = lastSent.get(c.channelArn());
                                            return sent == null || (c.lastMessageTimestamp() != null && c.lastMessageTimestamp().isAfter(sent))
                                                    ? c : c.toBuilder().lastMessageTimestamp(sent).build();
                                        }).toList()).build();
                                    }));
                        }),
                fault("creator-recorded-without-name", "CHAN-013, MEMB-017",
                        "DescribeChannel names its creator by ARN only, without the user's Name",
                        ctx -> Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                            DescribeChannelResponse r = chain.call(q);
                            Channel c = r.channel();
                            return c.createdBy() == null ? r : r.toBuilder().channel(c.toBuilder()
                                    .createdBy(Identity.builder().arn(c.createdBy().arn()).build()).build()).build();
                        })),
                fault("user-memberships-omit-hidden", "CHAN-025",
                        "a user's list of channel memberships leaves out the channels where the membership is HIDDEN",
                        ctx -> Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                            ListChannelMembershipsForAppInstanceUserResponse r = chain.call(q);
                            return r.toBuilder().channelMemberships(r.channelMemberships().stream()
                                    .filter(m -> m.appInstanceUserMembershipSummary() == null
                                            || m.appInstanceUserMembershipSummary().type() != ChannelMembershipType.HIDDEN)
                                    .toList()).build();
                        })),

                // ---- MEMB ------------------------------------------------------------------------------
                fault("hidden-members-listed", "MEMB-006",
                        "ListChannelMemberships without a type filter lists HIDDEN members along with DEFAULT ones",
                        ctx -> Interceptor.on(ListChannelMembershipsRequest.class, (q, chain) -> {
                            ListChannelMembershipsResponse r = chain.call(q);
                            if (q.type() != null || q.nextToken() != null) {
                                return r;
                            }
                            List<ChannelMembershipSummary> all = new ArrayList<>(r.channelMemberships());
                            String token = null;
                            do {
                                ListChannelMembershipsResponse page = ctx.service().listChannelMemberships(ListChannelMembershipsRequest.builder()
                                        .channelArn(q.channelArn()).type(ChannelMembershipType.HIDDEN).nextToken(token)
                                        .chimeBearer(ctx.operator(q.channelArn())).build());
                                all.addAll(page.channelMemberships());
                                token = page.nextToken();
                            } while (token != null);
                            return r.toBuilder().channelMemberships(all).build();
                        })),
                fault("invited-by-is-the-member", "MEMB-002",
                        "a membership's InvitedBy names the member rather than the user whose request added them",
                        ctx -> Interceptor.on(DescribeChannelMembershipRequest.class, (q, chain) -> {
                            DescribeChannelMembershipResponse r = chain.call(q);
                            ChannelMembership m = r.channelMembership();
                            return r.toBuilder().channelMembership(m.toBuilder().invitedBy(m.member()).build()).build();
                        })),
                fault("membership-type-optional", "MEMB-003",
                        "CreateChannelMembership without a Type adds a DEFAULT member instead of rejecting the request",
                        ctx -> Interceptor.on(CreateChannelMembershipRequest.class, (q, chain) -> chain.proceed(
                                q.typeAsString() == null ? q.toBuilder().type(ChannelMembershipType.DEFAULT).build() : q))),
                fault("members-add-hidden-members", "MEMB-008",
                        "any member may create HIDDEN memberships, not only moderators",
                        allowWhenForbidden(CreateChannelMembershipRequest.class, (q, ctx) -> q.type() == ChannelMembershipType.HIDDEN
                                && ctx.isMember(q.channelArn(), q.chimeBearer()))),
                fault("batch-failures-reported-as-added", "MEMB-012",
                        "BatchCreateChannelMembership lists the users that failed among the members added as well",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> {
                            BatchCreateChannelMembershipResponse r = chain.call(q);
                            if (r.errors().isEmpty() || r.batchChannelMemberships() == null) {
                                return r;
                            }
                            List<Identity> members = new ArrayList<>(r.batchChannelMemberships().members());
                            r.errors().forEach(e -> members.add(Identity.builder().arn(e.memberArn()).build()));
                            return r.toBuilder().batchChannelMemberships(r.batchChannelMemberships().toBuilder().members(members).build()).build();
                        })),
                fault("batch-default-type-hidden", "MEMB-004",
                        "BatchCreateChannelMembership without a Type creates HIDDEN members",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> chain.proceed(
                                q.typeAsString() == null ? q.toBuilder().type(ChannelMembershipType.HIDDEN).build() : q))),
                fault("removed-member-keeps-channel", "MEMB-014",
                        "after DeleteChannelMembership the former member's ListChannelMembershipsForAppInstanceUser still shows the channel",
                        ctx -> {
                            Map<String, List<ChannelMembershipForAppInstanceUserSummary>> left = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelMembershipRequest.class, (q, chain) -> {
                                        Optional<ChannelMembershipForAppInstanceUserSummary> before = membershipOf(ctx, q.channelArn(), q.memberArn());
                                        var r = chain.proceed(q);
                                        before.ifPresent(s -> left.computeIfAbsent(q.memberArn(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(s));
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                                        ListChannelMembershipsForAppInstanceUserResponse r = chain.call(q);
                                        String user = q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer();
                                        List<ChannelMembershipForAppInstanceUserSummary> extra = left.get(user);
                                        if (extra == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelMembershipForAppInstanceUserSummary> all = new ArrayList<>(r.channelMemberships());
                                        all.addAll(extra);
                                        return r.toBuilder().channelMemberships(all).build();
                                    }));
                        }),
                fault("foreign-users-become-members", "MEMB-015",
                        "CreateChannelMembership accepts a MemberArn that is no AppInstanceUser of the channel's AppInstance",
                        ctx -> Interceptor.on(CreateChannelMembershipRequest.class, (q, chain) -> Faults.onError(ErrorType.NOT_FOUND, chain, q,
                                () -> CreateChannelMembershipResponse.builder().channelArn(q.channelArn())
                                        .member(Identity.builder().arn(q.memberArn()).build())
                                        .sdkHttpResponse(FaultContext.http(201)).build()))),

                // ---- MOD -------------------------------------------------------------------------------
                fault("moderator-removal-ignored", "MOD-004",
                        "DeleteChannelModerator answers 204 but the user stays a moderator",
                        ctx -> Interceptor.on(DeleteChannelModeratorRequest.class, (q, chain) -> {
                            DeleteChannelModeratorResponse r = chain.call(q);
                            ctx.service().createChannelModerator(b -> b.channelArn(q.channelArn())
                                    .channelModeratorArn(q.channelModeratorArn()).chimeBearer(ctx.operator(q.channelArn())));
                            return r;
                        })),
                fault("moderator-made-member", "MOD-005",
                        "CreateChannelModerator also makes the user a member of the channel",
                        ctx -> Interceptor.on(CreateChannelModeratorRequest.class, (q, chain) -> {
                            var r = chain.proceed(q);
                            try {
                                ctx.service().createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.channelModeratorArn())
                                        .type(ChannelMembershipType.DEFAULT).chimeBearer(ctx.operator(q.channelArn())));
                            } catch (ChimeSdkMessagingException ignored) {
                                // already a member, or cannot be one
                            }
                            return r;
                        })),
                fault("moderator-created-by-self", "MOD-002",
                        "DescribeChannelModerator names the moderator as its own creator instead of the user who appointed them",
                        ctx -> Interceptor.on(DescribeChannelModeratorRequest.class, (q, chain) -> {
                            DescribeChannelModeratorResponse r = chain.call(q);
                            ChannelModerator m = r.channelModerator();
                            return r.toBuilder().channelModerator(m.toBuilder().createdBy(m.moderator()).build()).build();
                        })),

                // ---- BAN -------------------------------------------------------------------------------
                fault("ban-does-not-kick", "BAN-002",
                        "banning a member records the ban but leaves the membership in place",
                        ctx -> {
                            Map<String, ChannelMembership> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                                        Optional<ChannelMembership> before = membership(ctx, q.channelArn(), q.memberArn());
                                        var r = chain.proceed(q);
                                        before.ifPresent(m -> kept.put(q.channelArn() + " " + q.memberArn(), m));
                                        return r;
                                    }),
                                    Interceptor.on(DeleteChannelBanRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q);
                                        kept.remove(q.channelArn() + " " + q.memberArn());
                                        return r;
                                    }),
                                    Interceptor.on(DescribeChannelMembershipRequest.class, (q, chain) -> {
                                        ChannelMembership m = kept.get(q.channelArn() + " " + q.memberArn());
                                        return m == null ? chain.proceed(q) : Faults.onError(ErrorType.NOT_FOUND, chain, q,
                                                () -> DescribeChannelMembershipResponse.builder().channelMembership(m)
                                                        .sdkHttpResponse(FaultContext.http(200)).build());
                                    }),
                                    Interceptor.on(ListChannelMembershipsRequest.class, (q, chain) -> {
                                        ListChannelMembershipsResponse r = chain.call(q);
                                        if (q.nextToken() != null) {
                                            return r;
                                        }
                                        ChannelMembershipType wanted = q.type() == null ? ChannelMembershipType.DEFAULT : q.type();
                                        List<ChannelMembershipSummary> all = new ArrayList<>(r.channelMemberships());
                                        kept.values().stream().filter(m -> m.channelArn().equals(q.channelArn()) && m.type() == wanted)
                                                .forEach(m -> all.add(ChannelMembershipSummary.builder().member(m.member()).build()));
                                        return r.toBuilder().channelMemberships(all).build();
                                    }),
                                    Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                                        ListChannelMembershipsForAppInstanceUserResponse r = chain.call(q);
                                        String user = q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer();
                                        if (q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelMembershipForAppInstanceUserSummary> all = new ArrayList<>(r.channelMemberships());
                                        kept.values().stream().filter(m -> m.member().arn().equals(user)).forEach(m -> ctx.channel(m.channelArn())
                                                .ifPresent(c -> all.add(ChannelMembershipForAppInstanceUserSummary.builder()
                                                        .channelSummary(ChannelSummary.builder().name(c.name()).channelArn(c.channelArn())
                                                                .mode(c.mode()).privacy(c.privacy()).metadata(c.metadata()).build())
                                                        .appInstanceUserMembershipSummary(b -> b.type(m.type())).build())));
                                        return r.toBuilder().channelMemberships(all).build();
                                    }));
                        }),
                fault("banned-users-can-be-added", "BAN-003",
                        "CreateChannelMembership does not consult the ban list: moderators can add banned users",
                        ctx -> Interceptor.on(CreateChannelMembershipRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ErrorType.FORBIDDEN) && !q.memberArn().equals(q.chimeBearer())
                                        && ctx.isBanned(q.channelArn(), q.memberArn())) {
                                    return CreateChannelMembershipResponse.builder().channelArn(q.channelArn())
                                            .member(Identity.builder().arn(q.memberArn()).build())
                                            .sdkHttpResponse(FaultContext.http(201)).build();
                                }
                                throw e;
                            }
                        })),
                fault("unban-restores-membership", "BAN-005",
                        "DeleteChannelBan gives a banned former member their membership back",
                        ctx -> {
                            Map<String, ChannelMembershipType> wasMember = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                                        Optional<ChannelMembership> before = membership(ctx, q.channelArn(), q.memberArn());
                                        var r = chain.proceed(q);
                                        wasMember.put(q.channelArn() + " " + q.memberArn(),
                                                before.map(ChannelMembership::type).orElse(ChannelMembershipType.DEFAULT));
                                        return r;
                                    }),
                                    Interceptor.on(DeleteChannelBanRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q);
                                        ChannelMembershipType type = wasMember.remove(q.channelArn() + " " + q.memberArn());
                                        if (type != null) {
                                            ctx.service().createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.memberArn())
                                                    .type(type).chimeBearer(ctx.operator(q.channelArn())));
                                        }
                                        return r;
                                    }));
                        }),
                fault("banned-users-can-post", "BAN-004",
                        "SendChannelMessage does not consult the ban list: a banned user's message is accepted",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ErrorType.FORBIDDEN) && ctx.isBanned(q.channelArn(), q.chimeBearer())) {
                                    return SendChannelMessageResponse.builder().channelArn(q.channelArn())
                                            .messageId(java.util.UUID.randomUUID().toString().replace("-", ""))
                                            .status(s -> s.value(ChannelMessageStatus.SENT))
                                            .sdkHttpResponse(FaultContext.http(201)).build();
                                }
                                throw e;
                            }
                        })),
                fault("unban-ignored", "BAN-006",
                        "DeleteChannelBan answers 204 but the ban stays on the list",
                        ctx -> Interceptor.on(DeleteChannelBanRequest.class, (q, chain) -> {
                            DeleteChannelBanResponse r = chain.call(q);
                            ctx.service().createChannelBan(b -> b.channelArn(q.channelArn()).memberArn(q.memberArn())
                                    .chimeBearer(ctx.operator(q.channelArn())));
                            return r;
                        })));
    }

    static Optional<ChannelMembership> membership(FaultContext ctx, String channelArn, String memberArn) {
        try {
            return Optional.of(ctx.service().describeChannelMembership(b -> b.channelArn(channelArn).memberArn(memberArn)
                    .chimeBearer(ctx.operator(channelArn))).channelMembership());
        } catch (ChimeSdkMessagingException e) {
            return Optional.empty();
        }
    }

    static Optional<ChannelMembershipForAppInstanceUserSummary> membershipOf(FaultContext ctx, String channelArn, String memberArn) {
        try {
            return Optional.of(ctx.service().describeChannelMembershipForAppInstanceUser(b -> b.channelArn(channelArn)
                    .appInstanceUserArn(memberArn).chimeBearer(ctx.operator(channelArn))).channelMembership());
        } catch (ChimeSdkMessagingException e) {
            return Optional.empty();
        }
    }

    /**
     * moderator-action-noop: the action is carried out and then undone, through the faulty service's own
     * administrator, so that the caller gets the answer the correct service gives; a redaction, which
     * cannot be undone, is answered without being carried out.
     */
    private static Interceptor moderatorActionsUndone(FaultContext ctx) {
        return (q, chain) -> {
            String bearer = Faults.bearer(q);
            String channel = Members.text(q, "ChannelArn");
            boolean moderatorAction = q instanceof CreateChannelBanRequest || q instanceof DeleteChannelBanRequest
                    || q instanceof CreateChannelModeratorRequest || q instanceof DeleteChannelModeratorRequest
                    || q instanceof RedactChannelMessageRequest
                    || (q instanceof CreateChannelMembershipRequest c && !java.util.Objects.equals(c.memberArn(), bearer))
                    || (q instanceof DeleteChannelMembershipRequest d && !java.util.Objects.equals(d.memberArn(), bearer));
            if (!moderatorAction || bearer == null || channel == null || !ctx.isModerator(channel, bearer) || ctx.isAdmin(bearer)) {
                return chain.proceed(q);
            }
            var service = ctx.service();
            String operator = ctx.operator(channel);
            if (q instanceof RedactChannelMessageRequest r) {
                if (ctx.message(channel, r.messageId()).isEmpty()) {
                    return chain.proceed(q);
                }
                return RedactChannelMessageResponse.builder().channelArn(channel).messageId(r.messageId())
                        .sdkHttpResponse(FaultContext.http(200)).build();
            }
            if (q instanceof CreateChannelBanRequest b) {
                var before = ctx.membership(channel, b.memberArn());
                SdkResponse answer = chain.proceed(q);
                service.deleteChannelBan(x -> x.channelArn(channel).memberArn(b.memberArn()).chimeBearer(operator));
                before.ifPresent(m -> service.createChannelMembership(x -> x.channelArn(channel).memberArn(b.memberArn())
                        .type(m.type()).chimeBearer(operator)));
                return answer;
            }
            if (q instanceof DeleteChannelMembershipRequest d) {
                var before = ctx.membership(channel, d.memberArn());
                SdkResponse answer = chain.proceed(q);
                before.ifPresent(m -> service.createChannelMembership(x -> x.channelArn(channel).memberArn(d.memberArn())
                        .type(m.type()).chimeBearer(operator)));
                return answer;
            }
            SdkResponse answer = chain.proceed(q);
            if (q instanceof DeleteChannelBanRequest b) {
                service.createChannelBan(x -> x.channelArn(channel).memberArn(b.memberArn()).chimeBearer(operator));
            } else if (q instanceof CreateChannelModeratorRequest m) {
                service.deleteChannelModerator(x -> x.channelArn(channel).channelModeratorArn(m.channelModeratorArn())
                        .chimeBearer(operator));
            } else if (q instanceof DeleteChannelModeratorRequest m) {
                service.createChannelModerator(x -> x.channelArn(channel).channelModeratorArn(m.channelModeratorArn())
                        .chimeBearer(operator));
            } else if (q instanceof CreateChannelMembershipRequest c) {
                service.deleteChannelMembership(x -> x.channelArn(channel).memberArn(c.memberArn()).chimeBearer(operator));
            }
            return answer;
        };
    }
}
