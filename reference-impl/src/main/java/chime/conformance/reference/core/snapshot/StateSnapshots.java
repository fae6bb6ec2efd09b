package chime.conformance.reference.core.snapshot;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.flow.FlowStore;
import chime.conformance.reference.core.state.Directory;
import chime.conformance.reference.core.state.MessageKey;
import chime.conformance.reference.core.state.StoredMessage;
import chime.conformance.reference.core.model.AppInstance;
import chime.conformance.reference.core.model.AppInstanceAdmin;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.snapshot.ServiceSnapshot.AppInstanceSnapshot;
import chime.conformance.reference.core.snapshot.ServiceSnapshot.ChannelFlowSnapshot;
import chime.conformance.reference.core.snapshot.ServiceSnapshot.ChannelSnapshot;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Takes a {@link ServiceSnapshot} of the stores and puts one back, through the stores' own methods (so every
 * index, count and per-user list is rebuilt as the operations build it). One mechanism for every resource: the
 * stored records are copied as they are, nothing is re-derived.
 *
 * <p>Thread safe: a snapshot is taken while the directory admits no user or AppInstance change
 * ({@link Directory#exclusively}), each channel read under its own lock; a server should still stop taking
 * requests first, so that no change falls between two channels. A snapshot is restored into an empty service
 * before it serves anything.
 */
public final class StateSnapshots {

    private final CoreContext ctx;
    private final FlowStore flows;

    public StateSnapshots(CoreContext ctx, FlowStore flows) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.flows = Objects.requireNonNull(flows, "flows");
    }

    /** Everything a client can read back, now. */
    public ServiceSnapshot export() {
        Directory directory = ctx.directory();
        return directory.exclusively(() -> {
            List<AppInstanceSnapshot> appInstances = new ArrayList<>();
            List<ChannelFlowSnapshot> channelFlows = new ArrayList<>();
            List<ChannelSnapshot> channels = new ArrayList<>();
            for (String appInstanceArn : directory.appInstancesInOrder().values()) {
                AppInstance appInstance = directory.appInstance(appInstanceArn);
                if (appInstance == null) {
                    continue;
                }
                appInstances.add(new AppInstanceSnapshot(appInstance,
                        List.copyOf(directory.usersOf(appInstanceArn).values()),
                        List.copyOf(directory.adminsOf(appInstanceArn).values())));
                for (ChannelFlow flow : flows.allOf(appInstanceArn)) {
                    channelFlows.add(new ChannelFlowSnapshot(flow, ctx.tags().tagsOf(flow.channelFlowArn())));
                }
                List<ChannelState> states = new ArrayList<>(ctx.channels().allOf(appInstanceArn));
                states.sort(Comparator.comparingLong(ChannelState::sequence));
                for (ChannelState state : states) {
                    List<ChannelSnapshot> one = new ArrayList<>(1);
                    state.lockedIfLive(() -> one.add(channel(state)));
                    channels.addAll(one);
                }
            }
            channelFlows.sort(Comparator.comparingLong(f -> f.channelFlow().sequence()));
            channels.sort(Comparator.comparingLong(c -> c.channel().sequence()));
            return new ServiceSnapshot(ctx.clock().now(), ctx.creationOrder().get(),
                    Base64.getEncoder().encodeToString(ctx.paging().tokens().secret()),
                    appInstances, channelFlows, channels);
        });
    }

    private ChannelSnapshot channel(ChannelState state) {
        List<ChannelMembership> memberships = new ArrayList<>(state.members(ChannelMembershipType.DEFAULT).values());
        memberships.addAll(state.members(ChannelMembershipType.HIDDEN).values());
        List<StoredMessage> transients = new ArrayList<>(state.transientMessages());
        transients.sort(Comparator.comparing(StoredMessage::key));
        return new ChannelSnapshot(state.channel(), memberships, List.copyOf(state.moderators().values()),
                List.copyOf(state.bans().values()), ctx.tags().tagsOf(state.channelArn()),
                state.messagesOldestFirst(), transients, state.lastMessageKey());
    }

    /**
     * Puts a snapshot into this service, which must be empty. A snapshot whose parts do not fit together (a
     * channel of an unknown AppInstance, a member who is no user of it, an ARN twice...) is an
     * IllegalArgumentException saying what, and the service is then to be discarded.
     */
    public void restore(ServiceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Directory directory = ctx.directory();
        if (directory.appInstanceCount() != 0) {
            throw new IllegalStateException("a snapshot is restored into an empty service only");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(snapshot.pageTokenKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pageTokenKey is not base64");
        }
        ctx.paging().tokens().useSecret(key);
        long maxSequence = 0;
        Set<String> arns = new HashSet<>();
        for (AppInstanceSnapshot saved : snapshot.appInstances()) {
            AppInstance appInstance = require(saved.appInstance(), "appInstances[].appInstance");
            String appInstanceArn = unique(arns, appInstance.appInstanceArn());
            maxSequence = Math.max(maxSequence, appInstance.sequence());
            directory.addAppInstance(appInstance);
            for (AppInstanceUser user : saved.users()) {
                require(user, "users[]");
                if (!appInstanceArn.equals(user.appInstanceArn())) {
                    throw new IllegalArgumentException("user " + user.appInstanceUserArn() + " is listed under "
                            + appInstanceArn + " but belongs to " + user.appInstanceArn());
                }
                if (directory.addUserIfAbsent(user, Integer.MAX_VALUE) != null) {
                    throw new IllegalArgumentException("user " + user.appInstanceUserArn() + " appears twice");
                }
            }
            for (AppInstanceAdmin admin : saved.admins()) {
                require(admin, "admins[]");
                requireUser(appInstanceArn, admin.admin(), "admin");
                if (!appInstanceArn.equals(admin.appInstanceArn())) {
                    throw new IllegalArgumentException("admin " + admin.admin().arn() + " is listed under "
                            + appInstanceArn + " but belongs to " + admin.appInstanceArn());
                }
                directory.addAdminIfAbsent(admin, Integer.MAX_VALUE);
            }
        }
        for (ChannelFlowSnapshot saved : snapshot.channelFlows()) {
            ChannelFlow flow = require(saved.channelFlow(), "channelFlows[].channelFlow");
            unique(arns, flow.channelFlowArn());
            requireAppInstance(flow.appInstanceArn(), flow.channelFlowArn());
            maxSequence = Math.max(maxSequence, flow.sequence());
            flows.add(flow);
            ctx.tags().create(flow.channelFlowArn(), saved.tags());
        }
        for (ChannelSnapshot saved : snapshot.channels()) {
            Channel channel = require(saved.channel(), "channels[].channel");
            unique(arns, channel.channelArn());
            requireAppInstance(channel.appInstanceArn(), channel.channelArn());
            if (channel.channelFlowArn() != null && flows.find(channel.channelFlowArn()) == null) {
                throw new IllegalArgumentException("channel " + channel.channelArn() + " is associated with "
                        + channel.channelFlowArn() + ", which is not in the state");
            }
            maxSequence = Math.max(maxSequence, channel.sequence());
            ChannelState state = ctx.channels().register(channel, Integer.MAX_VALUE, s -> fill(s, saved));
            if (channel.channelFlowArn() != null) {
                ctx.channels().associate(state, channel.channelFlowArn());
            }
            ctx.tags().create(channel.channelArn(), saved.tags());
        }
        if (snapshot.creationOrder() < maxSequence) {
            throw new IllegalArgumentException("creationOrder " + snapshot.creationOrder()
                    + " is below a saved resource's sequence " + maxSequence);
        }
        ctx.creationOrder().set(snapshot.creationOrder());
        ctx.clock().resumeFrom(snapshot.savedAt());
    }

    private void fill(ChannelState state, ChannelSnapshot saved) {
        String appInstanceArn = state.appInstanceArn();
        for (ChannelBan ban : saved.bans()) {
            require(ban, "bans[]");
            requireUser(appInstanceArn, ban.member(), "banned member");
            state.putBan(ban);
        }
        for (ChannelMembership membership : saved.memberships()) {
            require(membership, "memberships[]");
            requireUser(appInstanceArn, membership.member(), "member");
            require(membership.type(), "memberships[].type");
            state.putMembership(membership);
        }
        for (ChannelModerator moderator : saved.moderators()) {
            require(moderator, "moderators[]");
            requireUser(appInstanceArn, moderator.moderator(), "moderator");
            state.putModerator(moderator);
        }
        MessageKey last = saved.lastMessageKey();
        for (StoredMessage message : saved.messages()) {
            state.putMessage(message(message, state, last), true);
        }
        for (StoredMessage message : saved.transientMessages()) {
            state.putMessage(message(message, state, last), false);
        }
        state.restoreLastMessageKey(last);
    }

    private static StoredMessage message(StoredMessage message, ChannelState state, MessageKey last) {
        require(message, "messages[]");
        require(message.key(), "messages[].key");
        require(message.latest(), "messages[].latest");
        if (!state.channelArn().equals(message.latest().channelArn())
                || (message.published() != null && !message.published().messageId().equals(message.messageId()))) {
            throw new IllegalArgumentException("message " + message.messageId() + " does not belong to channel "
                    + state.channelArn());
        }
        if (last == null || message.key().compareTo(last) > 0) {
            throw new IllegalArgumentException("message " + message.messageId() + " of channel " + state.channelArn()
                    + " sorts after the channel's lastMessageKey");
        }
        return message;
    }

    private void requireAppInstance(String appInstanceArn, String of) {
        if (ctx.directory().appInstance(appInstanceArn) == null) {
            throw new IllegalArgumentException(of + " belongs to AppInstance " + appInstanceArn
                    + ", which is not in the state");
        }
    }

    private void requireUser(String appInstanceArn, Identity identity, String role) {
        require(identity, role);
        if (ctx.directory().userOf(appInstanceArn, identity.arn()) == null) {
            throw new IllegalArgumentException(role + " " + identity.arn() + " is not a user of " + appInstanceArn);
        }
    }

    private static String unique(Set<String> arns, String arn) {
        require(arn, "ARN");
        if (!arns.add(arn)) {
            throw new IllegalArgumentException(arn + " appears twice");
        }
        return arn;
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
