package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * A third series: what an emulator drops or keeps when it copies a response together by hand, and a few
 * more readings of single sentences of the documentation.
 */
final class ContractFaults {

    private ContractFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("own-memberships-need-admin", "AUTH-010",
                        "ListChannelMembershipsForAppInstanceUser with the caller's own ARN is refused unless the caller is an admin",
                        ctx -> Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                            if (q.appInstanceUserArn() != null && !ctx.isAdmin(q.chimeBearer())) {
                                throw FaultContext.error(ErrorType.FORBIDDEN, "Only an AppInstanceAdmin may name a user");
                            }
                            return chain.proceed(q);
                        })),
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
                                            try {
                                                ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn()).type(type).maxResults(50)
                                                        .chimeBearer(ctx.operator(q.channelArn()))).channelMemberships()
                                                        .forEach(m -> members.add(m.member().arn()));
                                            } catch (ChimeSdkMessagingException ignored) {
                                                // the service answers the delete
                                            }
                                        }
                                        var r = chain.proceed(q);
                                        membersOfDeleted.put(q.channelArn(), members);
                                        return r;
                                    }),
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        Set<String> members = membersOfDeleted.get(q.channelArn());
                                        if (members != null && members.contains(q.chimeBearer())) {
                                            return SendChannelMessageResponse.builder().channelArn(q.channelArn())
                                                    .messageId(java.util.UUID.randomUUID().toString().replace("-", ""))
                                                    .status(s -> s.value(ChannelMessageStatus.SENT)).sdkHttpResponse(FaultContext.http(201)).build();
                                        }
                                        return chain.proceed(q);
                                    }));
                        }),
                fault("summaries-without-last-message-time", "CHAN-011, CHAN-014",
                        "the channel summaries of ListChannels never carry a LastMessageTimestamp",
                        ctx -> Interceptor.on(ListChannelsRequest.class, (q, chain) -> {
                            ListChannelsResponse r = chain.call(q);
                            return r.toBuilder().channels(r.channels().stream().map(c -> c.toBuilder().lastMessageTimestamp(null).build()).toList()).build();
                        })),
                fault("hidden-type-lost", "MEMB-009",
                        "DescribeChannelMembership reports a HIDDEN membership as DEFAULT",
                        ctx -> Interceptor.on(DescribeChannelMembershipRequest.class, (q, chain) -> {
                            DescribeChannelMembershipResponse r = chain.call(q);
                            return r.toBuilder().channelMembership(r.channelMembership().toBuilder().type(ChannelMembershipType.DEFAULT).build()).build();
                        })),
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
                        ctx -> Interceptor.on(ListChannelMembershipsRequest.class, (q, chain) -> {
                            ListChannelMembershipsResponse r = chain.call(q);
                            return r.toBuilder().channelArn(null).build();
                        })),
                fault("ban-without-creator", "BAN-001",
                        "DescribeChannelBan does not say who banned the user",
                        ctx -> Interceptor.on(DescribeChannelBanRequest.class, (q, chain) -> {
                            DescribeChannelBanResponse r = chain.call(q);
                            return r.toBuilder().channelBan(r.channelBan().toBuilder().createdBy((Identity) null).build()).build();
                        })),
                fault("edit-time-not-listed", "MSG-012, MSG-025",
                        "ListChannelMessages leaves out the LastEditedTimestamp of edited messages",
                        ctx -> MessageFaults.messageView(m -> m, s -> s.toBuilder().lastEditedTimestamp(null).build())),
                fault("redaction-answer-without-message", "MSG-019",
                        "RedactChannelMessage answers without the ChannelArn and MessageId",
                        ctx -> Interceptor.on(RedactChannelMessageRequest.class, (q, chain) -> {
                            RedactChannelMessageResponse r = chain.call(q);
                            return r.toBuilder().channelArn(null).messageId(null).build();
                        })),
                fault("message-metadata-limit-in-characters", "SIZE-002",
                        "the 1KB limit of message metadata is counted in characters, not UTF-8 bytes",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        String m = q.metadata();
                                        if (m == null || Texts.bytes(m) <= 1024 || m.length() > 1024) {
                                            return chain.proceed(q);
                                        }
                                        SendChannelMessageResponse r = chain.call(q.toBuilder().metadata(Texts.truncateToBytes(m, 1024)).build());
                                        full.put(q.channelArn() + " " + r.messageId(), m);
                                        return r;
                                    }),
                                    MessageFaults.messageView(m -> full.containsKey(m.channelArn() + " " + m.messageId())
                                            ? m.toBuilder().metadata(full.get(m.channelArn() + " " + m.messageId())).build() : m, s -> s));
                        }),
                fault("update-metadata-limit-off-by-one", "SIZE-006",
                        "UpdateChannel rejects channel metadata of exactly 1024 bytes",
                        ctx -> Interceptor.on(UpdateChannelRequest.class, (q, chain) -> {
                            if (Texts.bytes(q.metadata()) == 1024) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Metadata is too long");
                            }
                            return chain.proceed(q);
                        })),
                fault("read-marker-set-once", "READ-004",
                        "UpdateChannelReadMarker sets the marker the first time only; later calls leave it where it was",
                        ctx -> {
                            Set<String> marked = ConcurrentHashMap.newKeySet();
                            return Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> {
                                if (marked.contains(q.channelArn() + " " + q.chimeBearer()) && ctx.isMember(q.channelArn(), q.chimeBearer())) {
                                    return UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn())
                                            .sdkHttpResponse(FaultContext.http(200)).build();
                                }
                                var r = chain.proceed(q);
                                marked.add(q.channelArn() + " " + q.chimeBearer());
                                return r;
                            });
                        }),
                fault("callback-replay-refused", "FLOW-024",
                        "a second ChannelFlowCallback with the same CallbackId is refused instead of acknowledged again",
                        ctx -> {
                            Set<String> answered = ConcurrentHashMap.newKeySet();
                            return Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> {
                                if (q.callbackId() != null && answered.contains(q.callbackId())) {
                                    throw FaultContext.error(ErrorType.BAD_REQUEST, "The callback was already taken");
                                }
                                var r = chain.proceed(q);
                                answered.add(q.callbackId());
                                return r;
                            });
                        }),
                fault("flow-update-time-frozen", "FLOW-013",
                        "DescribeChannelFlow always shows the creation time as the LastUpdatedTimestamp",
                        ctx -> Interceptor.on(DescribeChannelFlowRequest.class, (q, chain) -> {
                            DescribeChannelFlowResponse r = chain.call(q);
                            return r.toBuilder().channelFlow(r.channelFlow().toBuilder()
                                    .lastUpdatedTimestamp(r.channelFlow().createdTimestamp()).build()).build();
                        })),
                fault("flow-without-creation-time", "FLOW-001, FLOW-012",
                        "DescribeChannelFlow carries no CreatedTimestamp",
                        ctx -> Interceptor.on(DescribeChannelFlowRequest.class, (q, chain) -> {
                            DescribeChannelFlowResponse r = chain.call(q);
                            return r.toBuilder().channelFlow(r.channelFlow().toBuilder().createdTimestamp(null).build()).build();
                        })),
                fault("associated-channels-without-metadata", "FLOW-016",
                        "ListChannelsAssociatedWithChannelFlow summarises channels without their Metadata",
                        ctx -> Interceptor.on(ListChannelsAssociatedWithChannelFlowRequest.class, (q, chain) -> {
                            ListChannelsAssociatedWithChannelFlowResponse r = chain.call(q);
                            return r.toBuilder().channels(r.channels().stream().map(c -> c.toBuilder().metadata(null).build()).toList()).build();
                        })),
                fault("disassociate-from-all-channels", "FLOW-009",
                        "DisassociateChannelFlow disassociates the flow from every channel it serves, as its summary line says",
                        ctx -> Interceptor.on(DisassociateChannelFlowRequest.class, (q, chain) -> {
                            var r = chain.proceed(q);
                            ctx.service().listChannelsAssociatedWithChannelFlow(b -> b.channelFlowArn(q.channelFlowArn()).maxResults(50))
                                    .channels().forEach(c -> ctx.service().disassociateChannelFlow(b -> b.channelArn(c.channelArn())
                                            .channelFlowArn(q.channelFlowArn()).chimeBearer(ctx.operator(c.channelArn()))));
                            return r;
                        })),
                fault("pending-messages-visible-to-all", "FLOW-029",
                        "a message still being processed is listed to every member, not only to its sender",
                        ctx -> {
                            Map<String, List<ChannelMessageSummary>> pending = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        SendChannelMessageResponse r = chain.call(q);
                                        if (r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                                && q.persistence() == ChannelMessagePersistenceType.PERSISTENT) {
                                            pending.computeIfAbsent(q.channelArn(), k -> new CopyOnWriteArrayList<>())
                                                    .add(ChannelMessageSummary.builder().messageId(r.messageId()).content(q.content())
                                                            .metadata(q.metadata()).type(q.type()).createdTimestamp(java.time.Instant.now())
                                                            .lastUpdatedTimestamp(java.time.Instant.now()).redacted(false)
                                                            .sender(Identity.builder().arn(q.chimeBearer()).build()).status(r.status()).build());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                                        ListChannelMessagesResponse r = chain.call(q);
                                        List<ChannelMessageSummary> extra = pending.get(q.channelArn());
                                        if (extra == null || q.nextToken() != null) {
                                            return r;
                                        }
                                        Set<String> listed = ConcurrentHashMap.newKeySet();
                                        r.channelMessages().forEach(m -> listed.add(m.messageId()));
                                        List<ChannelMessageSummary> all = new ArrayList<>(r.channelMessages());
                                        extra.stream().filter(m -> !listed.contains(m.messageId()))
                                                .filter(m -> ctx.message(q.channelArn(), m.messageId()).isPresent()
                                                        || !Objects.equals(m.sender().arn(), q.chimeBearer()))
                                                .forEach(all::add);
                                        return r.toBuilder().channelMessages(all).build();
                                    }));
                        }),
                fault("errors-without-message", "ERR-009",
                        "errors carry no message",
                        ctx -> (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                for (ErrorType type : ErrorType.values()) {
                                    if (FaultContext.is(e, type)) {
                                        ChimeSdkMessagingException bare = FaultContext.error(type, null);
                                        throw (ChimeSdkMessagingException) bare.toBuilder().message(null)
                                                .awsErrorDetails(bare.awsErrorDetails().toBuilder().errorMessage(null).build()).build();
                                    }
                                }
                                throw e;
                            }
                        }));
    }
}
