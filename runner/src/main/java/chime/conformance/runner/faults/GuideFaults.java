package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.allowWhenForbidden;
import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Faults in the rules the Developer Guide and the current API Reference state beyond the API reference
 * text: an emulator written from the older text alone would plausibly have each of them (CHAN-026,
 * MEMB-018, AUTH-023, AUTH-025, AUTH-026, BAN-011, MSG-018, FLOW-030, CHAN-017).
 */
final class GuideFaults {

    private GuideFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("creator-not-member", "CHAN-026",
                        "CreateChannel makes its creator neither a member nor a moderator of the new channel",
                        ctx -> Interceptor.on(CreateChannelRequest.class, (q, chain) -> {
                            CreateChannelResponse r = chain.call(q);
                            String channel = r.channelArn();
                            String creator = q.chimeBearer();
                            if (channel != null && creator != null) {
                                String operator = ctx.operator(channel);
                                quietly(() -> ctx.service().deleteChannelMembership(b -> b.channelArn(channel)
                                        .memberArn(creator).chimeBearer(operator)));
                                quietly(() -> ctx.service().deleteChannelModerator(b -> b.channelArn(channel)
                                        .channelModeratorArn(creator).chimeBearer(operator)));
                            }
                            return r;
                        })),
                fault("hidden-member-can-post", "MEMB-018",
                        "a HIDDEN member may post in the channel, like a DEFAULT member",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (!FaultContext.is(e, ErrorType.FORBIDDEN) || q.chimeBearer() == null
                                        || AccessFaults.membership(ctx, q.channelArn(), q.chimeBearer())
                                                .filter(m -> m.type() == ChannelMembershipType.HIDDEN).isEmpty()) {
                                    throw e;
                                }
                                // The faulty service posts for the hidden member as for a default one.
                                String operator = ctx.operator(q.channelArn());
                                setType(ctx, q.channelArn(), q.chimeBearer(), ChannelMembershipType.DEFAULT, operator);
                                try {
                                    return chain.proceed(q);
                                } finally {
                                    setType(ctx, q.channelArn(), q.chimeBearer(), ChannelMembershipType.HIDDEN, operator);
                                }
                            }
                        })),
                fault("unjoined-moderator-can-post", "AUTH-023",
                        "a moderator or AppInstanceAdmin who never joined the channel may post: a membership is made on the fly",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (!FaultContext.is(e, ErrorType.FORBIDDEN) || ctx.isMember(q.channelArn(), q.chimeBearer())
                                        || !(ctx.isModerator(q.channelArn(), q.chimeBearer()) || ctx.isAdmin(q.chimeBearer()))) {
                                    throw e;
                                }
                                ctx.service().createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.chimeBearer())
                                        .type(ChannelMembershipType.DEFAULT).chimeBearer(ctx.operator(q.channelArn())));
                                return chain.proceed(q);
                            }
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
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only moderators and admins can redact messages");
                            }
                            return chain.proceed(q);
                        })),
                fault("member-reads-moderators", "AUTH-026",
                        "anyone who may read a channel may describe and list its moderators, members and other users included",
                        ctx -> Interceptor.all(
                                allowWhenForbidden(DescribeChannelModeratorRequest.class,
                                        (q, c) -> readable(c, q.channelArn(), q.chimeBearer())).apply(ctx),
                                allowWhenForbidden(ListChannelModeratorsRequest.class,
                                        (q, c) -> readable(c, q.channelArn(), q.chimeBearer())).apply(ctx))),
                fault("moderator-can-ban-moderator", "BAN-011",
                        "a moderator of the channel can be banned: the ban takes the moderator role away and kicks the user",
                        ctx -> Interceptor.on(CreateChannelBanRequest.class, (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                if (FaultContext.is(e, ErrorType.FORBIDDEN) || !ctx.isModerator(q.channelArn(), q.memberArn())) {
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
                                if (FaultContext.is(e, ErrorType.FORBIDDEN) || !ctx.isAdmin(q.memberArn())) {
                                    throw e;
                                }
                                return CreateChannelBanResponse.builder().channelArn(q.channelArn())
                                        .member(Identity.builder().arn(q.memberArn()).build())
                                        .sdkHttpResponse(FaultContext.http(201)).build();
                            }
                        })),
                fault("redaction-keeps-metadata", "MSG-018",
                        "RedactChannelMessage removes the content but keeps the metadata, as the older API reference text said",
                        ctx -> {
                            Map<String, String> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(RedactChannelMessageRequest.class, (q, chain) -> {
                                        Optional<ChannelMessage> before = FaultContext.appInstanceOf(q.channelArn()).isPresent()
                                                ? ctx.message(q.channelArn(), q.messageId()) : Optional.empty();
                                        SdkResponse r = chain.proceed(q);
                                        before.filter(m -> m.metadata() != null && !Boolean.TRUE.equals(m.redacted()))
                                                .ifPresent(m -> kept.put(q.messageId(), m.metadata()));
                                        return r;
                                    }),
                                    MessageFaults.messageView(
                                            m -> Boolean.TRUE.equals(m.redacted()) && kept.containsKey(m.messageId())
                                                    ? m.toBuilder().metadata(kept.get(m.messageId())).build() : m,
                                            s -> Boolean.TRUE.equals(s.redacted()) && kept.containsKey(s.messageId())
                                                    ? s.toBuilder().metadata(kept.get(s.messageId())).build() : s));
                        }),
                fault("late-callback-accepted", "FLOW-030",
                        "ChannelFlowCallback more than 48 hours after the invocation is acknowledged with 200 instead of refused",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> Faults.onError(ErrorType.FORBIDDEN,
                                chain, q, () -> ChannelFlowCallbackResponse.builder().channelArn(q.channelArn())
                                        .callbackId(q.callbackId()).sdkHttpResponse(FaultContext.http(200)).build()))),
                fault("update-requires-name-and-mode", "CHAN-017",
                        "UpdateChannel without a Name or a Mode is rejected, as the older API reference text marked both required",
                        ctx -> Interceptor.on(UpdateChannelRequest.class, (q, chain) -> {
                            if (q.name() == null || q.modeAsString() == null) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Name and Mode are required");
                            }
                            return chain.proceed(q);
                        })));
    }

    /** The channel is public, or the user is a member of it: who could read the moderators before AUTH-026. */
    private static boolean readable(FaultContext ctx, String channelArn, String userArn) {
        return ctx.isMember(channelArn, userArn)
                || ctx.channel(channelArn).map(c -> c.privacy() == ChannelPrivacy.PUBLIC).orElse(false);
    }

    /** Replaces the user's membership by one of the other type (as the operator, so nobody's rights matter). */
    private static void setType(FaultContext ctx, String channelArn, String userArn, ChannelMembershipType type,
                                String operator) {
        quietly(() -> ctx.service().deleteChannelMembership(b -> b.channelArn(channelArn).memberArn(userArn)
                .chimeBearer(operator)));
        ctx.service().createChannelMembership(b -> b.channelArn(channelArn).memberArn(userArn).type(type)
                .chimeBearer(operator));
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (ChimeSdkMessagingException notThere) {
            // nothing to undo
        }
    }
}
