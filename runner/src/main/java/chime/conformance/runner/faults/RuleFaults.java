package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.allowWhenForbidden;
import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * A second series of faults, one per rule of the catalogue that the first series left alone: each is
 * what an emulator gets wrong when it reads that one sentence of the documentation differently.
 */
final class RuleFaults {

    private RuleFaults() {
    }

    static List<Fault> all() {
        return List.of(
                // ---- AUTH ------------------------------------------------------------------------------
                fault("members-cannot-invite", "AUTH-012",
                        "in an UNRESTRICTED channel only moderators and admins may add other users, as in a RESTRICTED one",
                        ctx -> Interceptor.on(CreateChannelMembershipRequest.class, (q, chain) -> {
                            if (!Objects.equals(q.memberArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer())
                                    && !ctx.isAdmin(q.chimeBearer())) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only moderators may add members");
                            }
                            return chain.proceed(q);
                        })),
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
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            if (ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PRIVATE).orElse(false)
                                    && !ctx.isMember(q.channelArn(), q.chimeBearer()) && ctx.isModerator(q.channelArn(), q.chimeBearer())) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only members may read this channel");
                            }
                            return chain.proceed(q);
                        })),
                fault("members-cannot-leave", "AUTH-019",
                        "a member who is not a moderator cannot delete their own membership",
                        ctx -> Interceptor.on(DeleteChannelMembershipRequest.class, (q, chain) -> {
                            if (Objects.equals(q.memberArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer())) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only moderators may remove members");
                            }
                            return chain.proceed(q);
                        })),
                fault("outsiders-cannot-read-public-channels", "AUTH-021",
                        "listing the messages of a PUBLIC channel requires a membership",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            if (ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PUBLIC).orElse(false)
                                    && !ctx.isMember(q.channelArn(), q.chimeBearer()) && !ctx.isModerator(q.channelArn(), q.chimeBearer())
                                    && !ctx.isAdmin(q.chimeBearer())) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only members may read this channel");
                            }
                            return chain.proceed(q);
                        })),
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
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only moderators may do this");
                            }
                            return chain.proceed(q);
                        }),

                // ---- CHAN ------------------------------------------------------------------------------
                fault("update-time-never-moves", "CHAN-015",
                        "DescribeChannel always shows the creation time as the LastUpdatedTimestamp",
                        ctx -> Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                            DescribeChannelResponse r = chain.call(q);
                            return r.toBuilder().channel(r.channel().toBuilder().lastUpdatedTimestamp(r.channel().createdTimestamp()).build()).build();
                        })),
                fault("moderated-channels-keep-deleted-ones", "CHAN-021",
                        "after DeleteChannel, the former moderators' ListChannelsModeratedByAppInstanceUser still shows the channel",
                        ctx -> {
                            Map<String, List<ChannelModeratedByAppInstanceUserSummary>> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelRequest.class, (q, chain) -> {
                                        var channel = ctx.channel(q.channelArn());
                                        List<String> moderators = new ArrayList<>();
                                        channel.ifPresent(c -> ctx.service().listChannelModerators(b -> b.channelArn(q.channelArn()).maxResults(50)
                                                .chimeBearer(ctx.operator(q.channelArn()))).channelModerators().forEach(m -> moderators.add(m.moderator().arn())));
                                        var r = chain.proceed(q);
                                        channel.ifPresent(c -> moderators.forEach(m -> kept.computeIfAbsent(m, k -> new CopyOnWriteArrayList<>())
                                                .add(ChannelModeratedByAppInstanceUserSummary.builder().channelSummary(summary(c)).build())));
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelsModeratedByAppInstanceUserRequest.class, (q, chain) -> {
                                        ListChannelsModeratedByAppInstanceUserResponse r = chain.call(q);
                                        String user = q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer();
                                        List<ChannelModeratedByAppInstanceUserSummary> extra = kept.get(user);
                                        if (extra == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelModeratedByAppInstanceUserSummary> all = new ArrayList<>(r.channels());
                                        all.addAll(extra);
                                        return r.toBuilder().channels(all).build();
                                    }));
                        }),
                fault("member-view-always-default", "CHAN-022",
                        "DescribeChannelMembershipForAppInstanceUser reports every membership as DEFAULT",
                        ctx -> Interceptor.on(DescribeChannelMembershipForAppInstanceUserRequest.class, (q, chain) -> {
                            DescribeChannelMembershipForAppInstanceUserResponse r = chain.call(q);
                            var m = r.channelMembership();
                            return r.toBuilder().channelMembership(m.toBuilder().appInstanceUserMembershipSummary(
                                    m.appInstanceUserMembershipSummary().toBuilder().type(ChannelMembershipType.DEFAULT).build()).build()).build();
                        })),
                fault("moderated-channels-of-the-caller", "CHAN-024",
                        "ListChannelsModeratedByAppInstanceUser ignores AppInstanceUserArn and lists the caller's own channels",
                        ctx -> Interceptor.on(ListChannelsModeratedByAppInstanceUserRequest.class, (q, chain) ->
                                chain.proceed(q.toBuilder().appInstanceUserArn(null).build()))),
                fault("public-list-only-joined", "CHAN-006, CHAN-008",
                        "ListChannels with Privacy=PUBLIC lists only the public channels the caller is a member of",
                        ctx -> Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                            ListChannelsResponse r = chain.call(q);
                            if (q.privacy() != ChannelPrivacy.PUBLIC || ctx.isAdmin(q.chimeBearer())) {
                                return r;
                            }
                            return r.toBuilder().channels(r.channels().stream()
                                    .filter(c -> ctx.isMember(c.channelArn(), q.chimeBearer())).toList()).build();
                        })),
                fault("private-list-includes-public", "CHAN-009",
                        "ListChannels with Privacy=PRIVATE lists every channel, public ones included",
                        ctx -> Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                            ListChannelsResponse r = chain.call(q);
                            if (q.privacy() != ChannelPrivacy.PRIVATE || q.nextToken() != null) {
                                return r;
                            }
                            List<ChannelSummary> all = new ArrayList<>(r.channels());
                            all.addAll(ctx.service().listChannels(b -> b.appInstanceArn(q.appInstanceArn()).privacy(ChannelPrivacy.PUBLIC)
                                    .maxResults(50).chimeBearer(q.chimeBearer())).channels());
                            return r.toBuilder().channels(all).build();
                        })),
                fault("summaries-without-metadata", "CHAN-011",
                        "the channel summaries of ListChannels carry no Metadata",
                        ctx -> Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                            ListChannelsResponse r = chain.call(q);
                            return r.toBuilder().channels(r.channels().stream().map(c -> c.toBuilder().metadata(null).build()).toList()).build();
                        })),
                fault("outsiders-describe-private-channels", "CHAN-005",
                        "DescribeChannel on a PRIVATE channel answers any user of the AppInstance",
                        allowWhenForbidden(DescribeChannelRequest.class, (q, ctx) -> ctx.userExists(q.chimeBearer())
                                && FaultContext.appInstanceOf(q.chimeBearer()).equals(FaultContext.appInstanceOf(q.channelArn())))),

                // ---- MEMB ------------------------------------------------------------------------------
                fault("default-filter-returns-hidden", "MEMB-007",
                        "ListChannelMemberships with Type=DEFAULT lists the hidden members too",
                        ctx -> Interceptor.on(ListChannelMembershipsRequest.class, (q, chain) -> {
                            ListChannelMembershipsResponse r = chain.call(q);
                            if (q.type() != ChannelMembershipType.DEFAULT || q.nextToken() != null) {
                                return r;
                            }
                            List<ChannelMembershipSummary> all = new ArrayList<>(r.channelMemberships());
                            all.addAll(ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn()).type(ChannelMembershipType.HIDDEN)
                                    .maxResults(50).chimeBearer(ctx.operator(q.channelArn()))).channelMemberships());
                            return r.toBuilder().channelMemberships(all).build();
                        })),
                fault("hidden-members-cannot-read", "MEMB-009",
                        "a HIDDEN member is not counted as a member when reading: a private channel's messages are refused to it",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            if (q.chimeBearer() != null && FaultContext.appInstanceOf(q.channelArn()).isPresent()
                                    && ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PRIVATE).orElse(false)
                                    && AccessFaults.membership(ctx, q.channelArn(), q.chimeBearer())
                                            .map(m -> m.type() == ChannelMembershipType.HIDDEN).orElse(false)) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only members may read a private channel");
                            }
                            return chain.proceed(q);
                        })),
                fault("batch-inviter-is-first-member", "MEMB-002",
                        "BatchCreateChannelMembership names the first member added as the inviter",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> {
                            BatchCreateChannelMembershipResponse r = chain.call(q);
                            BatchChannelMemberships b = r.batchChannelMemberships();
                            return b == null || b.members().isEmpty() ? r
                                    : r.toBuilder().batchChannelMemberships(b.toBuilder().invitedBy(b.members().get(0)).build()).build();
                        })),
                fault("membership-without-timestamps", "MEMB-013",
                        "DescribeChannelMembership carries no CreatedTimestamp or LastUpdatedTimestamp",
                        ctx -> Interceptor.on(DescribeChannelMembershipRequest.class, (q, chain) -> {
                            DescribeChannelMembershipResponse r = chain.call(q);
                            return r.toBuilder().channelMembership(r.channelMembership().toBuilder().createdTimestamp(null)
                                    .lastUpdatedTimestamp(null).build()).build();
                        })),
                fault("new-member-without-name", "MEMB-001, MEMB-017",
                        "CreateChannelMembership names the new member by ARN only",
                        ctx -> Interceptor.on(CreateChannelMembershipRequest.class, (q, chain) -> {
                            CreateChannelMembershipResponse r = chain.call(q);
                            return r.toBuilder().member(Identity.builder().arn(r.member().arn()).build()).build();
                        })),

                // ---- MOD -------------------------------------------------------------------------------
                fault("moderator-list-only-members", "MOD-003, MOD-005",
                        "ListChannelModerators leaves out moderators who are not members of the channel",
                        ctx -> Interceptor.on(ListChannelModeratorsRequest.class, (q, chain) -> {
                            ListChannelModeratorsResponse r = chain.call(q);
                            return r.toBuilder().channelModerators(r.channelModerators().stream()
                                    .filter(m -> ctx.isMember(q.channelArn(), m.moderator().arn())).toList()).build();
                        })),
                fault("moderated-channels-stale", "MOD-007",
                        "after DeleteChannelModerator the user's ListChannelsModeratedByAppInstanceUser still shows the channel",
                        ctx -> {
                            Map<String, List<ChannelModeratedByAppInstanceUserSummary>> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelModeratorRequest.class, (q, chain) -> {
                                        var channel = ctx.channel(q.channelArn());
                                        var r = chain.proceed(q);
                                        channel.ifPresent(c -> kept.computeIfAbsent(q.channelModeratorArn(), k -> new CopyOnWriteArrayList<>())
                                                .add(ChannelModeratedByAppInstanceUserSummary.builder().channelSummary(summary(c)).build()));
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelsModeratedByAppInstanceUserRequest.class, (q, chain) -> {
                                        ListChannelsModeratedByAppInstanceUserResponse r = chain.call(q);
                                        String user = q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer();
                                        List<ChannelModeratedByAppInstanceUserSummary> extra = kept.get(user);
                                        if (extra == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelModeratedByAppInstanceUserSummary> all = new ArrayList<>(r.channels());
                                        all.addAll(extra);
                                        return r.toBuilder().channels(all).build();
                                    }));
                        }),
                fault("former-moderator-keeps-powers", "MOD-004",
                        "DeleteChannelModerator removes the role from the lists, but the permissions of the role stay cached",
                        ctx -> {
                            Set<String> former = ConcurrentHashMap.newKeySet();
                            Interceptor remember = Interceptor.on(DeleteChannelModeratorRequest.class, (q, chain) -> {
                                var r = chain.proceed(q);
                                former.add(q.channelArn() + " " + q.channelModeratorArn());
                                return r;
                            });
                            Interceptor powers = (q, chain) -> {
                                try {
                                    return chain.proceed(q);
                                } catch (ChimeSdkMessagingException e) {
                                    String channel = Members.text(q, "ChannelArn");
                                    if (FaultContext.is(e, ErrorType.FORBIDDEN) && channel != null
                                            && former.contains(channel + " " + Faults.bearer(q))) {
                                        return chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(channel)));
                                    }
                                    throw e;
                                }
                            };
                            return Interceptor.all(remember, powers);
                        }),
                fault("moderator-removal-ends-membership", "MOD-004",
                        "DeleteChannelModerator also removes the user's membership",
                        ctx -> Interceptor.on(DeleteChannelModeratorRequest.class, (q, chain) -> {
                            var r = chain.proceed(q);
                            try {
                                ctx.service().deleteChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.channelModeratorArn())
                                        .chimeBearer(ctx.operator(q.channelArn())));
                            } catch (ChimeSdkMessagingException ignored) {
                                // not a member
                            }
                            return r;
                        })),

                // ---- BAN -------------------------------------------------------------------------------
                fault("bans-outlive-users", "BAN-007",
                        "bans of a deleted AppInstanceUser stay on the channel's ban list",
                        ctx -> {
                            Map<String, List<ChannelBanSummary>> bans = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                                        CreateChannelBanResponse r = chain.call(q);
                                        bans.computeIfAbsent(q.channelArn(), k -> new CopyOnWriteArrayList<>())
                                                .add(ChannelBanSummary.builder().member(r.member()).build());
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelBansRequest.class, (q, chain) -> {
                                        ListChannelBansResponse r = chain.call(q);
                                        List<ChannelBanSummary> known = bans.get(q.channelArn());
                                        if (known == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelBanSummary> all = new ArrayList<>(r.channelBans());
                                        known.stream().filter(b -> !ctx.userExists(b.member().arn())).forEach(all::add);
                                        return r.toBuilder().channelBans(all).build();
                                    }));
                        }),
                fault("preemptive-ban-refused", "BAN-008",
                        "CreateChannelBan of a user who is not a member answers NotFoundException",
                        ctx -> Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                            if (!ctx.isMember(q.channelArn(), q.memberArn())) {
                                throw FaultContext.error(ErrorType.NOT_FOUND, "The user is not a member of the channel");
                            }
                            return chain.proceed(q);
                        })),

                // ---- MSG -------------------------------------------------------------------------------
                fault("message-type-defaults-to-standard", "MSG-003, ERR-012",
                        "SendChannelMessage without a Type sends a STANDARD message instead of rejecting the request",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(q.typeAsString() == null
                                ? q.toBuilder().type(ChannelMessageType.STANDARD).build() : q))),
                fault("message-without-persistence", "MSG-006",
                        "GetChannelMessage does not return the Persistence of the message",
                        ctx -> MessageFaults.messageView(m -> m.toBuilder().persistence((String) null).build(), s -> s)),
                fault("sender-without-name", "MSG-007, MEMB-017",
                        "messages name their sender by ARN only",
                        ctx -> MessageFaults.messageView(m -> m.toBuilder().sender(Identity.builder().arn(m.sender().arn()).build()).build(),
                                s -> s.toBuilder().sender(Identity.builder().arn(s.sender().arn()).build()).build())),
                fault("absent-metadata-as-empty", "MSG-008",
                        "a message sent without Metadata reads back with an empty Metadata string",
                        ctx -> MessageFaults.messageView(m -> m.metadata() == null ? m.toBuilder().metadata("").build() : m,
                                s -> s.metadata() == null ? s.toBuilder().metadata("").build() : s)),
                fault("deleted-message-editable", "MSG-015",
                        "UpdateChannelMessage on a deleted message answers 200",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> Faults.onError(ErrorType.NOT_FOUND, chain, q,
                                () -> UpdateChannelMessageResponse.builder().channelArn(q.channelArn()).messageId(q.messageId())
                                        .status(s -> s.value(ChannelMessageStatus.SENT)).sdkHttpResponse(FaultContext.http(200)).build()))),
                fault("redacted-content-listed", "MSG-020",
                        "ListChannelMessages still shows the content of a redacted message",
                        ctx -> {
                            Map<String, String> content = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(RedactChannelMessageRequest.class, (q, chain) -> {
                                        var before = ctx.message(q.channelArn(), q.messageId());
                                        var r = chain.proceed(q);
                                        before.filter(m -> m.content() != null).ifPresent(m -> content.put(q.channelArn() + " " + q.messageId(), m.content()));
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                                        ListChannelMessagesResponse r = chain.call(q);
                                        return r.toBuilder().channelMessages(r.channelMessages().stream().map(s -> {
                                            String c = content.get(q.channelArn() + " " + s.messageId());
                                            return c == null ? s : s.toBuilder().content(c).build();
                                        }).toList()).build();
                                    }));
                        }),

                // ---- STAT ------------------------------------------------------------------------------
                fault("status-call-pending-without-flow", "STAT-009",
                        "GetChannelMessageStatus answers PENDING for a message of a channel without a flow",
                        ctx -> Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                            GetChannelMessageStatusResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.SENT
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                        })),
                fault("send-reports-sent-with-flow", "STAT-003",
                        "with a channel flow, SendChannelMessage reports SENT instead of the processing stage PENDING",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            SendChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.SENT)).build() : r;
                        })),

                // ---- FLOW ------------------------------------------------------------------------------
                fault("continue-treated-as-abort", "FLOW-025",
                        "a processor's FallbackAction CONTINUE behaves like ABORT: an unreachable processor fails the message",
                        ctx -> {
                            Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
                            java.util.function.UnaryOperator<List<Processor>> abort = ps -> ps.stream().map(p -> p.fallbackAction() == FallbackAction.CONTINUE
                                    ? p.toBuilder().fallbackAction(FallbackAction.ABORT).build() : p).toList();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> {
                                        CreateChannelFlowResponse r = chain.call(q.toBuilder().processors(abort.apply(q.processors())).build());
                                        declared.put(r.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q.toBuilder().processors(abort.apply(q.processors())).build());
                                        declared.put(q.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    FlowFaults.showDeclaredProcessors(declared));
                        }),
                fault("flow-update-not-applied", "FLOW-014",
                        "UpdateChannelFlow is acknowledged and described, but messages keep going through the old processors",
                        ctx -> {
                            Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                                        List<Processor> current = ctx.service().describeChannelFlow(b -> b.channelFlowArn(q.channelFlowArn()))
                                                .channelFlow().processors();
                                        var r = chain.proceed(q.toBuilder().processors(current).build());
                                        declared.put(q.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    FlowFaults.showDeclaredProcessors(declared));
                        }),
                fault("deleted-flow-still-listed", "FLOW-011",
                        "ListChannelFlows still lists a deleted channel flow",
                        ctx -> {
                            Map<String, ChannelFlowSummary> deleted = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelFlowRequest.class, (q, chain) -> {
                                        ChannelFlow before = ctx.service().describeChannelFlow(b -> b.channelFlowArn(q.channelFlowArn())).channelFlow();
                                        var r = chain.proceed(q);
                                        deleted.put(q.channelFlowArn(), ChannelFlowSummary.builder().channelFlowArn(before.channelFlowArn())
                                                .name(before.name()).processors(before.processors()).build());
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelFlowsRequest.class, (q, chain) -> {
                                        ListChannelFlowsResponse r = chain.call(q);
                                        if (q.nextToken() != null) {
                                            return r;
                                        }
                                        List<ChannelFlowSummary> all = new ArrayList<>(r.channelFlows());
                                        deleted.values().stream().filter(f -> FaultContext.appInstanceOf(f.channelFlowArn())
                                                .equals(FaultContext.appInstanceOf(q.appInstanceArn()))).forEach(all::add);
                                        return r.toBuilder().channelFlows(all).build();
                                    }));
                        }),
                fault("foreign-flow-association-accepted", "FLOW-028",
                        "AssociateChannelFlow with a flow of another AppInstance answers 200 instead of an error",
                        ctx -> Interceptor.on(AssociateChannelFlowRequest.class, (q, chain) -> Faults.onError(ErrorType.BAD_REQUEST, chain, q,
                                () -> AssociateChannelFlowResponse.builder().sdkHttpResponse(FaultContext.http(200)).build()))),
                fault("invocation-type-unchecked", "FLOW-004",
                        "a processor's InvocationType other than ASYNC is accepted",
                        ctx -> {
                            Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
                            java.util.function.UnaryOperator<List<Processor>> async = ps -> ps.stream().map(p -> p.configuration() == null
                                    || p.configuration().lambda() == null || p.configuration().lambda().invocationType() == InvocationType.ASYNC ? p
                                    : p.toBuilder().configuration(c -> c.lambda(l -> l.resourceArn(p.configuration().lambda().resourceArn())
                                            .invocationType(InvocationType.ASYNC))).build()).toList();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> {
                                        CreateChannelFlowResponse r = chain.call(q.toBuilder().processors(async.apply(q.processors())).build());
                                        declared.put(r.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q.toBuilder().processors(async.apply(q.processors())).build());
                                        declared.put(q.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    FlowFaults.showDeclaredProcessors(declared));
                        }),

                // ---- SIZE ------------------------------------------------------------------------------
                fault("empty-content-accepted", "SIZE-005",
                        "SendChannelMessage accepts an empty Content",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        if (!"".equals(q.content())) {
                                            return chain.proceed(q);
                                        }
                                        SendChannelMessageResponse r = chain.call(q.toBuilder().content(" ").build());
                                        full.put(q.channelArn() + " " + r.messageId(), "");
                                        return r;
                                    }),
                                    MessageFaults.contentOverrides(full));
                        }),
                fault("malformed-arn-not-found", "SIZE-011, ERR-001",
                        "a malformed ARN is looked up as it is and answered NotFoundException instead of BadRequestException",
                        ctx -> (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ErrorType.BAD_REQUEST) && hasMalformedArn(q)) {
                                    throw FaultContext.error(ErrorType.NOT_FOUND, "No such resource");
                                }
                                throw e;
                            }
                        }),
                fault("token-pattern-unchecked", "SIZE-012",
                        "a ClientRequestToken that breaks the model's length or pattern is accepted",
                        ctx -> (q, chain) -> {
                            String token = Members.has(q, "ClientRequestToken") ? Members.text(q, "ClientRequestToken") : null;
                            if (token != null && !token.matches("[-_a-zA-Z0-9]{2,64}")) {
                                return chain.proceed(Members.with(q, "ClientRequestToken",
                                        UUID.nameUUIDFromBytes(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()));
                            }
                            return chain.proceed(q);
                        }),

                // ---- IDEM ------------------------------------------------------------------------------
                fault("token-reuse-returns-first", "IDEM-006",
                        "a ClientRequestToken reused with different parameters returns the first result instead of ConflictException",
                        ctx -> {
                            Map<String, SdkResponse> first = new ConcurrentHashMap<>();
                            return (q, chain) -> {
                                String token = Members.has(q, "ClientRequestToken") ? Members.text(q, "ClientRequestToken") : null;
                                if (token == null) {
                                    return chain.proceed(q);
                                }
                                String key = q.getClass().getSimpleName() + " " + Faults.bearer(q) + " " + token;
                                try {
                                    SdkResponse r = chain.proceed(q);
                                    first.putIfAbsent(key, r);
                                    return r;
                                } catch (ChimeSdkMessagingException e) {
                                    if (FaultContext.is(e, ErrorType.CONFLICT) && first.containsKey(key)) {
                                        return first.get(key);
                                    }
                                    throw e;
                                }
                            };
                        }),
                fault("flow-token-ignored", "IDEM-005",
                        "CreateChannelFlow ignores the ClientRequestToken: a retried request creates a second flow",
                        ctx -> Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> chain.proceed(q.clientRequestToken() == null ? q
                                : q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))),

                // ---- READ ------------------------------------------------------------------------------
                fault("unmarked-channels-show-a-marker", "READ-002",
                        "a channel never marked as read shows a ReadMarkerTimestamp (the time of the listing)",
                        ctx -> Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                            ListChannelMembershipsForAppInstanceUserResponse r = chain.call(q);
                            java.time.Instant now = java.time.Instant.now();
                            return r.toBuilder().channelMemberships(r.channelMemberships().stream().map(m -> {
                                var s = m.appInstanceUserMembershipSummary();
                                return s == null || s.readMarkerTimestamp() != null ? m
                                        : m.toBuilder().appInstanceUserMembershipSummary(s.toBuilder().readMarkerTimestamp(now).build()).build();
                            }).toList()).build();
                        })),

                // ---- PAGE ------------------------------------------------------------------------------
                fault("last-page-has-token", "PAGE-002",
                        "the last page of a list carries a NextToken that leads to an empty page",
                        ctx -> {
                            Set<String> issued = ConcurrentHashMap.newKeySet();
                            return (q, chain) -> {
                                if (!Members.has(q, "NextToken")) {
                                    return chain.proceed(q);
                                }
                                String token = Members.text(q, "NextToken");
                                if (token != null && issued.contains(token)) {
                                    SdkResponse last = chain.proceed(Members.with(q, "NextToken", null));
                                    SdkField<?> items = MessageFaults.listOf(last);
                                    return Members.with(Members.with(last, items.memberName(), List.of()), "NextToken", null);
                                }
                                SdkResponse r = chain.proceed(q);
                                if (Members.get(r, "NextToken") == null) {
                                    List<?> list = (List<?>) MessageFaults.listOf(r).getValueOrDefault(r);
                                    if (list != null && !list.isEmpty()) {
                                        String fake = "end" + UUID.randomUUID().toString().replace("-", "");
                                        issued.add(fake);
                                        return Members.with(r, "NextToken", fake);
                                    }
                                }
                                return r;
                            };
                        }),
                fault("paging-forgets-sort-order", "PAGE-004",
                        "pages after the first of ListChannelMessages come in the default order, whatever SortOrder says",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            if (q.nextToken() == null || q.sortOrder() != SortOrder.ASCENDING) {
                                return chain.proceed(q);
                            }
                            ListChannelMessagesResponse r = chain.call(q);
                            List<ChannelMessageSummary> reversed = new ArrayList<>(r.channelMessages());
                            java.util.Collections.reverse(reversed);
                            return r.toBuilder().channelMessages(reversed).build();
                        })),

                // ---- TAG -------------------------------------------------------------------------------
                fault("untagged-resource-not-found", "TAG-005",
                        "ListTagsForResource of a resource without tags answers NotFoundException instead of an empty list",
                        ctx -> Interceptor.on(ListTagsForResourceRequest.class, (q, chain) -> {
                            ListTagsForResourceResponse r = chain.call(q);
                            if (r.tags().isEmpty()) {
                                throw FaultContext.error(ErrorType.NOT_FOUND, "No tags for " + q.resourceARN());
                            }
                            return r;
                        })),
                fault("tag-limit-unenforced", "TAG-006, ERR-005",
                        "TagResource beyond the per-resource limit is acknowledged with 204 (the extra tags are dropped)",
                        ctx -> Interceptor.on(TagResourceRequest.class, (q, chain) -> Faults.onError(ErrorType.RESOURCE_LIMIT_EXCEEDED, chain, q,
                                () -> TagResourceResponse.builder().sdkHttpResponse(FaultContext.http(204)).build()))),

                // ---- ERR -------------------------------------------------------------------------------
                fault("unknown-enum-values-ignored", "ERR-001, CHAN-003",
                        "an unknown enumeration value (Mode, Privacy, membership Type) is ignored instead of rejected",
                        ctx -> (q, chain) -> {
                            SdkRequest request = q;
                            if (q instanceof CreateChannelRequest c) {
                                request = c.toBuilder().mode(c.mode() == ChannelMode.UNKNOWN_TO_SDK_VERSION ? null : c.modeAsString())
                                        .privacy(c.privacy() == ChannelPrivacy.UNKNOWN_TO_SDK_VERSION ? null : c.privacyAsString()).build();
                            } else if (q instanceof CreateChannelMembershipRequest m && m.type() == ChannelMembershipType.UNKNOWN_TO_SDK_VERSION) {
                                request = m.toBuilder().type(ChannelMembershipType.DEFAULT).build();
                            }
                            return chain.proceed(request);
                        }));
    }

    private static boolean hasMalformedArn(SdkRequest q) {
        for (SdkField<?> field : q.sdkFields()) {
            if (field.memberName().endsWith("Arn") || field.memberName().equals("ChimeBearer") || field.memberName().equals("ResourceARN")) {
                Object value = field.getValueOrDefault(q);
                if (value instanceof String s && !s.matches("arn:[a-z0-9-.]{1,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[^/].{0,1023}")) {
                    return true;
                }
            }
        }
        return false;
    }

    static ChannelSummary summary(Channel c) {
        return ChannelSummary.builder().name(c.name()).channelArn(c.channelArn()).mode(c.mode()).privacy(c.privacy())
                .metadata(c.metadata()).lastMessageTimestamp(c.lastMessageTimestamp()).build();
    }
}
