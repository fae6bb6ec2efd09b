package chime.conformance.runner.target.session;

import java.time.Duration;

/**
 * Opens messaging sessions on a target (capability {@code messaging-session}), as an AppInstanceUser's client
 * does: over a WebSocket to the endpoint GetMessagingSessionEndpoint gives, or, on the reference in process,
 * through its subscription API, which hands over the same frames without a socket.
 */
public interface SessionConnector {

    /**
     * Opens a session for {@code userArn}. A refusal is not an exception: the session comes back closed, with
     * the code and reason of the refusal (4401 ...), as a client sees it.
     *
     * @param prefetch ask for {@code prefetch-on=connect}
     */
    SessionClient connect(String userArn, String sessionId, boolean prefetch);

    /**
     * How long to wait before concluding that an event will not come (a "receives nothing" step): long
     * enough for an event published with another one already received to have arrived too.
     */
    Duration quietPeriod();

    /** How long a session may take to deliver an event (or to open) before the step fails. */
    Duration deliveryBound();
}
