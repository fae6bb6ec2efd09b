package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in messages, sizes, idempotency, read markers and paging (MSG, SIZE, IDEM, READ, PAGE). */
final class MessageFaults {

    private MessageFaults() {
    }

    static List<Fault> all() {
        return List.of(
                // ---- MSG -------------------------------------------------------------------------------
                fault("default-sort-ascending", "MSG-021",
                        "ListChannelMessages without a SortOrder lists the oldest message first",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> chain.proceed(
                                q.sortOrder() == null ? q.toBuilder().sortOrder(SortOrder.ASCENDING).build() : q))),
                fault("non-persistent-messages-listed", "MSG-005",
                        "NON_PERSISTENT messages are stored and listed like persistent ones",
                        ctx -> {
                            Map<String, List<ChannelMessageSummary>> kept = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        SendChannelMessageResponse r = chain.call(q);
                                        if (q.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT) {
                                            kept.computeIfAbsent(q.channelArn(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                                    .add(ChannelMessageSummary.builder().messageId(r.messageId()).content(q.content())
                                                            .metadata(q.metadata()).type(q.type()).createdTimestamp(Instant.now())
                                                            .lastUpdatedTimestamp(Instant.now()).redacted(false)
                                                            .sender(Identity.builder().arn(q.chimeBearer()).build()).status(r.status()).build());
                                        }
                                        return r;
                                    }),
                                    withExtraMessages(kept::get));
                        }),
                fault("redacted-message-not-found", "MSG-019",
                        "GetChannelMessage on a redacted message answers NotFoundException, as if it were deleted",
                        ctx -> messageView(m -> Boolean.TRUE.equals(m.redacted()) ? null : m, s -> s)),
                fault("deleted-message-still-listed", "MSG-016",
                        "DeleteChannelMessage hides the message from GetChannelMessage, but ListChannelMessages still lists it",
                        ctx -> {
                            Map<String, List<ChannelMessageSummary>> deleted = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(DeleteChannelMessageRequest.class, (q, chain) -> {
                                        var before = ctx.message(q.channelArn(), q.messageId());
                                        var r = chain.proceed(q);
                                        before.ifPresent(m -> deleted.computeIfAbsent(q.channelArn(),
                                                k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(summary(m)));
                                        return r;
                                    }),
                                    withExtraMessages(deleted::get));
                        }),
                fault("edits-reorder-messages", "MSG-022",
                        "ListChannelMessages sorts by the time of the last edit instead of the creation time",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            ListChannelMessagesResponse r = chain.call(q);
                            Comparator<ChannelMessageSummary> byEdit = Comparator.comparing(
                                    s -> s.lastEditedTimestamp() != null ? s.lastEditedTimestamp() : s.createdTimestamp());
                            if (q.sortOrder() != SortOrder.ASCENDING) {
                                byEdit = byEdit.reversed();
                            }
                            return r.toBuilder().channelMessages(r.channelMessages().stream().sorted(byEdit).toList()).build();
                        })),
                fault("not-after-ignored", "MSG-024",
                        "ListChannelMessages ignores NotAfter",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> chain.proceed(
                                q.toBuilder().notAfter(null).build()))),
                fault("not-before-ignored", "MSG-023",
                        "ListChannelMessages ignores NotBefore",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> chain.proceed(
                                q.toBuilder().notBefore(null).build()))),
                fault("edit-time-set-on-send", "MSG-012",
                        "a message that was never edited already has a LastEditedTimestamp (its creation time)",
                        ctx -> messageView(m -> m.lastEditedTimestamp() == null ? m.toBuilder().lastEditedTimestamp(m.createdTimestamp()).build() : m,
                                s -> s.lastEditedTimestamp() == null ? s.toBuilder().lastEditedTimestamp(s.createdTimestamp()).build() : s)),
                fault("edit-ignores-metadata", "MSG-010",
                        "UpdateChannelMessage changes the content and ignores the Metadata given",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.toBuilder().metadata(null).build()))),
                fault("boolean-persistence-accepted", "MSG-004",
                        "a Persistence outside PERSISTENT and NON_PERSISTENT (such as \"true\") is taken as PERSISTENT",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.persistenceAsString() != null && q.persistence() == ChannelMessagePersistenceType.UNKNOWN_TO_SDK_VERSION
                                        ? q.toBuilder().persistence(ChannelMessagePersistenceType.PERSISTENT).build() : q))),
                fault("content-altered-on-read", "MSG-006, MSG-025",
                        "GetChannelMessage and ListChannelMessages return the content with a line terminator added, as a store that keeps text by lines would",
                        ctx -> messageView(m -> empty(m.content()) ? m : m.toBuilder().content(m.content() + "\n").build(),
                                s -> empty(s.content()) ? s : s.toBuilder().content(s.content() + "\n").build())),
                fault("metadata-altered-on-read", "MSG-008, MSG-006, MSG-025",
                        "GetChannelMessage and ListChannelMessages return the metadata with a line terminator added, as a store that keeps text by lines would",
                        ctx -> messageView(m -> empty(m.metadata()) ? m : m.toBuilder().metadata(m.metadata() + "\n").build(),
                                s -> empty(s.metadata()) ? s : s.toBuilder().metadata(s.metadata() + "\n").build())),
                fault("edits-listed-as-revisions", "MSG-014",
                        "ListChannelMessages lists every revision of an edited message, not only the latest",
                        ctx -> {
                            Map<String, List<ChannelMessageSummary>> revisions = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> {
                                        var before = ctx.message(q.channelArn(), q.messageId());
                                        var r = chain.proceed(q);
                                        before.ifPresent(m -> revisions.computeIfAbsent(q.channelArn(),
                                                k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(summary(m)));
                                        return r;
                                    }),
                                    withExtraMessages(revisions::get));
                        }),

                // ---- SIZE ------------------------------------------------------------------------------
                fault("content-limit-in-characters", "SIZE-001",
                        "the 4KB limit of STANDARD content is counted in characters, not UTF-8 bytes",
                        ctx -> oversizedContent(4096, ChannelMessageType.STANDARD, c -> c.length() <= 4096)),
                fault("content-limit-off-by-one", "SIZE-001",
                        "STANDARD content of exactly 4096 bytes is rejected: the limit is checked with < instead of <=",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            if (q.type() != ChannelMessageType.CONTROL && Texts.bytes(q.content()) == 4096) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Content is too long");
                            }
                            return chain.proceed(q);
                        })),
                fault("control-metadata-accepted", "SIZE-004",
                        "a CONTROL message with metadata is accepted (the metadata is dropped)",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.type() == ChannelMessageType.CONTROL ? q.toBuilder().metadata(null).build() : q))),
                fault("control-limit-as-standard", "SIZE-003",
                        "CONTROL content gets the STANDARD limit of 4096 bytes instead of 30 bytes",
                        ctx -> oversizedContent(30, ChannelMessageType.CONTROL, c -> Texts.bytes(c) <= 4096)),
                fault("channel-metadata-limit-in-characters", "SIZE-006",
                        "the 1KB limit of channel metadata is counted in characters, not UTF-8 bytes",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            UnaryOperator<String> fit = m -> m != null && m.length() <= 1024 && Texts.bytes(m) > 1024
                                    ? Texts.truncateToBytes(m, 1024) : m;
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelRequest.class, (q, chain) -> {
                                        CreateChannelResponse r = chain.call(q.toBuilder().metadata(fit.apply(q.metadata())).build());
                                        if (q.metadata() != null && !q.metadata().equals(fit.apply(q.metadata()))) {
                                            full.put(r.channelArn(), q.metadata());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q.toBuilder().metadata(fit.apply(q.metadata())).build());
                                        if (q.metadata() != null && !q.metadata().equals(fit.apply(q.metadata()))) {
                                            full.put(q.channelArn(), q.metadata());
                                        } else if (q.metadata() != null) {
                                            full.remove(q.channelArn());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                                        DescribeChannelResponse r = chain.call(q);
                                        String m = full.get(q.channelArn());
                                        return m == null ? r : r.toBuilder().channel(r.channel().toBuilder().metadata(m).build()).build();
                                    }));
                        }),
                fault("message-metadata-limit-off-by-one", "SIZE-002",
                        "message metadata of exactly 1024 bytes is rejected: the limit is checked with < instead of <=",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            if (Texts.bytes(q.metadata()) == 1024) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Metadata is too long");
                            }
                            return chain.proceed(q);
                        })),
                fault("edit-content-unchecked", "SIZE-007",
                        "UpdateChannelMessage does not check the size of the new content",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> {
                                        var original = ctx.message(q.channelArn(), q.messageId());
                                        int limit = original.map(m -> m.type() == ChannelMessageType.CONTROL ? 30 : 4096).orElse(4096);
                                        if (q.content() == null || Texts.bytes(q.content()) <= limit) {
                                            return chain.proceed(q);
                                        }
                                        var r = chain.proceed(q.toBuilder().content(Texts.truncateToBytes(q.content(), limit)).build());
                                        full.put(q.channelArn() + " " + q.messageId(), q.content());
                                        return r;
                                    }),
                                    contentOverrides(full));
                        }),
                fault("boundary-content-truncated-on-read", "SIZE-001, SIZE-003, SIZE-007",
                        "content of exactly the limit (4096 bytes for STANDARD, 30 for CONTROL) is accepted, but reads lose its last character, as a buffer one byte short would",
                        ctx -> messageView(m -> m.toBuilder().content(shortOfTheLimit(m.content(), m.type())).build(),
                                s -> s.toBuilder().content(shortOfTheLimit(s.content(), s.type())).build())),
                fault("batch-limit-off-by-one", "SIZE-009",
                        "BatchCreateChannelMembership rejects a batch of exactly 100 users",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> {
                            if (q.memberArns().size() == 100) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Too many members");
                            }
                            return chain.proceed(q);
                        })),
                fault("name-limit-off-by-one", "SIZE-008",
                        "a channel name of exactly 256 characters is rejected, on creation and on update",
                        ctx -> (q, chain) -> {
                            if ((q instanceof CreateChannelRequest || q instanceof UpdateChannelRequest)
                                    && Members.text(q, "Name") != null && Members.text(q, "Name").length() == 256) {
                                throw FaultContext.error(ErrorType.BAD_REQUEST, "Name is too long");
                            }
                            return chain.proceed(q);
                        }),

                // ---- IDEM ------------------------------------------------------------------------------
                fault("message-token-ignored", "IDEM-003",
                        "SendChannelMessage ignores the ClientRequestToken: a retried send posts the message twice",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))),
                fault("channel-token-ignored", "IDEM-001, IDEM-006",
                        "CreateChannel ignores the ClientRequestToken: a retried request creates a second channel",
                        ctx -> Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(
                                q.clientRequestToken() == null ? q : q.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build()))),

                // ---- READ ------------------------------------------------------------------------------
                fault("read-marker-not-recorded", "READ-001",
                        "UpdateChannelReadMarker answers 200 but records nothing",
                        ctx -> Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> ctx.isMember(q.channelArn(), q.chimeBearer())
                                ? UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn()).sdkHttpResponse(FaultContext.http(200)).build()
                                : chain.proceed(q))),
                fault("read-marker-for-non-members", "READ-005",
                        "UpdateChannelReadMarker by a user who is not a member answers 200 instead of ForbiddenException",
                        ctx -> Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> Faults.onError(ErrorType.FORBIDDEN, chain, q,
                                () -> UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn())
                                        .sdkHttpResponse(FaultContext.http(200)).build()))),
                fault("read-marker-per-channel", "READ-003",
                        "a read marker is kept per channel, not per member: marking a channel read marks it for every member",
                        ctx -> Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> {
                            var r = chain.proceed(q);
                            for (ChannelMembershipType type : ChannelMembershipType.knownValues()) {
                                ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn()).type(type).maxResults(50)
                                        .chimeBearer(ctx.operator(q.channelArn()))).channelMemberships().stream()
                                        .map(m -> m.member().arn()).filter(a -> !a.equals(q.chimeBearer()))
                                        .forEach(a -> ctx.service().updateChannelReadMarker(b -> b.channelArn(q.channelArn()).chimeBearer(a)));
                            }
                            return r;
                        })),

                // ---- PAGE ------------------------------------------------------------------------------
                fault("page-boundary-drops-item", "PAGE-003",
                        "every page followed by another loses its last item: the next page starts one item too far",
                        ctx -> (q, chain) -> {
                            SdkResponse r = chain.proceed(q);
                            if (!Members.has(q, "NextToken") || Members.get(r, "NextToken") == null) {
                                return r;
                            }
                            SdkField<?> items = listOf(r);
                            List<?> list = (List<?>) items.getValueOrDefault(r);
                            return list == null || list.isEmpty() ? r
                                    : Members.with(r, items.memberName(), List.copyOf(list.subList(0, list.size() - 1)));
                        }),
                fault("page-size-ignored", "PAGE-001",
                        "MaxResults is ignored: every page holds up to the default of 50 items",
                        ctx -> (q, chain) -> chain.proceed(Members.has(q, "MaxResults") && Members.get(q, "MaxResults") != null
                                ? Members.with(q, "MaxResults", null) : q)),
                fault("page-size-clamped", "PAGE-001",
                        "a MaxResults outside 1 to 50 is silently clamped instead of rejected",
                        ctx -> (q, chain) -> {
                            Object max = Members.has(q, "MaxResults") ? Members.get(q, "MaxResults") : null;
                            if (max instanceof Integer n && (n < 1 || n > 50)) {
                                return chain.proceed(Members.with(q, "MaxResults", Math.max(1, Math.min(50, n))));
                            }
                            return chain.proceed(q);
                        }),
                fault("forged-token-restarts-list", "PAGE-005",
                        "a NextToken the service never issued starts the list from the beginning instead of being rejected",
                        ctx -> (q, chain) -> {
                            if (!Members.has(q, "NextToken") || Members.get(q, "NextToken") == null) {
                                return chain.proceed(q);
                            }
                            return Faults.onError(ErrorType.BAD_REQUEST, chain, q, () -> chain.proceed(Members.with(q, "NextToken", null)));
                        }));
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }

    /** Content of exactly its type's limit in bytes, without its last character; any other content as it is. */
    static String shortOfTheLimit(String content, ChannelMessageType type) {
        int limit = type == ChannelMessageType.CONTROL ? 30 : 4096;
        if (content == null || Texts.bytes(content) != limit) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(content.length(), -1));
    }

    /** The list member of a list operation's response (the one list that is not a list of strings). */
    static SdkField<?> listOf(SdkResponse response) {
        return response.sdkFields().stream().filter(f -> f.marshallingType() == MarshallingType.LIST).findFirst()
                .orElseThrow(() -> new IllegalStateException(response.getClass().getSimpleName() + " holds no list"));
    }

    static ChannelMessageSummary summary(ChannelMessage m) {
        return ChannelMessageSummary.builder().messageId(m.messageId()).content(m.content()).metadata(m.metadata())
                .type(m.type()).createdTimestamp(m.createdTimestamp()).lastUpdatedTimestamp(m.lastUpdatedTimestamp())
                .lastEditedTimestamp(m.lastEditedTimestamp()).sender(m.sender()).redacted(m.redacted()).status(m.status()).build();
    }

    /** Rewrites every message the service returns; a GetChannelMessage rewritten to null answers NotFound. */
    static Interceptor messageView(UnaryOperator<ChannelMessage> onGet, UnaryOperator<ChannelMessageSummary> onList) {
        return Interceptor.all(
                Interceptor.on(GetChannelMessageRequest.class, (q, chain) -> {
                    GetChannelMessageResponse r = chain.call(q);
                    ChannelMessage m = onGet.apply(r.channelMessage());
                    if (m == null) {
                        throw FaultContext.error(ErrorType.NOT_FOUND, "The message does not exist");
                    }
                    return r.toBuilder().channelMessage(m).build();
                }),
                Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                    ListChannelMessagesResponse r = chain.call(q);
                    return r.toBuilder().channelMessages(r.channelMessages().stream().map(onList).toList()).build();
                }));
    }

    /** Lists, on the first page of a channel's messages, the extra messages a faulty service still has. */
    static Interceptor withExtraMessages(java.util.function.Function<String, List<ChannelMessageSummary>> extra) {
        return Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
            ListChannelMessagesResponse r = chain.call(q);
            List<ChannelMessageSummary> more = extra.apply(q.channelArn());
            if (more == null || more.isEmpty() || q.nextToken() != null) {
                return r;
            }
            Comparator<ChannelMessageSummary> order = Comparator.comparing(ChannelMessageSummary::createdTimestamp);
            if (q.sortOrder() != SortOrder.ASCENDING) {
                order = order.reversed();
            }
            List<ChannelMessageSummary> all = new ArrayList<>(r.channelMessages());
            all.addAll(more);
            return r.toBuilder().channelMessages(all.stream().sorted(order).toList()).build();
        });
    }

    /** Reads return the content a faulty service stored in full, where it kept more than the service would. */
    static Interceptor contentOverrides(Map<String, String> full) {
        return Interceptor.all(
                Interceptor.on(GetChannelMessageRequest.class, (q, chain) -> {
                    GetChannelMessageResponse r = chain.call(q);
                    String content = full.get(q.channelArn() + " " + q.messageId());
                    return content == null || Boolean.TRUE.equals(r.channelMessage().redacted()) ? r
                            : r.toBuilder().channelMessage(r.channelMessage().toBuilder().content(content).build()).build();
                }),
                Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                    ListChannelMessagesResponse r = chain.call(q);
                    return r.toBuilder().channelMessages(r.channelMessages().stream().map(s -> {
                        String content = full.get(q.channelArn() + " " + s.messageId());
                        return content == null || Boolean.TRUE.equals(s.redacted()) ? s : s.toBuilder().content(content).build();
                    }).toList()).build();
                }));
    }

    /**
     * Content of a {@code type} message that {@code faultyAccepts} is accepted although the documented
     * limit is {@code bytes} UTF-8 bytes: the service stores it whole and returns it whole.
     */
    static Interceptor oversizedContent(int bytes, ChannelMessageType type, java.util.function.Predicate<String> faultyAccepts) {
        Map<String, String> full = new ConcurrentHashMap<>();
        return Interceptor.all(
                Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                    String content = q.content();
                    if (q.type() != type || content == null || Texts.bytes(content) <= bytes || !faultyAccepts.test(content)) {
                        return chain.proceed(q);
                    }
                    SendChannelMessageResponse r = chain.call(q.toBuilder().content(Texts.truncateToBytes(content, bytes)).build());
                    full.put(q.channelArn() + " " + r.messageId(), content);
                    return r;
                }),
                contentOverrides(full));
    }
}
