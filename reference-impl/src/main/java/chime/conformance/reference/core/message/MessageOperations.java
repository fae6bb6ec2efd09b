package chime.conformance.reference.core.message;

import chime.conformance.reference.core.state.StoredMessage;
import chime.conformance.reference.core.state.MessageKey;
import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.ChannelMessageStatus;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.model.MessageReceipt;
import chime.conformance.reference.core.model.MessageStatus;
import chime.conformance.reference.core.model.SortOrder;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.session.SessionEventType;
import chime.conformance.reference.core.validation.Check;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Messages: SendChannelMessage, GetChannelMessage, ListChannelMessages, UpdateChannelMessage,
 * DeleteChannelMessage, RedactChannelMessage and GetChannelMessageStatus.
 */
public final class MessageOperations {

    private final CoreContext ctx;
    private final Supplier<MessageProcessing> processing;

    /** @param processing the channel-flow side, looked up on each use */
    public MessageOperations(CoreContext ctx, Supplier<MessageProcessing> processing) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.processing = Objects.requireNonNull(processing, "processing");
    }

    /**
     * MSG-001 to MSG-005, MSG-008. Only DEFAULT members may send (AUTH-021 to AUTH-023): a moderator or admin
     * without a membership is Forbidden (Developer Guide role tables: they must first create a membership for
     * themselves), and so is a HIDDEN member (MEMB-018: "Hidden members can observe conversations but not send
     * messages", Developer Guide, messaging concepts). Sizes are checked in UTF-8 bytes (SIZE-001 to
     * SIZE-005). Without a channel flow the message is SENT at once (STAT-002); with one, a STANDARD message
     * is PENDING until the processors answer (STAT-003, FLOW-005), while CONTROL messages bypass flows
     * (FLOW-019). LastMessageTimestamp follows delivered PERSISTENT messages only (CHAN-014). The same
     * ClientRequestToken with the same message gives the same MessageId (IDEM-003, IDEM-006).
     */
    public MessageReceipt send(String chimeBearer, String channelArn, String content, String type, String persistence,
                               String metadata, String clientRequestToken) {
        Check.arn(channelArn, "ChannelArn");
        Check.required(content, "Content");
        Check.rule(!content.isEmpty(), "Content must not be empty"); // SIZE-005
        ChannelMessageType messageType = Check.enumValue(ChannelMessageType.class, type, "Type");
        ChannelMessagePersistenceType persistenceType =
                Check.enumValue(ChannelMessagePersistenceType.class, persistence, "Persistence");
        MessageLimits.check(messageType, content, metadata);
        Check.clientRequestToken(clientRequestToken);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        String storedMetadata = MessageLimits.storedMetadata(messageType, metadata);
        // The channel's own ARN, not the request's copy: every stored message and idempotency record refers to
        // it, and a copy per message decoded from the wire would cost about 140 bytes each.
        String channel = state.channelArn();

        List<Object> fingerprint = Arrays.asList(channel, content, messageType, persistenceType, storedMetadata);
        // The record of the token keeps the message as first stored, which carries all of the fingerprint: it
        // keeps no copy of the parameters (IDEM-006 compares them exactly).
        ChannelMessage sent = ctx.idempotency().once(
                List.of("SendChannelMessage", state.appInstanceArn(), caller.arn(), clientRequestToken), fingerprint,
                MessageOperations::sendParameters,
                () -> state.locked(() -> {
                    ChannelMembership membership = state.membership(caller.arn());
                    if (!ctx.access().isMember(caller, state)) {
                        throw ApiError.forbidden("Only members of the channel can send messages");
                    }
                    if (ctx.access().isHiddenMember(caller, state)) {
                        throw ApiError.forbidden("Hidden members can observe the channel but not send messages");
                    }
                    MessageKey key = state.nextMessageKey(ctx.clock());
                    ChannelFlow flow = messageType == ChannelMessageType.STANDARD ? processing.get().flowOf(state) : null;
                    boolean persistent = persistenceType == ChannelMessagePersistenceType.PERSISTENT;
                    ChannelMessage message = new ChannelMessage(channel, ctx.ids().newMessageId(), content,
                            storedMetadata, messageType, persistenceType, sender(caller, membership),
                            key.createdTimestamp(),
                            null, key.createdTimestamp(), false, flow == null ? MessageStatus.SENT : MessageStatus.PENDING);
                    if (flow == null) {
                        state.addMessage(StoredMessage.delivered(key, message), persistent);
                        if (persistent) {
                            markLastMessage(state, message);
                        }
                        ctx.sessions().messageToMembers(state, SessionEventType.CREATE_CHANNEL_MESSAGE, message);
                    } else {
                        state.addMessage(new StoredMessage(key, message, null), persistent);
                        ctx.sessions().messageToSender(state, SessionEventType.PENDING_CREATE_CHANNEL_MESSAGE, message);
                        processing.get().start(state, flow, message, false);
                    }
                    return message;
                }));
        return MessageReceipt.of(sent);
    }

    /** The parameters of SendChannelMessage a message carries: those its ClientRequestToken was first sent with. */
    private static List<Object> sendParameters(ChannelMessage first) {
        return Arrays.asList(first.channelArn(), first.content(), first.type(), first.persistence(), first.metadata());
    }

    /**
     * The sender's Identity, shared by the messages it sends: its membership's, which names the same user,
     * unless the user's Name changed since it joined.
     */
    private static Identity sender(Caller caller, ChannelMembership membership) {
        Identity current = caller.identity();
        if (membership != null && membership.member().equals(current)) {
            return membership.member();
        }
        return current;
    }

    /**
     * CHAN-014: LastMessageTimestamp is the creation time of the latest delivered persistent message; it never
     * decreases. Called under the channel's lock.
     */
    public static void markLastMessage(ChannelState state, ChannelMessage delivered) {
        Channel channel = state.channel();
        Instant last = channel.lastMessageTimestamp();
        if (last == null || delivered.createdMillis() > last.toEpochMilli()) {
            state.update(channel.withLastMessageTimestamp(delivered.createdTimestamp()));
        }
    }

    /**
     * MSG-006, MSG-007. Readable by whoever may read the channel (AUTH-021, AUTH-022). Deleted, denied and
     * NON_PERSISTENT messages are NotFound (MSG-005, MSG-015, STAT-008); a message still PENDING or FAILED is
     * visible to its sender only (FLOW-029, kit decision).
     */
    public ChannelMessage get(String chimeBearer, String channelArn, String messageId) {
        Check.arn(channelArn, "ChannelArn");
        Check.messageId(messageId, "MessageId");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireReader(caller, state);
        StoredMessage stored = state.message(messageId);
        ChannelMessage view = stored == null ? null : stored.viewFor(caller.arn());
        if (view == null) {
            throw ApiError.notFound("Message " + messageId + " does not exist");
        }
        return view;
    }

    /**
     * MSG-014 to MSG-016, MSG-020 to MSG-025. Newest first unless SortOrder is ASCENDING; ordered by
     * CreatedTimestamp, never moved by edits. NotBefore and NotAfter are inclusive (kit decision); NotBefore
     * after NotAfter selects nothing. The latest version of each message is listed once; redacted messages
     * stay in place with empty content. Paging resumes after the last message seen, under the same sort order
     * and window (PAGE-004).
     */
    public Page<ChannelMessage> list(String chimeBearer, String channelArn, String sortOrder, Instant notBefore,
                                     Instant notAfter, Integer maxResults, String nextToken) {
        Check.arn(channelArn, "ChannelArn");
        SortOrder order = Check.optionalEnum(SortOrder.class, sortOrder, "SortOrder", SortOrder.DESCENDING);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        ctx.access().requireReader(caller, state);
        String query = "ListChannelMessages|" + channelArn + "|" + order + "|" + notBefore + "|" + notAfter;
        Paging.Cursor<MessageKey> cursor = ctx.paging().cursor(query, nextToken, maxResults, MessageKey.CODEC);

        if (notBefore != null && notAfter != null && notBefore.isAfter(notAfter)) {
            return new Page<>(List.of(), null);
        }
        return ctx.paging().page(state.messages(order == SortOrder.DESCENDING, notBefore, notAfter, cursor.after(),
                caller.arn()), cursor, MessageKey.CODEC);
    }

    /**
     * MSG-009 to MSG-013, AUTH-020. Only the sender, while still a member, may edit ("Edit their own
     * messages"). A member omitted from the request keeps its value (MSG-011, kit decision). Editing a redacted
     * message, or one whose processing is not finished or failed, is a ConflictException (kit decision). On a
     * channel with a flow a STANDARD edit is PENDING and shows only once processed (STAT-011, FLOW-017);
     * otherwise it applies at once and is SENT.
     */
    public MessageReceipt update(String chimeBearer, String channelArn, String messageId, String content,
                                 String metadata) {
        Check.arn(channelArn, "ChannelArn");
        Check.messageId(messageId, "MessageId");
        Check.length(content, "Content", 0, MessageLimits.STANDARD_CONTENT_BYTES);
        Check.maxUtf8Bytes(metadata, "Metadata", MessageLimits.METADATA_BYTES);
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return state.locked(() -> {
            StoredMessage stored = requireMessage(state, messageId);
            ChannelMessage current = stored.latest();
            if (!stored.senderArn().equals(caller.arn()) || !ctx.access().isMember(caller, state)) {
                throw ApiError.forbidden("Only the sender, as a member of the channel, can edit a message");
            }
            if (current.redacted()) {
                throw ApiError.conflict("A redacted message cannot be edited");
            }
            if (current.status().value() != ChannelMessageStatus.SENT) {
                throw ApiError.conflict("The message is " + current.status().value() + " and cannot be edited now");
            }
            MessageLimits.check(current.type(), content, metadata);
            String newContent = content != null ? content : current.content();
            String newMetadata = metadata != null ? MessageLimits.storedMetadata(current.type(), metadata) : current.metadata();
            Instant at = ctx.clock().strictlyAfter(current.lastUpdatedTimestamp());
            ChannelFlow flow = current.type() == ChannelMessageType.STANDARD ? processing.get().flowOf(state) : null;
            if (flow == null) {
                ChannelMessage edited = current.edited(newContent, newMetadata, at, MessageStatus.SENT);
                state.putMessage(StoredMessage.delivered(stored.key(), edited), true);
                ctx.sessions().messageToMembers(state, SessionEventType.UPDATE_CHANNEL_MESSAGE, edited);
                return new MessageReceipt(channelArn, messageId, edited.status());
            }
            state.putMessage(new StoredMessage(stored.key(), current.withStatus(MessageStatus.PENDING), stored.published()),
                    true);
            ChannelMessage proposal = current.edited(newContent, newMetadata, at, MessageStatus.PENDING);
            ctx.sessions().messageToSender(state, SessionEventType.PENDING_UPDATE_CHANNEL_MESSAGE, proposal);
            processing.get().start(state, flow, proposal, true);
            return new MessageReceipt(channelArn, messageId, MessageStatus.PENDING);
        });
    }

    /**
     * MSG-015 to MSG-017, AUTH-007: "Only admins can perform this action": not the sender, not a moderator.
     * The message and every revision become inaccessible at once. Only sent messages can be deleted (Developer
     * Guide role tables: "Allowed only for sent messages"): a message never delivered (PENDING in its first
     * processing, or FAILED) is invisible to everyone but its sender (FLOW-029), so deleting it is NotFound,
     * as reading it is (the error is unnamed: a kit decision). A sent message whose edit is being processed
     * was sent, and can be deleted.
     */
    public void delete(String chimeBearer, String channelArn, String messageId) {
        Check.arn(channelArn, "ChannelArn");
        Check.messageId(messageId, "MessageId");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            if (!ctx.access().isAdmin(caller)) {
                throw ApiError.forbidden("Only AppInstanceAdmins can delete messages");
            }
            StoredMessage stored = requireMessage(state, messageId);
            if (stored.published() == null) {
                throw ApiError.notFound("Message " + messageId + " was never sent: only sent messages can be deleted");
            }
            state.removeMessage(messageId);
            ctx.idempotency().forgetCreated(messageId);
            ctx.sessions().messageToMembers(state, SessionEventType.DELETE_CHANNEL_MESSAGE, stored.published());
            return null;
        });
    }

    /**
     * MSG-018, MSG-019, AUTH-017, AUTH-025, MOD-006: MOD or ADMIN redact any message; a member redacts only
     * the messages it sent itself (Developer Guide role tables: "You can only redact your own messages"). The
     * content and the metadata go (the current API Reference: "Redacts message content and metadata"; the
     * older boto3 text said "but not metadata"); the message stays listed with Redacted=true. Only sent
     * messages can be redacted: one never delivered is NotFound (FLOW-029). Redacting again is an idempotent
     * success; redacting while an edit is being processed is a ConflictException (kit decision).
     * LastUpdatedTimestamp advances (MSG-013, kit decision).
     */
    public MessageReceipt redact(String chimeBearer, String channelArn, String messageId) {
        Check.arn(channelArn, "ChannelArn");
        Check.messageId(messageId, "MessageId");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        return state.locked(() -> {
            StoredMessage stored = state.message(messageId);
            boolean ownMessage = stored != null && stored.senderArn().equals(caller.arn())
                    && ctx.access().isMember(caller, state);
            if (!ownMessage) {
                ctx.access().requireModeratorOrAdmin(caller, state, "redact other users' messages");
            }
            if (stored == null || stored.published() == null) {
                // Never delivered (still PENDING or FAILED): moderators cannot see it (FLOW-029).
                throw ApiError.notFound("Message " + messageId + " does not exist");
            }
            ChannelMessage current = stored.latest();
            if (!current.redacted()) {
                if (current.status().value() == ChannelMessageStatus.PENDING) {
                    throw ApiError.conflict("The message is being processed and cannot be redacted now");
                }
                ChannelMessage redacted = current.redact(ctx.clock().strictlyAfter(current.lastUpdatedTimestamp()));
                state.putMessage(StoredMessage.delivered(stored.key(), redacted), true);
                ctx.sessions().messageToMembers(state, SessionEventType.REDACT_CHANNEL_MESSAGE, redacted);
            }
            return new MessageReceipt(channelArn, messageId, null);
        });
    }

    /**
     * STAT-001 to STAT-010, AUTH-008: "Only the message sender can invoke this API" (no admin exemption).
     * Denied and deleted messages are not stored, so their status is NotFound (STAT-008, kit decision).
     * NON_PERSISTENT messages keep a status for their sender although they are never listed.
     */
    public MessageStatus status(String chimeBearer, String channelArn, String messageId) {
        Check.arn(channelArn, "ChannelArn");
        Check.messageId(messageId, "MessageId");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        StoredMessage stored = state.message(messageId);
        if (stored == null) {
            stored = state.transientMessage(messageId);
        }
        if (stored == null) {
            throw ApiError.notFound("Message " + messageId + " does not exist");
        }
        if (!stored.senderArn().equals(caller.arn())) {
            throw ApiError.forbidden("Only the message sender can get its status");
        }
        return stored.latest().status();
    }

    private static StoredMessage requireMessage(ChannelState state, String messageId) {
        StoredMessage stored = state.message(messageId);
        if (stored == null) {
            throw ApiError.notFound("Message " + messageId + " does not exist");
        }
        return stored;
    }
}
