package chime.conformance.reference.core.state;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.support.ServiceClock;

import java.time.Instant;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.paging.Paging;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything one channel holds, and the invariants between its parts. Writers hold the channel's lock
 * ({@link #locked}); readers use the concurrent maps without locking and see each change whole.
 *
 * <p>Memberships are kept in one index per type, so ListChannelMemberships filters before paging
 * (PAGE-008). Persistent messages are kept in one {@link MessageLog} in the order of their {@link MessageKey},
 * so a page of messages in either order costs O(log n + page size).
 */
public final class ChannelState {

    private final String channelArn;
    private final String appInstanceArn;
    private final long sequence;
    private final UserIndex userIndex;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile Channel channel;
    private volatile boolean deleted;

    private final ConcurrentSkipListMap<String, ChannelMembership> defaultMembers = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, ChannelMembership> hiddenMembers = new ConcurrentSkipListMap<>();
    private int membershipCount; // guarded by lock
    private final ConcurrentSkipListMap<String, ChannelModerator> moderators = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, ChannelBan> bans = new ConcurrentSkipListMap<>();

    /** Persistent messages, in key order: both orders, the windows and the lookup by ID (MessageLog). */
    private final MessageLog messages = new MessageLog();
    /** NON_PERSISTENT messages: never listed or returned (MSG-005); kept for their sender's status only. */
    private final ConcurrentHashMap<String, StoredMessage> transientMessages = new ConcurrentHashMap<>();
    private Instant lastMessageCreated;
    private long messageSequence;

    ChannelState(Channel channel, UserIndex userIndex) {
        this.channel = channel;
        this.channelArn = channel.channelArn();
        this.appInstanceArn = channel.appInstanceArn();
        this.sequence = channel.sequence();
        this.userIndex = userIndex;
    }

    public String channelArn() {
        return channelArn;
    }

    public String appInstanceArn() {
        return appInstanceArn;
    }

    public long sequence() {
        return sequence;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /**
     * Runs a change of this channel under its lock. A channel deleted meanwhile is NotFound (CHAN-019), so
     * nothing is ever written to a deleted channel.
     */
    public <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            if (deleted) {
                throw ApiError.notFound("Channel " + channelArn + " does not exist");
            }
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a change under the lock unless the channel was deleted meanwhile; returns whether it ran. */
    public boolean lockedIfLive(Runnable change) {
        lock.lock();
        try {
            if (deleted) {
                return false;
            }
            change.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void update(Channel newChannel) {
        requireLocked();
        channel = newChannel;
    }

    // ---- memberships ------------------------------------------------------------------------------

    public ChannelMembership membership(String memberArn) {
        ChannelMembership membership = defaultMembers.get(memberArn);
        return membership != null ? membership : hiddenMembers.get(memberArn);
    }

    /** Memberships of either type (under the lock, for the quota: counting a skip list is linear). */
    public int membershipCount() {
        return membershipCount;
    }

    public NavigableMap<String, ChannelMembership> members(ChannelMembershipType type) {
        return type == ChannelMembershipType.HIDDEN ? hiddenMembers : defaultMembers;
    }

    public void putMembership(ChannelMembership membership) {
        requireLocked();
        String memberArn = membership.member().arn();
        boolean replaced = members(other(membership.type())).remove(memberArn) != null;
        replaced |= members(membership.type()).put(memberArn, membership) != null;
        if (!replaced) {
            membershipCount++;
        }
        userIndex.addMembership(memberArn, sequence, channelArn);
    }

    public ChannelMembership removeMembership(String memberArn) {
        requireLocked();
        ChannelMembership removed = defaultMembers.remove(memberArn);
        if (removed == null) {
            removed = hiddenMembers.remove(memberArn);
        }
        if (removed != null) {
            membershipCount--;
            userIndex.removeMembership(memberArn, sequence);
        }
        return removed;
    }

    private static ChannelMembershipType other(ChannelMembershipType type) {
        return type == ChannelMembershipType.HIDDEN ? ChannelMembershipType.DEFAULT : ChannelMembershipType.HIDDEN;
    }

    // ---- moderators -------------------------------------------------------------------------------

    public ChannelModerator moderator(String moderatorArn) {
        return moderators.get(moderatorArn);
    }

    public NavigableMap<String, ChannelModerator> moderators() {
        return moderators;
    }

    public void putModerator(ChannelModerator moderator) {
        requireLocked();
        moderators.put(moderator.moderator().arn(), moderator);
        userIndex.addModerated(moderator.moderator().arn(), sequence, channelArn);
    }

    public ChannelModerator removeModerator(String moderatorArn) {
        requireLocked();
        ChannelModerator removed = moderators.remove(moderatorArn);
        if (removed != null) {
            userIndex.removeModerated(moderatorArn, sequence);
        }
        return removed;
    }

    // ---- bans -------------------------------------------------------------------------------------

    public ChannelBan ban(String memberArn) {
        return bans.get(memberArn);
    }

    public NavigableMap<String, ChannelBan> bans() {
        return bans;
    }

    /**
     * BAN-002: banning a member kicks them, whatever their membership type. Moderators cannot be banned
     * (BAN-011, checked by the caller), so a ban never touches a moderator role. Under the channel lock, so a
     * membership added concurrently can never survive the ban.
     */
    public void putBan(ChannelBan ban) {
        requireLocked();
        String memberArn = ban.member().arn();
        removeMembership(memberArn);
        bans.put(memberArn, ban);
        userIndex.addBan(memberArn, sequence, channelArn);
    }

    public ChannelBan removeBan(String memberArn) {
        requireLocked();
        ChannelBan removed = bans.remove(memberArn);
        if (removed != null) {
            userIndex.removeBan(memberArn, sequence);
        }
        return removed;
    }

    /** Removes every trace of a deleted user from this channel (BAN-007 and its siblings). */
    void forgetUser(String userArn) {
        requireLocked();
        removeMembership(userArn);
        removeModerator(userArn);
        removeBan(userArn);
    }

    // ---- messages ---------------------------------------------------------------------------------

    /**
     * The key of a new message: its creation time is strictly after the previous message's, so ordering by
     * CreatedTimestamp is total and stable even within one millisecond (MSG-021, MSG-022).
     */
    public MessageKey nextMessageKey(ServiceClock clock) {
        requireLocked();
        Instant created = clock.strictlyAfter(lastMessageCreated);
        lastMessageCreated = created;
        return new MessageKey(created, ++messageSequence);
    }

    /**
     * The persistent messages within [notBefore, notAfter] (inclusive; null: open) after {@code after}, newest
     * or oldest first, each as {@code viewerArn} sees it (null: a message it may not see yet, FLOW-029).
     */
    public Paging.Walk<MessageKey, ChannelMessage> messages(boolean newestFirst, Instant notBefore, Instant notAfter,
                                                            MessageKey after, String viewerArn) {
        return messages.walk(newestFirst, notBefore, notAfter, after, viewerArn);
    }

    /** Persistent messages, oldest first (for a snapshot of the state). */
    public List<StoredMessage> messagesOldestFirst() {
        return messages.all();
    }

    /** A persistent message by ID, or null. */
    public StoredMessage message(String messageId) {
        return messages.find(messageId);
    }

    public StoredMessage transientMessage(String messageId) {
        return transientMessages.get(messageId);
    }

    /** Stores or replaces a message; NON_PERSISTENT ones go to the status-only store. */
    public void putMessage(StoredMessage message, boolean persistent) {
        store(message, persistent, false);
    }

    /**
     * Stores a message the service has just created, under a MessageId it has just issued: no message has that
     * ID yet, so the log does not look for one to replace ({@link #putMessage} does).
     */
    public void addMessage(StoredMessage message, boolean persistent) {
        store(message, persistent, true);
    }

    private void store(StoredMessage message, boolean persistent, boolean isNew) {
        requireLocked();
        if (!persistent) {
            transientMessages.put(message.messageId(), message);
        } else if (isNew) {
            messages.append(message);
        } else {
            messages.put(message);
        }
    }

    /** MSG-015, STAT-008: a deleted or denied message leaves no trace. */
    public StoredMessage removeMessage(String messageId) {
        requireLocked();
        StoredMessage removed = messages.remove(messageId);
        return removed != null ? removed : transientMessages.remove(messageId);
    }

    /** NON_PERSISTENT messages kept for their sender's status (for a snapshot of the state). */
    public java.util.Collection<StoredMessage> transientMessages() {
        return transientMessages.values();
    }

    /** The creation time of the last message and the per-channel message counter (under the lock). */
    public MessageKey lastMessageKey() {
        requireLocked();
        return lastMessageCreated == null ? null : new MessageKey(lastMessageCreated, messageSequence);
    }

    /** Restores the message counters of a saved channel, so new messages still sort after the saved ones. */
    public void restoreLastMessageKey(MessageKey last) {
        requireLocked();
        if (last != null) {
            lastMessageCreated = last.createdTimestamp();
            messageSequence = last.sequence();
        }
    }

    // ---- deletion ---------------------------------------------------------------------------------

    /**
     * CHAN-019, CHAN-021, BAN-007: the channel, its memberships, moderators and bans become inaccessible at
     * once; the per-user indexes forget the channel.
     */
    void markDeleted() {
        requireLocked();
        deleted = true;
        for (String memberArn : new ArrayList<>(defaultMembers.keySet())) {
            removeMembership(memberArn);
        }
        for (String memberArn : new ArrayList<>(hiddenMembers.keySet())) {
            removeMembership(memberArn);
        }
        for (String moderatorArn : new ArrayList<>(moderators.keySet())) {
            removeModerator(moderatorArn);
        }
        for (String memberArn : new ArrayList<>(bans.keySet())) {
            removeBan(memberArn);
        }
        messages.clear();
        transientMessages.clear();
    }

    /** Locks for a cleanup that must also reach an already deleted channel. */
    void lockedEvenIfDeleted(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    private void requireLocked() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("channel state changed without holding its lock");
        }
    }
}
