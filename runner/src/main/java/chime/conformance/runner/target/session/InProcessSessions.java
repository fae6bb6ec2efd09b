package chime.conformance.runner.target.session;

import chime.conformance.reference.core.session.MessagingSession;
import chime.conformance.reference.core.session.MessagingSessions;
import chime.conformance.reference.core.session.SessionEvent;
import java.time.Duration;

/**
 * Sessions on the reference in process: its subscription API hands each event over as the frame text the
 * WebSocket would carry, and the session's close code and reason as a socket's close.
 */
public final class InProcessSessions implements SessionConnector {

    private final MessagingSessions sessions;

    public InProcessSessions(MessagingSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public SessionClient connect(String userArn, String sessionId, boolean prefetch) {
        SessionClient client = new SessionClient(userArn);
        MessagingSession session;
        try {
            session = sessions.connect(userArn, sessionId, prefetch);
        } catch (MessagingSessions.Refused refused) {
            client.ended(refused.code(), refused.getMessage());
            return client;
        }
        Object order = new Object();
        client.attach(session);
        session.onReady(() -> {
            // Several publishing threads may wake the session at once: one drains at a time, in queue order.
            synchronized (order) {
                SessionEvent event;
                while ((event = session.poll()) != null) {
                    client.received(event.frame());
                }
                MessagingSession.CloseStatus status = session.closeStatus();
                if (status != null) {
                    client.ended(status.code(), status.reason());
                }
            }
        });
        return client;
    }

    @Override
    public Duration quietPeriod() {
        return Duration.ofMillis(200);
    }

    @Override
    public Duration deliveryBound() {
        return Duration.ofSeconds(5);
    }
}
