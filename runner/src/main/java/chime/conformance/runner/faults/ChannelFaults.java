package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in channels: the rules of area CHAN. */
final class ChannelFaults {

    private ChannelFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("private-channels-listed-to-all", "CHAN-005, CHAN-010",
                        "ListChannels without a privacy filter, or with PUBLIC, also lists the private channels",
                        ctx -> Interceptor.firstPageAlso(ListChannelsRequest.class, q -> q.privacy() == ChannelPrivacy.PRIVATE ? null
                                : ctx.everything(ListChannelsRequest.builder().appInstanceArn(q.appInstanceArn())
                                        .privacy(ChannelPrivacy.PRIVATE).chimeBearer(ctx.operator(q.appInstanceArn())).build()))),
                fault("update-resets-privacy", "CHAN-004",
                        "UpdateChannel rebuilds the channel with the default privacy: an updated private channel becomes public",
                        ctx -> {
                            Set<String> updated = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    Interceptor.then(UpdateChannelRequest.class, q -> updated.add(q.channelArn())),
                                    Interceptor.answer(DescribeChannelRequest.class, DescribeChannelResponse.class, (q, r) ->
                                            updated.contains(q.channelArn())
                                                ? r.toBuilder().channel(r.channel().toBuilder().privacy(ChannelPrivacy.PUBLIC).build()).build() : r),
                                    Interceptor.eachItem(ListChannelsRequest.class, ChannelSummary.class, (q, c) -> updated.contains(c.channelArn())
                                            ? c.toBuilder().privacy(ChannelPrivacy.PUBLIC).build() : c));
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
                                    Interceptor.then(DeleteChannelRequest.class, q -> ctx.channel(q.channelArn()),
                                        (q, before) -> before.ifPresent(c -> deleted.put(c.channelArn(), summary(c)))),
                                    Interceptor.firstPageAlso(ListChannelsRequest.class, q -> deleted.values().stream()
                                            .filter(c -> FaultContext.appInstanceOf(c.channelArn()).equals(Optional.ofNullable(q.appInstanceArn())))
                                            .filter(c -> c.privacy() == (q.privacy() == null ? ChannelPrivacy.PUBLIC : q.privacy())).toList()));
                        }),
                fault("non-persistent-moves-last-message-time", "CHAN-014",
                        "a NON_PERSISTENT message moves the channel's LastMessageTimestamp, like a persistent one",
                        ctx -> {
                            Map<String, Instant> lastSent = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.then(SendChannelMessageRequest.class, q -> {
                                        if (q.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT) {
                                            lastSent.put(q.channelArn(), Instant.now());
                                        }
                                    }),
                                    Interceptor.eachItem(ListChannelsRequest.class, ChannelSummary.class, (q, c) -> {
                                        Instant sent = lastSent.get(c.channelArn());
                                        return sent == null || (c.lastMessageTimestamp() != null && c.lastMessageTimestamp().isAfter(sent))
                                                ? c : c.toBuilder().lastMessageTimestamp(sent).build();
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
                        ctx -> Interceptor.eachItem(ListChannelMembershipsForAppInstanceUserRequest.class,
                                ChannelMembershipForAppInstanceUserSummary.class, (q, m) -> m.appInstanceUserMembershipSummary() == null
                                        || m.appInstanceUserMembershipSummary().type() != ChannelMembershipType.HIDDEN ? m : null)),
                fault("update-time-never-moves", "CHAN-015",
                        "DescribeChannel always shows the creation time as the LastUpdatedTimestamp",
                        ctx -> Interceptor.answer(DescribeChannelRequest.class, DescribeChannelResponse.class, (q, r) ->
                                r.toBuilder().channel(r.channel().toBuilder().lastUpdatedTimestamp(r.channel().createdTimestamp()).build()).build())),
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
                                    alsoModerating(kept));
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
                        ctx -> Interceptor.eachItem(ListChannelsRequest.class, ChannelSummary.class, (q, c) -> q.privacy() != ChannelPrivacy.PUBLIC
                                || ctx.isAdmin(q.chimeBearer()) || ctx.isMember(c.channelArn(), q.chimeBearer()) ? c : null)),
                fault("private-list-includes-public", "CHAN-009",
                        "ListChannels with Privacy=PRIVATE lists every channel, public ones included",
                        ctx -> Interceptor.firstPageAlso(ListChannelsRequest.class, q -> q.privacy() != ChannelPrivacy.PRIVATE ? null
                                : ctx.service().listChannels(b -> b.appInstanceArn(q.appInstanceArn()).privacy(ChannelPrivacy.PUBLIC)
                                        .maxResults(50).chimeBearer(q.chimeBearer())).channels())),
                fault("summaries-without-metadata", "CHAN-011",
                        "the channel summaries of ListChannels carry no Metadata",
                        ctx -> Interceptor.eachItem(ListChannelsRequest.class, ChannelSummary.class, (q, c) -> c.toBuilder().metadata(null).build())),
                fault("outsiders-describe-private-channels", "CHAN-005",
                        "DescribeChannel on a PRIVATE channel answers any user of the AppInstance",
                        allowWhenForbidden(DescribeChannelRequest.class, (q, ctx) -> ctx.userExists(q.chimeBearer())
                                && FaultContext.appInstanceOf(q.chimeBearer()).equals(FaultContext.appInstanceOf(q.channelArn())))),
                fault("create-channel-drops-metadata", "CHAN-001",
                        "CreateChannel does not store the Metadata given",
                        ctx -> Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(q.toBuilder().metadata(null).build()))),
                fault("deleted-channel-accepts-messages", "CHAN-019",
                        "SendChannelMessage to a deleted channel is answered 201 (the message goes nowhere)",
                        ctx -> {
                            Map<String, Set<String>> membersOfDeleted = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelRequest.class, (q, chain) -> {
                                        Set<String> members = ConcurrentHashMap.newKeySet();
                                        for (ChannelMembershipType type : ChannelMembershipType.knownValues()) {
                                            quietly(() -> ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn())
                                                    .type(type).maxResults(50).chimeBearer(ctx.operator(q.channelArn())))
                                                    .channelMemberships().forEach(m -> members.add(m.member().arn())));
                                        }
                                        var r = chain.proceed(q);
                                        membersOfDeleted.put(q.channelArn(), members);
                                        return r;
                                    }),
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> q.chimeBearer() != null
                                            && membersOfDeleted.getOrDefault(q.channelArn(), Set.of()).contains(q.chimeBearer())
                                            ? sentNowhere(q) : chain.proceed(q)));
                        }),
                fault("summaries-without-last-message-time", "CHAN-011, CHAN-014",
                        "the channel summaries of ListChannels never carry a LastMessageTimestamp",
                        ctx -> Interceptor.eachItem(ListChannelsRequest.class, ChannelSummary.class,
                                (q, c) -> c.toBuilder().lastMessageTimestamp(null).build())),
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
                fault("update-requires-name-and-mode", "CHAN-017",
                        "UpdateChannel without a Name or a Mode is rejected, as the older API reference text marked both required",
                        ctx -> Interceptor.refuse(UpdateChannelRequest.class, ModeledError.BAD_REQUEST, "Name and Mode are required",
                                q -> q.name() == null || q.modeAsString() == null)));
    }
}
