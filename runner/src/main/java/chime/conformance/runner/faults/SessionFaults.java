package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.session.SessionFault;
import chime.conformance.reference.sdk.ReferenceMessagingClient;
import java.util.List;

/**
 * Delivery bugs of the messaging session (area SESS): who receives which event. They are injected into the
 * delivery of the reference behind the target (the in-process reference, where {@code kill-matrix} runs by
 * default); the messaging API itself is left alone. On a target whose service the kit cannot reach in process
 * (an endpoint over HTTP) they change nothing, and the kill matrix shows them as not caught there.
 */
final class SessionFaults {

    private SessionFaults() {
    }

    static List<Fault> all() {
        return List.of(
                delivery("session-non-member-receives", "SESS-018",
                        "a channel's events also reach the open sessions of users of the AppInstance who are not members",
                        SessionFault.NON_MEMBER_RECEIVES),
                delivery("session-sender-events-to-everyone", "SESS-006, SESS-007",
                        "PENDING_, FAILED_ and DENIED_ message events go to every member, not to the sender only",
                        SessionFault.SENDER_EVENTS_TO_ALL),
                delivery("session-non-persistent-dropped", "SESS-004",
                        "NON_PERSISTENT messages are never delivered over the messaging session",
                        SessionFault.NON_PERSISTENT_DROPPED),
                delivery("session-banned-keeps-receiving", "SESS-014",
                        "a banned user's open sessions keep receiving the channel's events",
                        SessionFault.BANNED_KEEPS_RECEIVING));
    }

    private static Fault delivery(String name, String rules, String description, SessionFault fault) {
        return fault(name, rules, description, context -> {
            if (context.service() instanceof ReferenceMessagingClient reference) {
                reference.sessions().hub().injectFault(fault);
            }
            return (request, chain) -> chain.proceed(request);
        });
    }
}
