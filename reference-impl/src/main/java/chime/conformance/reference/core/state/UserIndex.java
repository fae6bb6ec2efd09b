package chime.conformance.reference.core.state;

import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Per-user indexes of channels, kept in channel-creation order: the channels a user is a member of
 * (ListChannelMembershipsForAppInstanceUser), moderates (ListChannelsModeratedByAppInstanceUser) and is
 * banned from (cleanup on user deletion, BAN-007). Maintained only by {@link ChannelState} under its lock.
 */
public final class UserIndex {

    private static final ConcurrentSkipListMap<Long, String> NONE = new ConcurrentSkipListMap<>();

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> memberships = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> moderated = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> banned = new ConcurrentHashMap<>();

    void addMembership(String userArn, long channelSequence, String channelArn) {
        of(memberships, userArn).put(channelSequence, channelArn);
    }

    void removeMembership(String userArn, long channelSequence) {
        of(memberships, userArn).remove(channelSequence);
    }

    void addModerated(String userArn, long channelSequence, String channelArn) {
        of(moderated, userArn).put(channelSequence, channelArn);
    }

    void removeModerated(String userArn, long channelSequence) {
        of(moderated, userArn).remove(channelSequence);
    }

    void addBan(String userArn, long channelSequence, String channelArn) {
        of(banned, userArn).put(channelSequence, channelArn);
    }

    void removeBan(String userArn, long channelSequence) {
        of(banned, userArn).remove(channelSequence);
    }

    public NavigableMap<Long, String> membershipsOf(String userArn) {
        return memberships.getOrDefault(userArn, NONE);
    }

    public NavigableMap<Long, String> moderatedBy(String userArn) {
        return moderated.getOrDefault(userArn, NONE);
    }

    public NavigableMap<Long, String> bannedFrom(String userArn) {
        return banned.getOrDefault(userArn, NONE);
    }

    /** Drops a deleted user's (by then empty) indexes. */
    void forget(String userArn) {
        memberships.remove(userArn);
        moderated.remove(userArn);
        banned.remove(userArn);
    }

    private static ConcurrentSkipListMap<Long, String> of(
            ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> index, String userArn) {
        return index.computeIfAbsent(userArn, key -> new ConcurrentSkipListMap<>());
    }
}
