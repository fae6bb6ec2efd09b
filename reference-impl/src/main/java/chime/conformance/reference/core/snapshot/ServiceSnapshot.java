package chime.conformance.reference.core.snapshot;

import chime.conformance.reference.core.state.MessageKey;
import chime.conformance.reference.core.state.StoredMessage;
import chime.conformance.reference.core.model.AppInstance;
import chime.conformance.reference.core.model.AppInstanceAdmin;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a client can read back from the service, as plain data: what {@code serve --state FILE} saves
 * and loads. The stored records themselves, with their identifiers, timestamps and creation-order numbers, so a
 * restored service answers every read exactly as the saved one did.
 *
 * <p>Not in a snapshot (transient): idempotency records (a ClientRequestToken repeated after a restore acts
 * anew), processor invocations and callbacks still awaited (a message PENDING at the save stays as it was,
 * its CallbackId no longer accepted), the record of processor invocations, planned faults.
 *
 * @param savedAt        the service clock when the snapshot was taken: a restored clock never goes before it
 * @param creationOrder  the last creation-order number handed out (AppInstances, channels, channel flows)
 * @param pageTokenKey   the key NextTokens are signed with (base64), so tokens issued before stay valid
 * @param appInstances   in creation order, each with its users and admins
 * @param channelFlows   in creation order
 * @param channels       live channels in creation order, each with what it holds
 */
public record ServiceSnapshot(Instant savedAt, long creationOrder, String pageTokenKey,
                              List<AppInstanceSnapshot> appInstances, List<ChannelFlowSnapshot> channelFlows,
                              List<ChannelSnapshot> channels) {

    public ServiceSnapshot {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(pageTokenKey, "pageTokenKey");
        appInstances = List.copyOf(appInstances);
        channelFlows = List.copyOf(channelFlows);
        channels = List.copyOf(channels);
    }

    /** An AppInstance, its users (by ARN) and its admins (by ARN). */
    public record AppInstanceSnapshot(AppInstance appInstance, List<AppInstanceUser> users,
                                      List<AppInstanceAdmin> admins) {
        public AppInstanceSnapshot {
            Objects.requireNonNull(appInstance, "appInstance");
            users = List.copyOf(users);
            admins = List.copyOf(admins);
        }
    }

    /** A channel flow and its tags. */
    public record ChannelFlowSnapshot(ChannelFlow channelFlow, List<Tag> tags) {
        public ChannelFlowSnapshot {
            Objects.requireNonNull(channelFlow, "channelFlow");
            tags = List.copyOf(tags);
        }
    }

    /**
     * A channel (its attributes, flow association and LastMessageTimestamp) with its memberships of both
     * types, moderators, bans, tags, persistent messages oldest first (each in its sender's and everyone's
     * view), the NON_PERSISTENT messages kept for their sender's status, and the last message key handed out.
     */
    public record ChannelSnapshot(Channel channel, List<ChannelMembership> memberships,
                                  List<ChannelModerator> moderators, List<ChannelBan> bans, List<Tag> tags,
                                  List<StoredMessage> messages, List<StoredMessage> transientMessages,
                                  MessageKey lastMessageKey) {
        public ChannelSnapshot {
            Objects.requireNonNull(channel, "channel");
            memberships = List.copyOf(memberships);
            moderators = List.copyOf(moderators);
            bans = List.copyOf(bans);
            tags = List.copyOf(tags);
            messages = List.copyOf(messages);
            transientMessages = List.copyOf(transientMessages);
        }
    }
}
