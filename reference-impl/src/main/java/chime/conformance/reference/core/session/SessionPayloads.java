package chime.conformance.reference.core.session;

import chime.conformance.reference.core.model.BatchChannelMemberships;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.Identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The events' payloads, in the shapes the Developer Guide's payload table names (ChannelMessage, Channel,
 * ChannelMembership, BatchChannelMemberships, the CHANNEL_DETAILS object): the bare object, not wrapped in a
 * key (AWS's chat demos read {@code record.ChannelArn} straight off the parsed payload); absent optional
 * members omitted; timestamps as ISO-8601 UTC strings with milliseconds, as AWS's iOS demo decodes them
 * ({@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}), not the epoch seconds of the REST JSON.
 */
public final class SessionPayloads {

    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SessionPayloads() {
    }

    /** SESSION_ESTABLISHED: headers only, message type SYSTEM (Developer Guide: its payload is N/A). */
    public static SessionEvent established() {
        return new SessionEvent(SessionEventType.SESSION_ESTABLISHED, SessionEvent.SYSTEM, null, null);
    }

    /** A channel-message event; the message type header is the message's own Type (STANDARD or CONTROL). */
    public static SessionEvent message(String eventType, ChannelMessage message) {
        return new SessionEvent(eventType, message.type().name(), message.channelArn(), write(json -> writeMessage(json, message, true)));
    }

    public static SessionEvent channel(String eventType, Channel channel) {
        return new SessionEvent(eventType, SessionEvent.SYSTEM, channel.channelArn(), write(json -> {
            json.startObject();
            string(json, "Name", channel.name());
            string(json, "ChannelArn", channel.channelArn());
            string(json, "Mode", channel.mode().name());
            string(json, "Privacy", channel.privacy().name());
            string(json, "Metadata", channel.metadata());
            identity(json, "CreatedBy", channel.createdBy());
            time(json, "CreatedTimestamp", channel.createdTimestamp());
            time(json, "LastMessageTimestamp", channel.lastMessageTimestamp());
            time(json, "LastUpdatedTimestamp", channel.lastUpdatedTimestamp());
            string(json, "ChannelFlowArn", channel.channelFlowArn());
            json.endObject();
        }));
    }

    public static SessionEvent membership(String eventType, ChannelMembership membership) {
        return new SessionEvent(eventType, SessionEvent.SYSTEM, membership.channelArn(), write(json -> {
            json.startObject();
            identity(json, "InvitedBy", membership.invitedBy());
            string(json, "Type", membership.type().name());
            identity(json, "Member", membership.member());
            string(json, "ChannelArn", membership.channelArn());
            time(json, "CreatedTimestamp", membership.createdTimestamp());
            time(json, "LastUpdatedTimestamp", membership.lastUpdatedTimestamp());
            json.endObject();
        }));
    }

    public static SessionEvent batch(BatchChannelMemberships batch) {
        return new SessionEvent(SessionEventType.BATCH_CREATE_CHANNEL_MEMBERSHIP, SessionEvent.SYSTEM,
                batch.channelArn(), write(json -> {
                    json.startObject();
                    identity(json, "InvitedBy", batch.invitedBy());
                    string(json, "Type", batch.type().name());
                    json.name("Members").startArray();
                    for (Identity member : batch.members()) {
                        identityObject(json, member);
                    }
                    json.endArray();
                    string(json, "ChannelArn", batch.channelArn());
                    json.endObject();
                }));
    }

    /**
     * CHANNEL_DETAILS (Developer Guide, "Using prefetch to deliver channel details"): a ChannelSummary, the
     * newest messages the user can see (newest first), whether there are more, a page of memberships and the
     * user's read marker.
     */
    public static SessionEvent channelDetails(Channel channel, List<ChannelMessage> messages, boolean hasMore,
                                              List<Identity> members, Instant readMarker) {
        return new SessionEvent(SessionEventType.CHANNEL_DETAILS, SessionEvent.SYSTEM, channel.channelArn(), write(json -> {
            json.startObject();
            json.name("Channel").startObject();
            string(json, "Name", channel.name());
            string(json, "ChannelArn", channel.channelArn());
            string(json, "Mode", channel.mode().name());
            string(json, "Privacy", channel.privacy().name());
            string(json, "Metadata", channel.metadata());
            time(json, "LastMessageTimestamp", channel.lastMessageTimestamp());
            json.endObject();
            json.name("ChannelMessages").startArray();
            for (ChannelMessage message : messages) {
                writeMessage(json, message, false);
            }
            json.endArray();
            json.name("ChannelMessagesHasMore").value(hasMore);
            json.name("ChannelMemberships").startArray();
            for (Identity member : members) {
                json.startObject();
                identity(json, "Member", member);
                json.endObject();
            }
            json.endArray();
            time(json, "ReadMarkerTimestamp", readMarker);
            json.endObject();
        }));
    }

    /** A ChannelMessage, or with {@code full=false} a ChannelMessageSummary (no ChannelArn, Persistence). */
    private static void writeMessage(JsonWriter json, ChannelMessage message, boolean full) {
        json.startObject();
        if (full) {
            string(json, "ChannelArn", message.channelArn());
        }
        string(json, "MessageId", message.messageId());
        string(json, "Content", message.content());
        string(json, "Metadata", message.metadata());
        string(json, "Type", message.type().name());
        time(json, "CreatedTimestamp", message.createdTimestamp());
        time(json, "LastEditedTimestamp", message.lastEditedTimestamp());
        time(json, "LastUpdatedTimestamp", message.lastUpdatedTimestamp());
        identity(json, "Sender", message.sender());
        json.name("Redacted").value(message.redacted());
        if (full) {
            string(json, "Persistence", message.persistence().name());
        }
        if (message.status() != null) {
            json.name("Status").startObject();
            string(json, "Value", message.status().value().name());
            string(json, "Detail", message.status().detail());
            json.endObject();
        }
        json.endObject();
    }

    private static void string(JsonWriter json, String name, String value) {
        if (value != null) {
            json.field(name, value);
        }
    }

    private static void time(JsonWriter json, String name, Instant value) {
        if (value != null) {
            json.field(name, ISO_MILLIS.format(value));
        }
    }

    private static void identity(JsonWriter json, String name, Identity identity) {
        if (identity != null) {
            json.name(name);
            identityObject(json, identity);
        }
    }

    private static void identityObject(JsonWriter json, Identity identity) {
        json.startObject();
        string(json, "Arn", identity.arn());
        string(json, "Name", identity.name());
        json.endObject();
    }

    private interface Writer {
        void write(JsonWriter json);
    }

    private static String write(Writer writer) {
        JsonWriter json = new JsonWriter(256);
        writer.write(json);
        return json.toString();
    }
}
