package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/** Faults in bans: the rules of area BAN. */
final class BanFaults {

    private BanFaults() {
    }

    static List<Fault> all() {
        return List.of(
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
                                        return m == null ? chain.proceed(q) : Faults.onError(ModeledError.NOT_FOUND, chain, q,
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
                                if (FaultContext.is(e, ModeledError.FORBIDDEN) && !q.memberArn().equals(q.chimeBearer())
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
                                if (FaultContext.is(e, ModeledError.FORBIDDEN) && ctx.isBanned(q.channelArn(), q.chimeBearer())) {
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
                        })),
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
                                throw FaultContext.error(ModeledError.NOT_FOUND, "The user is not a member of the channel");
                            }
                            return chain.proceed(q);
                        })),
                fault("ban-without-creator", "BAN-001",
                        "DescribeChannelBan does not say who banned the user",
                        ctx -> Interceptor.answer(DescribeChannelBanRequest.class, DescribeChannelBanResponse.class, (q, r) ->
                                r.toBuilder().channelBan(r.channelBan().toBuilder().createdBy((Identity) null).build()).build())),
                fault("moderator-can-ban-moderator", "BAN-011",
                        "a moderator of the channel can be banned: the ban takes the moderator role away and kicks the user",
                        ctx -> Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ModeledError.FORBIDDEN) || !ctx.isModerator(q.channelArn(), q.memberArn())) {
                                    throw e;
                                }
                                ctx.service().deleteChannelModerator(b -> b.channelArn(q.channelArn())
                                        .channelModeratorArn(q.memberArn()).chimeBearer(ctx.operator(q.channelArn())));
                                return chain.proceed(q);
                            }
                        })),
                fault("admin-bannable", "BAN-011",
                        "CreateChannelBan of an AppInstanceAdmin is acknowledged with 201 as if the admin were banned",
                        ctx -> Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ModeledError.FORBIDDEN) || !ctx.isAdmin(q.memberArn())) {
                                    throw e;
                                }
                                return CreateChannelBanResponse.builder().channelArn(q.channelArn())
                                        .member(Identity.builder().arn(q.memberArn()).build())
                                        .sdkHttpResponse(FaultContext.http(201)).build();
                            }
                        })));
    }
}
