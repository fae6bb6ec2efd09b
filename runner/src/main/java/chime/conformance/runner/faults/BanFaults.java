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
                                    Interceptor.then(CreateChannelBanRequest.class, q -> ctx.membership(q.channelArn(), q.memberArn()),
                                        (q, before) -> before.ifPresent(m -> kept.put(q.channelArn() + " " + q.memberArn(), m))),
                                    Interceptor.then(DeleteChannelBanRequest.class,
                                            q -> kept.remove(q.channelArn() + " " + q.memberArn())),
                                    Interceptor.onError(DescribeChannelMembershipRequest.class, ModeledError.NOT_FOUND,
                                            q -> kept.containsKey(q.channelArn() + " " + q.memberArn()),
                                            (q, chain) -> DescribeChannelMembershipResponse.builder().channelMembership(kept.get(q.channelArn()
                                                    + " " + q.memberArn())).sdkHttpResponse(FaultContext.http(200)).build()),
                                    Interceptor.firstPageAlso(ListChannelMembershipsRequest.class, q -> kept.values().stream()
                                            .filter(m -> m.channelArn().equals(q.channelArn())
                                                    && m.type() == (q.type() == null ? ChannelMembershipType.DEFAULT : q.type()))
                                            .map(m -> ChannelMembershipSummary.builder().member(m.member()).build()).toList()),
                                    Interceptor.firstPageAlso(ListChannelMembershipsForAppInstanceUserRequest.class, q -> kept.values().stream()
                                            .filter(m -> m.member().arn().equals(q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer()))
                                            .flatMap(m -> ctx.channel(m.channelArn()).stream().map(c -> ChannelMembershipForAppInstanceUserSummary.builder()
                                                    .channelSummary(summary(c).toBuilder().lastMessageTimestamp(null).build())
                                                    .appInstanceUserMembershipSummary(b -> b.type(m.type())).build())).toList()));
                        }),
                fault("banned-users-can-be-added", "BAN-003",
                        "CreateChannelMembership does not consult the ban list: moderators can add banned users",
                        ctx -> Interceptor.onError(CreateChannelMembershipRequest.class, ModeledError.FORBIDDEN,
                                q -> !q.memberArn().equals(q.chimeBearer()) && ctx.isBanned(q.channelArn(), q.memberArn()),
                                (q, chain) -> CreateChannelMembershipResponse.builder().channelArn(q.channelArn())
                                        .member(Identity.builder().arn(q.memberArn()).build()).sdkHttpResponse(FaultContext.http(201)).build())),
                fault("unban-restores-membership", "BAN-005",
                        "DeleteChannelBan gives a banned former member their membership back",
                        ctx -> {
                            Map<String, ChannelMembershipType> wasMember = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.then(CreateChannelBanRequest.class, q -> ctx.membership(q.channelArn(), q.memberArn()),
                                        (q, before) -> wasMember.put(q.channelArn() + " " + q.memberArn(),
                                            before.map(ChannelMembership::type).orElse(ChannelMembershipType.DEFAULT))),
                                    Interceptor.then(DeleteChannelBanRequest.class, q -> {
                                        ChannelMembershipType type = wasMember.remove(q.channelArn() + " " + q.memberArn());
                                        if (type != null) {
                                            ctx.service().createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.memberArn())
                                                    .type(type).chimeBearer(ctx.operator(q.channelArn())));
                                        }
                                    }));
                        }),
                fault("banned-users-can-post", "BAN-004",
                        "SendChannelMessage does not consult the ban list: a banned user's message is accepted",
                        ctx -> Interceptor.onError(SendChannelMessageRequest.class, ModeledError.FORBIDDEN,
                                q -> ctx.isBanned(q.channelArn(), q.chimeBearer()), (q, chain) -> sentNowhere(q))),
                fault("unban-ignored", "BAN-006",
                        "DeleteChannelBan answers 204 but the ban stays on the list",
                        ctx -> Interceptor.then(DeleteChannelBanRequest.class,
                                q -> ctx.service().createChannelBan(b -> b.channelArn(q.channelArn()).memberArn(q.memberArn())
                                    .chimeBearer(ctx.operator(q.channelArn()))))),
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
                                    Interceptor.firstPageAlso(ListChannelBansRequest.class, q -> bans.getOrDefault(q.channelArn(), List.of())
                                            .stream().filter(b -> !ctx.userExists(b.member().arn())).toList()));
                        }),
                fault("preemptive-ban-refused", "BAN-008",
                        "CreateChannelBan of a user who is not a member answers NotFoundException",
                        ctx -> Interceptor.refuse(CreateChannelBanRequest.class, ModeledError.NOT_FOUND, "The user is not a member of the channel",
                                q -> !ctx.isMember(q.channelArn(), q.memberArn()))),
                fault("ban-without-creator", "BAN-001",
                        "DescribeChannelBan does not say who banned the user",
                        ctx -> Interceptor.answer(DescribeChannelBanRequest.class, DescribeChannelBanResponse.class, (q, r) ->
                                r.toBuilder().channelBan(r.channelBan().toBuilder().createdBy((Identity) null).build()).build())),
                fault("moderator-can-ban-moderator", "BAN-011",
                        "a moderator of the channel can be banned: the ban takes the moderator role away and kicks the user",
                        ctx -> Interceptor.onError(CreateChannelBanRequest.class, BanFaults::notForbidden,
                                q -> ctx.isModerator(q.channelArn(), q.memberArn()), (q, chain) -> {
                                    ctx.service().deleteChannelModerator(b -> b.channelArn(q.channelArn())
                                            .channelModeratorArn(q.memberArn()).chimeBearer(ctx.operator(q.channelArn())));
                                    return chain.proceed(q);
                                })),
                fault("admin-bannable", "BAN-011",
                        "CreateChannelBan of an AppInstanceAdmin is acknowledged with 201 as if the admin were banned",
                        ctx -> Interceptor.onError(CreateChannelBanRequest.class, BanFaults::notForbidden,
                                q -> ctx.isAdmin(q.memberArn()), (q, chain) -> CreateChannelBanResponse.builder()
                                        .channelArn(q.channelArn()).member(Identity.builder().arn(q.memberArn()).build())
                                        .sdkHttpResponse(FaultContext.http(201)).build())));
    }

    /** A refusal for another reason than the caller's rights (the ban of a moderator or an admin). */
    private static boolean notForbidden(ChimeSdkMessagingException e) {
        return !FaultContext.is(e, ModeledError.FORBIDDEN);
    }
}
