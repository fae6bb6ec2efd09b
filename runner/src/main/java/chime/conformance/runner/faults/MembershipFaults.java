package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in memberships: the rules of area MEMB. */
final class MembershipFaults {

    private MembershipFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("hidden-members-listed", "MEMB-006",
                        "ListChannelMemberships without a type filter lists HIDDEN members along with DEFAULT ones",
                        ctx -> Interceptor.firstPageAlso(ListChannelMembershipsRequest.class, q -> q.type() != null ? null
                                : ctx.everything(ListChannelMembershipsRequest.builder().channelArn(q.channelArn())
                                        .type(ChannelMembershipType.HIDDEN).chimeBearer(ctx.operator(q.channelArn())).build()))),
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
                        ctx -> Interceptor.answer(BatchCreateChannelMembershipRequest.class, BatchCreateChannelMembershipResponse.class, (q, r) -> {
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
                                    Interceptor.then(DeleteChannelMembershipRequest.class,
                                            q -> membershipOf(ctx, q.channelArn(), q.memberArn()),
                                        (q, before) -> before.ifPresent(s -> left.computeIfAbsent(q.memberArn(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(s))),
                                    Interceptor.firstPageAlso(ListChannelMembershipsForAppInstanceUserRequest.class,
                                            q -> left.get(q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer())));
                        }),
                fault("foreign-users-become-members", "MEMB-015",
                        "CreateChannelMembership accepts a MemberArn that is no AppInstanceUser of the channel's AppInstance",
                        ctx -> Interceptor.onError(CreateChannelMembershipRequest.class, ModeledError.NOT_FOUND, q -> true,
                                (q, chain) -> CreateChannelMembershipResponse.builder().channelArn(q.channelArn())
                                        .member(Identity.builder().arn(q.memberArn()).build()).sdkHttpResponse(FaultContext.http(201)).build())),
                fault("default-filter-returns-hidden", "MEMB-007",
                        "ListChannelMemberships with Type=DEFAULT lists the hidden members too",
                        ctx -> Interceptor.firstPageAlso(ListChannelMembershipsRequest.class, q -> q.type() != ChannelMembershipType.DEFAULT ? null
                                : ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn()).type(ChannelMembershipType.HIDDEN)
                                        .maxResults(50).chimeBearer(ctx.operator(q.channelArn()))).channelMemberships())),
                fault("hidden-members-cannot-read", "MEMB-009",
                        "a HIDDEN member is not counted as a member when reading: a private channel's messages are refused to it",
                        ctx -> Interceptor.refuse(ListChannelMessagesRequest.class, ModeledError.FORBIDDEN, "Only members may read a private channel",
                                q -> q.chimeBearer() != null && FaultContext.appInstanceOf(q.channelArn()).isPresent()
                                    && ctx.channel(q.channelArn()).map(c -> c.privacy() == ChannelPrivacy.PRIVATE).orElse(false)
                                    && ctx.membership(q.channelArn(), q.chimeBearer())
                                            .map(m -> m.type() == ChannelMembershipType.HIDDEN).orElse(false))),
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
                        ctx -> Interceptor.answer(DescribeChannelMembershipRequest.class, DescribeChannelMembershipResponse.class, (q, r) ->
                                r.toBuilder().channelMembership(r.channelMembership().toBuilder().createdTimestamp(null)
                                    .lastUpdatedTimestamp(null).build()).build())),
                fault("new-member-without-name", "MEMB-001, MEMB-017",
                        "CreateChannelMembership names the new member by ARN only",
                        ctx -> Interceptor.answer(CreateChannelMembershipRequest.class, CreateChannelMembershipResponse.class, (q, r) ->
                                r.toBuilder().member(Identity.builder().arn(r.member().arn()).build()).build())),
                fault("hidden-type-lost", "MEMB-009",
                        "DescribeChannelMembership reports a HIDDEN membership as DEFAULT",
                        ctx -> Interceptor.answer(DescribeChannelMembershipRequest.class, DescribeChannelMembershipResponse.class, (q, r) ->
                                r.toBuilder().channelMembership(r.channelMembership().toBuilder().type(ChannelMembershipType.DEFAULT).build()).build())),
                fault("batch-members-without-names", "MEMB-010, MEMB-017",
                        "BatchCreateChannelMembership names the members added by ARN only",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> {
                            BatchCreateChannelMembershipResponse r = chain.call(q);
                            BatchChannelMemberships b = r.batchChannelMemberships();
                            return b == null ? r : r.toBuilder().batchChannelMemberships(b.toBuilder().members(b.members().stream()
                                    .map(m -> Identity.builder().arn(m.arn()).build()).toList()).build()).build();
                        })),
                fault("membership-list-without-channel", "MEMB-016",
                        "ListChannelMemberships does not say which channel it lists",
                        ctx -> Interceptor.answer(ListChannelMembershipsRequest.class, ListChannelMembershipsResponse.class, (q, r) ->
                                r.toBuilder().channelArn(null).build())),
                fault("hidden-member-can-post", "MEMB-018",
                        "a HIDDEN member may post in the channel, like a DEFAULT member",
                        ctx -> Interceptor.onError(SendChannelMessageRequest.class, ModeledError.FORBIDDEN, q -> q.chimeBearer() != null
                                && ctx.membership(q.channelArn(), q.chimeBearer()).filter(m -> m.type() == ChannelMembershipType.HIDDEN).isPresent(),
                                (q, chain) -> {
                                    // The faulty service posts for the hidden member as for a default one.
                                    String operator = ctx.operator(q.channelArn());
                                    setType(ctx, q.channelArn(), q.chimeBearer(), ChannelMembershipType.DEFAULT, operator);
                                    try {
                                        return chain.proceed(q);
                                    } finally {
                                        setType(ctx, q.channelArn(), q.chimeBearer(), ChannelMembershipType.HIDDEN, operator);
                                    }
                                })));
    }
}
