package chime.conformance.reference.core.session;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipType;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.Identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opening a messaging session (the Developer Guide's "Using WebSockets to receive messages"): the user must
 * exist; the session first receives SESSION_ESTABLISHED, then, with prefetch, one CHANNEL_DETAILS per
 * channel (at most 50), then everything published on the user's channels from the moment it was registered.
 */
public final class MessagingSessions {

    /** "up to 50 channels" (Developer Guide, prefetch). */
    public static final int PREFETCH_CHANNELS = 50;
    /** "ChannelMessages: a list of ... up to 20 messages" (Developer Guide, prefetch; messaging quotas). */
    public static final int PREFETCH_MESSAGES = 20;
    /** "ChannelMemberships: up to 30" (Developer Guide, prefetch; messaging quotas). */
    public static final int PREFETCH_MEMBERSHIPS = 30;

    /** The documented form of sessionId is not stated; the JS SDK sends a decimal number. Kit bound: 1..64 safe characters. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Why a connect is refused, with the close code to send (4401 with reason "Unauthorized"). */
    public static final class Refused extends RuntimeException {
        private final int code;

        public Refused(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final CoreContext ctx;

    public MessagingSessions(CoreContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    public SessionHub hub() {
        return ctx.sessions();
    }

    /** Opens a session without prefetch. */
    public MessagingSession connect(String userArn, String sessionId) {
        return connect(userArn, sessionId, false);
    }

    /**
     * Opens a session for {@code userArn}. A missing or malformed sessionId or userArn, or a user that does
     * not exist, is refused with 4401 (the close code the service reports for an invalid user ARN).
     *
     * @param prefetch {@code prefetch-on=connect}: CHANNEL_DETAILS after SESSION_ESTABLISHED
     */
    public MessagingSession connect(String userArn, String sessionId, boolean prefetch) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new Refused(MessagingSession.CLOSE_UNAUTHORIZED, "Unauthorized");
        }
        AppInstanceUser user = userArn == null ? null : ctx.directory().user(userArn);
        if (user == null) {
            throw new Refused(MessagingSession.CLOSE_UNAUTHORIZED, "Unauthorized");
        }
        MessagingSession session = ctx.sessions().register(user.appInstanceUserArn(), sessionId);
        if (!session.isOpen()) {
            return session; // past the quota: closed at once with its code and reason
        }
        session.offerStart(SessionPayloads.established());
        if (prefetch) {
            for (SessionEvent details : channelDetails(user.appInstanceUserArn())) {
                session.offerStart(details);
            }
        }
        session.started();
        if (ctx.directory().user(userArn) == null) {
            // Deleted while connecting: the deletion may have run before the registration.
            session.close(MessagingSession.CLOSE_FORBIDDEN, "The AppInstanceUser was deleted");
        }
        return session;
    }

    private record Candidate(ChannelState state, Channel channel, ChannelMembership membership, boolean unread) {
    }

    /**
     * Up to 50 channels of the user: those with unread messages first (a delivered message after the user's
     * read marker, or any message and no marker: kit decision), then by the latest LastMessageTimestamp.
     * HIDDEN memberships count: the user receives those channels' messages.
     */
    List<SessionEvent> channelDetails(String userArn) {
        List<Candidate> candidates = new ArrayList<>();
        for (String channelArn : ctx.channels().users().membershipsOf(userArn).values()) {
            ChannelState state = ctx.channels().find(channelArn);
            ChannelMembership membership = state == null ? null : state.membership(userArn);
            if (membership == null) {
                continue;
            }
            Channel channel = state.channel();
            Instant last = channel.lastMessageTimestamp();
            Instant marker = membership.readMarkerTimestamp();
            boolean unread = last != null && (marker == null || last.isAfter(marker));
            candidates.add(new Candidate(state, channel, membership, unread));
        }
        candidates.sort(Comparator.comparing(Candidate::unread).reversed()
                .thenComparing(c -> c.channel().lastMessageTimestamp(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> c.channel().sequence()));
        List<SessionEvent> events = new ArrayList<>();
        for (Candidate candidate : candidates.subList(0, Math.min(PREFETCH_CHANNELS, candidates.size()))) {
            List<ChannelMessage> messages = new ArrayList<>();
            boolean more = false;
            for (var walk = candidate.state().messages(true, null, null, null, userArn); walk.hasNext(); ) {
                ChannelMessage view = walk.next();
                if (view == null) {
                    continue;
                }
                if (messages.size() == PREFETCH_MESSAGES) {
                    more = true;
                    break;
                }
                messages.add(view);
            }
            List<Identity> members = new ArrayList<>();
            for (ChannelMembership member : candidate.state().members(ChannelMembershipType.DEFAULT).values()) {
                if (members.size() == PREFETCH_MEMBERSHIPS) {
                    break;
                }
                members.add(member.member());
            }
            events.add(SessionPayloads.channelDetails(candidate.channel(), messages, more, members,
                    candidate.membership().readMarkerTimestamp()));
        }
        return events;
    }
}
