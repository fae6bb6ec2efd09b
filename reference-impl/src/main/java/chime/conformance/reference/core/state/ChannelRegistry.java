package chime.conformance.reference.core.state;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelPrivacy;
import chime.conformance.reference.core.quota.ServiceQuotas;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All channels, and the indexes list operations page over: per AppInstance and privacy (ListChannels
 * filters before paging, PAGE-008), per user ({@link UserIndex}) and per channel flow
 * (ListChannelsAssociatedWithChannelFlow). Every index is in channel-creation order.
 */
public final class ChannelRegistry {

    private static final ConcurrentSkipListMap<Long, String> NONE = new ConcurrentSkipListMap<>();

    private final ConcurrentHashMap<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> publicChannels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> privateChannels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> flowChannels = new ConcurrentHashMap<>();
    private final UserIndex users = new UserIndex();
    /** Live channels per AppInstance, for the quota: counting a skip list is linear. */
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /**
     * Adds a channel, unless its AppInstance already holds {@code maxChannels} channels
     * (ResourceLimitExceededException). Its first state {@code initial} is set up under the channel's lock
     * before the channel becomes visible: nobody can find the channel without what {@code initial} put there
     * (CHAN-026, the creator's membership and moderator role).
     */
    public ChannelState register(Channel channel, int maxChannels, java.util.function.Consumer<ChannelState> initial) {
        AtomicInteger count = counts.computeIfAbsent(channel.appInstanceArn(), key -> new AtomicInteger());
        if (count.incrementAndGet() > maxChannels) {
            count.decrementAndGet();
            throw ServiceQuotas.exceeded(maxChannels, "channels per AppInstance");
        }
        ChannelState state = new ChannelState(channel, users);
        state.locked(() -> {
            initial.accept(state);
            return null;
        });
        channels.put(channel.channelArn(), state);
        byPrivacy(channel.privacy()).computeIfAbsent(channel.appInstanceArn(), key -> new ConcurrentSkipListMap<>())
                .put(channel.sequence(), channel.channelArn());
        return state;
    }

    /** A live channel, or null if unknown or deleted. */
    public ChannelState find(String channelArn) {
        ChannelState state = channelArn == null ? null : channels.get(channelArn);
        return state == null || state.isDeleted() ? null : state;
    }

    /** A live channel or NotFound (ERR-004: the reference answers NotFound for unknown or deleted channels). */
    public ChannelState require(String channelArn) {
        ChannelState state = find(channelArn);
        if (state == null) {
            throw ApiError.notFound("Channel " + channelArn + " does not exist");
        }
        return state;
    }

    public NavigableMap<Long, String> channelsOf(String appInstanceArn, ChannelPrivacy privacy) {
        return byPrivacy(privacy).getOrDefault(appInstanceArn, NONE);
    }

    public UserIndex users() {
        return users;
    }

    // ---- channel flow associations (FLOW-006 to FLOW-010) -------------------------------------------

    public NavigableMap<Long, String> channelsOfFlow(String channelFlowArn) {
        return flowChannels.getOrDefault(channelFlowArn, NONE);
    }

    /** Records an association; the caller holds the channel's lock and has set Channel.ChannelFlowArn. */
    public void associate(ChannelState state, String channelFlowArn) {
        flowChannels.computeIfAbsent(channelFlowArn, key -> new ConcurrentSkipListMap<>())
                .put(state.sequence(), state.channelArn());
    }

    public void disassociate(ChannelState state, String channelFlowArn) {
        channelsOfFlow(channelFlowArn).remove(state.sequence());
    }

    public void forgetFlow(String channelFlowArn) {
        flowChannels.remove(channelFlowArn);
    }

    // ---- deletion -----------------------------------------------------------------------------------

    /**
     * CHAN-019: deletes a channel at once. Called under the channel's lock; afterwards every operation on it
     * is NotFound and it is gone from every index.
     */
    public void delete(ChannelState state) {
        Channel channel = state.channel();
        state.markDeleted();
        if (channels.remove(state.channelArn()) != null) {
            counts.computeIfPresent(channel.appInstanceArn(), (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
        channelsOf(channel.appInstanceArn(), channel.privacy()).remove(channel.sequence());
        if (channel.channelFlowArn() != null) {
            disassociate(state, channel.channelFlowArn());
        }
    }

    /**
     * BAN-007: a deleted user disappears from every channel's memberships, moderators and bans. The caller
     * has already removed the user from the directory, so no new reference can appear meanwhile.
     */
    public void forgetUser(String userArn) {
        List<String> touched = new ArrayList<>(users.membershipsOf(userArn).values());
        touched.addAll(users.moderatedBy(userArn).values());
        touched.addAll(users.bannedFrom(userArn).values());
        for (String channelArn : touched) {
            ChannelState state = channels.get(channelArn);
            if (state != null) {
                state.lockedEvenIfDeleted(() -> state.forgetUser(userArn));
            }
        }
        users.forget(userArn);
    }

    /** All live channels of an AppInstance, for its deletion. */
    public List<ChannelState> allOf(String appInstanceArn) {
        List<ChannelState> all = new ArrayList<>();
        for (ChannelPrivacy privacy : ChannelPrivacy.values()) {
            for (String channelArn : channelsOf(appInstanceArn, privacy).values()) {
                ChannelState state = find(channelArn);
                if (state != null) {
                    all.add(state);
                }
            }
        }
        return all;
    }

    private ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> byPrivacy(ChannelPrivacy privacy) {
        return privacy == ChannelPrivacy.PRIVATE ? privateChannels : publicChannels;
    }
}
