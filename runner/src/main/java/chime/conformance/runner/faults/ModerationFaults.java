package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in moderators: the rules of area MOD. */
final class ModerationFaults {

    private ModerationFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("moderator-removal-ignored", "MOD-004",
                        "DeleteChannelModerator answers 204 but the user stays a moderator",
                        ctx -> Interceptor.then(DeleteChannelModeratorRequest.class,
                                q -> ctx.service().createChannelModerator(b -> b.channelArn(q.channelArn())
                                    .channelModeratorArn(q.channelModeratorArn()).chimeBearer(ctx.operator(q.channelArn()))))),
                fault("moderator-made-member", "MOD-005",
                        "CreateChannelModerator also makes the user a member of the channel",
                        ctx -> Interceptor.then(CreateChannelModeratorRequest.class, q -> quietly(() -> ctx.service()
                                .createChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.channelModeratorArn())
                                        .type(ChannelMembershipType.DEFAULT).chimeBearer(ctx.operator(q.channelArn())))))),
                fault("moderator-created-by-self", "MOD-002",
                        "DescribeChannelModerator names the moderator as its own creator instead of the user who appointed them",
                        ctx -> Interceptor.on(DescribeChannelModeratorRequest.class, (q, chain) -> {
                            DescribeChannelModeratorResponse r = chain.call(q);
                            ChannelModerator m = r.channelModerator();
                            return r.toBuilder().channelModerator(m.toBuilder().createdBy(m.moderator()).build()).build();
                        })),
                fault("moderator-list-only-members", "MOD-003, MOD-005",
                        "ListChannelModerators leaves out moderators who are not members of the channel",
                        ctx -> Interceptor.answer(ListChannelModeratorsRequest.class, ListChannelModeratorsResponse.class, (q, r) ->
                                r.toBuilder().channelModerators(r.channelModerators().stream()
                                    .filter(m -> ctx.isMember(q.channelArn(), m.moderator().arn())).toList()).build())),
                fault("moderated-channels-stale", "MOD-007",
                        "after DeleteChannelModerator the user's ListChannelsModeratedByAppInstanceUser still shows the channel",
                        ctx -> {
                            Map<String, List<ChannelModeratedByAppInstanceUserSummary>> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.then(DeleteChannelModeratorRequest.class, q -> ctx.channel(q.channelArn()),
                                        (q, channel) -> channel.ifPresent(c -> kept.computeIfAbsent(q.channelModeratorArn(), k -> new CopyOnWriteArrayList<>())
                                            .add(ChannelModeratedByAppInstanceUserSummary.builder().channelSummary(summary(c)).build()))),
                                    alsoModerating(kept));
                        }),
                fault("former-moderator-keeps-powers", "MOD-004",
                        "DeleteChannelModerator removes the role from the lists, but the permissions of the role stay cached",
                        ctx -> {
                            Set<String> former = ConcurrentHashMap.newKeySet();
                            Interceptor remember = Interceptor.then(DeleteChannelModeratorRequest.class,
                                    q -> former.add(q.channelArn() + " " + q.channelModeratorArn()));
                            return Interceptor.all(remember, Interceptor.onError(SdkRequest.class, ModeledError.FORBIDDEN,
                                    q -> Members.text(q, "ChannelArn") != null
                                            && former.contains(Members.text(q, "ChannelArn") + " " + Faults.bearer(q)),
                                    (q, chain) -> chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(Members.text(q, "ChannelArn"))))));
                        }),
                fault("moderator-removal-ends-membership", "MOD-004",
                        "DeleteChannelModerator also removes the user's membership",
                        ctx -> Interceptor.then(DeleteChannelModeratorRequest.class, q -> quietly(() -> ctx.service()
                                .deleteChannelMembership(b -> b.channelArn(q.channelArn()).memberArn(q.channelModeratorArn())
                                        .chimeBearer(ctx.operator(q.channelArn())))))));
    }
}
