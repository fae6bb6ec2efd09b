package chime.conformance.reference.core.session;

import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The open messaging sessions, by AppInstanceUser, and the fan-out of events to them.
 *
 * <p>Operations publish while they hold the channel's lock, right after their change: recipients are the
 * channel's members at that moment, and every session receives a channel's events in the order the changes
 * committed. Publishing only appends to each session's bounded queue, so a send never waits for a consumer
 * (see {@link MessagingSession}). With no session open, publishing costs one read of a counter: the event is
 * not even built.
 */
public final class SessionHub {

    /** Events a session may have waiting before it is closed as fallen behind. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    /**
     * Concurrent sessions per user: "Maximum number of concurrent messaging connections per AppInstanceUser:
     * 10" (Developer Guide, messaging quotas, 2022).
     */
    public static final int DEFAULT_SESSIONS_PER_USER = 10;

    private final ConcurrentHashMap<String, CopyOnWriteArrayList<MessagingSession>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int queueCapacity;
    private final int sessionsPerUser;
    private volatile Set<SessionFault> faults = Set.of();

    public SessionHub() {
        this(DEFAULT_QUEUE_CAPACITY, DEFAULT_SESSIONS_PER_USER);
    }

    public SessionHub(int queueCapacity, int sessionsPerUser) {
        this.queueCapacity = queueCapacity;
        this.sessionsPerUser = sessionsPerUser;
    }

    /** How many sessions are open. */
    public int openSessions() {
        return open.get();
    }

    /** The open sessions of a user. */
    public List<MessagingSession> sessionsOf(String userArn) {
        List<MessagingSession> sessions = byUser.get(userArn);
        return sessions == null ? List.of() : List.copyOf(sessions);
    }

    /**
     * Registers a new session, still starting: events published from now on are held until
     * {@link MessagingSession#started()}, so that they follow SESSION_ESTABLISHED and the prefetch. A session
     * with the same sessionId as an open one of the same user replaces it (the old one is closed with 4003);
     * past the per-user quota the new session is closed at once with 4003.
     */
    MessagingSession register(String userArn, String sessionId) {
        MessagingSession session = new MessagingSession(userArn, sessionId, queueCapacity);
        List<MessagingSession> replaced = new ArrayList<>();
        boolean[] full = {false};
        byUser.compute(userArn, (arn, sessions) -> {
            CopyOnWriteArrayList<MessagingSession> list = sessions == null ? new CopyOnWriteArrayList<>() : sessions;
            for (MessagingSession existing : list) {
                if (existing.sessionId().equals(sessionId)) {
                    replaced.add(existing);
                }
            }
            list.removeAll(replaced);
            open.addAndGet(-replaced.size());
            if (list.size() >= sessionsPerUser) {
                full[0] = true;
            } else {
                list.add(session);
                open.incrementAndGet();
            }
            return list.isEmpty() ? null : list;
        });
        for (MessagingSession old : replaced) {
            old.whenClosed(null);
            old.close(MessagingSession.CLOSE_FORBIDDEN, "Replaced by a new connection with the same sessionId");
        }
        if (full[0]) {
            session.close(MessagingSession.CLOSE_FORBIDDEN,
                    "Too many messaging sessions for this user (at most " + sessionsPerUser + ")");
        } else {
            session.whenClosed(() -> unregister(session));
        }
        return session;
    }

