package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in messages: the rules of area MSG. */
final class MessageFaults {

    private MessageFaults() {
    }

    static List<Fault> all() {
        return List.of(
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
                                            kept.computeIfAbsent(q.channelArn(), k -> new CopyOnWriteArrayList<>()).add(summary(q, r));
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
                        ctx -> stillListedAfter(ctx, DeleteChannelMessageRequest.class)),
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
                        ctx -> stillListedAfter(ctx, UpdateChannelMessageRequest.class)),
                fault("message-type-defaults-to-standard", "MSG-003, ERR-012",
                        "SendChannelMessage without a Type sends a STANDARD message instead of rejecting the request",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(q.typeAsString() == null
                                ? q.toBuilder().type(ChannelMessageType.STANDARD).build() : q))),
                fault("message-without-persistence", "MSG-006",
                        "GetChannelMessage does not return the Persistence of the message",
                        ctx -> Faults.messageView(m -> m.toBuilder().persistence((String) null).build(), s -> s)),
                fault("sender-without-name", "MSG-007, MEMB-017",
                        "messages name their sender by ARN only",
                        ctx -> Faults.messageView(m -> m.toBuilder().sender(Identity.builder().arn(m.sender().arn()).build()).build(),
                                s -> s.toBuilder().sender(Identity.builder().arn(s.sender().arn()).build()).build())),
                fault("absent-metadata-as-empty", "MSG-008",
                        "a message sent without Metadata reads back with an empty Metadata string",
                        ctx -> Faults.messageView(m -> m.metadata() == null ? m.toBuilder().metadata("").build() : m,
                                s -> s.metadata() == null ? s.toBuilder().metadata("").build() : s)),
                fault("deleted-message-editable", "MSG-015",
                        "UpdateChannelMessage on a deleted message answers 200",
                        ctx -> Interceptor.onError(UpdateChannelMessageRequest.class, ModeledError.NOT_FOUND,
                                (q, chain) -> UpdateChannelMessageResponse.builder().channelArn(q.channelArn()).messageId(q.messageId())
                                        .status(s -> s.value(ChannelMessageStatus.SENT)).sdkHttpResponse(FaultContext.http(200)).build())),
                fault("redacted-content-listed", "MSG-020",
                        "ListChannelMessages still shows the content of a redacted message",
                        ctx -> {
                            Map<String, String> content = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.then(RedactChannelMessageRequest.class,
                                            q -> ctx.message(q.channelArn(), q.messageId()),
                                        (q, before) -> before.filter(m -> m.content() != null).ifPresent(m -> content.put(q.channelArn() + " " + q.messageId(), m.content()))),
                                    Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                                        ListChannelMessagesResponse r = chain.call(q);
                                        return r.toBuilder().channelMessages(r.channelMessages().stream().map(s -> {
                                            String c = content.get(q.channelArn() + " " + s.messageId());
                                            return c == null ? s : s.toBuilder().content(c).build();
                                        }).toList()).build();
                                    }));
                        }),
                fault("edit-time-not-listed", "MSG-012, MSG-025",
                        "ListChannelMessages leaves out the LastEditedTimestamp of edited messages",
                        ctx -> Faults.messageView(m -> m, s -> s.toBuilder().lastEditedTimestamp(null).build())),
                fault("redaction-answer-without-message", "MSG-019",
                        "RedactChannelMessage answers without the ChannelArn and MessageId",
                        ctx -> Interceptor.answer(RedactChannelMessageRequest.class, RedactChannelMessageResponse.class, (q, r) ->
                                r.toBuilder().channelArn(null).messageId(null).build())),
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
                                    Faults.messageView(
                                            m -> Boolean.TRUE.equals(m.redacted()) && kept.containsKey(m.messageId())
                                                    ? m.toBuilder().metadata(kept.get(m.messageId())).build() : m,
                                            s -> Boolean.TRUE.equals(s.redacted()) && kept.containsKey(s.messageId())
                                                    ? s.toBuilder().metadata(kept.get(s.messageId())).build() : s));
                        }));
    }
}