    private void unregister(MessagingSession session) {
        byUser.computeIfPresent(session.userArn(), (arn, sessions) -> {
            if (sessions.remove(session)) {
                open.decrementAndGet();
            }
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Every member of the channel, DEFAULT and HIDDEN (hidden members observe the conversation). */
    public void toMembers(ChannelState state, Supplier<SessionEvent> event) {
        toMembers(state, null, event);
    }

    /**
     * Every member of the channel, and {@code alsoUser} (a member just removed), if not null. Called under the
     * channel's lock.
     */
    public void toMembers(ChannelState state, String alsoUser, Supplier<SessionEvent> event) {
        if (open.get() == 0) {
            return;
        }
        SessionEvent built = null;
        // Walk the shorter side: the connected users (a lookup in the channel's sorted index each, comparing long
        // ARNs) when far fewer are connected than the channel has members, else the members (a hash lookup each).
        if (byUser.size() * 8L < state.membershipCount()) {
            for (Map.Entry<String, CopyOnWriteArrayList<MessagingSession>> entry : byUser.entrySet()) {
                String user = entry.getKey();
                if (state.membership(user) != null || user.equals(alsoUser)) {
                    built = deliver(entry.getValue(), built, event);
                }
            }
            injectedExtra(state, built, event);
            return;
        }
        for (ChannelMembershipType type : ChannelMembershipType.values()) {
            for (String member : state.members(type).keySet()) {
                built = deliver(byUser.get(member), built, event);
            }
        }
        if (alsoUser != null && state.membership(alsoUser) == null) {
            built = deliver(byUser.get(alsoUser), built, event);
        }
        built = injectedExtra(state, built, event);
    }

    /** The faults that widen a channel's audience; nothing in normal use. */
    private SessionEvent injectedExtra(ChannelState state, SessionEvent built, Supplier<SessionEvent> event) {
        Set<SessionFault> current = faults;
        if (current.contains(SessionFault.BANNED_KEEPS_RECEIVING)) {
            for (String banned : state.bans().keySet()) {
                built = deliver(byUser.get(banned), built, event);
            }
        }
        if (current.contains(SessionFault.NON_MEMBER_RECEIVES)) {
            String prefix = state.appInstanceArn() + "/user/";
            for (Map.Entry<String, CopyOnWriteArrayList<MessagingSession>> entry : byUser.entrySet()) {
                if (entry.getKey().startsWith(prefix) && state.membership(entry.getKey()) == null) {
                    built = deliver(entry.getValue(), built, event);
                }
            }
        }
        return built;
    }

    /**
     * The sender of a message only, while still a member: PENDING_, FAILED_ and DENIED_ events (Developer
     * Guide, "Sending messages": only the sender receives them).
     */
    public void toSender(ChannelState state, String senderArn, Supplier<SessionEvent> event) {
        if (open.get() == 0) {
            return;
        }
        if (faults.contains(SessionFault.SENDER_EVENTS_TO_ALL)) {
            toMembers(state, event);
        } else if (state.membership(senderArn) != null) {
            deliver(byUser.get(senderArn), null, event);
        }
    }

    /** The sessions of the given users only (the sender of a message, a hidden member). */
    public void toUsers(Collection<String> users, Supplier<SessionEvent> event) {
        if (open.get() == 0) {
            return;
        }
        SessionEvent built = null;
        for (String user : users) {
            built = deliver(byUser.get(user), built, event);
        }
    }

    private SessionEvent deliver(List<MessagingSession> sessions, SessionEvent built, Supplier<SessionEvent> event) {
        if (sessions == null || sessions.isEmpty()) {
            return built;
        }
        SessionEvent toSend = built != null ? built : event.get();
        for (MessagingSession session : sessions) {
            session.offer(toSend);
        }
        return toSend;
    }

    /**
     * A channel-message event for every member (CREATE_, UPDATE_, DELETE_ and REDACT_CHANNEL_MESSAGE):
     * "all members" receive a sent message (Developer Guide, "Sending messages"), the sender's own sessions
     * included; NON_PERSISTENT messages too, they are only not stored.
     */
    public void messageToMembers(ChannelState state, String eventType, ChannelMessage message) {
        if (faults.contains(SessionFault.NON_PERSISTENT_DROPPED)
                && message.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT) {
            return;
        }
        toMembers(state, () -> SessionPayloads.message(eventType, message));
    }

    /** A PENDING_, FAILED_ or DENIED_ event: the sender only. */
    public void messageToSender(ChannelState state, String eventType, ChannelMessage message) {
        toSender(state, message.sender().arn(), () -> SessionPayloads.message(eventType, message));
    }

    /**
     * CREATE_CHANNEL_MEMBERSHIP or DELETE_CHANNEL_MEMBERSHIP: every member and the user concerned (a removed
     * user learns of its removal, then receives nothing more). A HIDDEN membership is announced to the hidden
     * member only: telling the others would reveal it (kit decision; no source speaks).
     */
    public void membershipEvent(ChannelState state, String eventType, ChannelMembership membership) {
        if (open.get() == 0) {
            return;
        }
        String member = membership.member().arn();
        if (membership.type() == ChannelMembershipType.HIDDEN) {
            toUsers(List.of(member), () -> SessionPayloads.membership(eventType, membership));
        } else {
            toMembers(state, member, () -> SessionPayloads.membership(eventType, membership));
        }
    }

    /** Closes every session of a user (the user was deleted: 4003). */
    public void closeUser(String userArn, int code, String reason) {
        List<MessagingSession> sessions = byUser.get(userArn);
        if (sessions != null) {
            for (MessagingSession session : List.copyOf(sessions)) {
                session.close(code, reason);
            }
        }
    }

    /** Closes every session (the service is stopping). */
    public void closeAll(int code, String reason) {
        for (String user : List.copyOf(byUser.keySet())) {
            closeUser(user, code, reason);
        }
    }

    /** The delivery faults in force (for the kill matrix); none normally. */
    public Set<SessionFault> faults() {
        return faults;
    }

    /**
     * Adds a delivery fault to those in force (several may be injected at once, as {@code run --fault A,B}
     * asks); {@link SessionFault#NONE} or null clears them all.
     */
    public synchronized void injectFault(SessionFault newFault) {
        if (newFault == null || newFault == SessionFault.NONE) {
            faults = Set.of();
        } else {
            EnumSet<SessionFault> more = faults.isEmpty() ? EnumSet.noneOf(SessionFault.class) : EnumSet.copyOf(faults);
            more.add(newFault);
            faults = Collections.unmodifiableSet(more);
        }
    }
}
