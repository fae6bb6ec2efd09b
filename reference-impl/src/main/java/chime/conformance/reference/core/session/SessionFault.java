package chime.conformance.reference.core.session;

/**
 * Plausible delivery bugs of an emulator, injected on purpose so that the kit's kill matrix can check that a
 * session scenario catches each one. {@link #NONE} in normal use.
 */
public enum SessionFault {
    NONE,
    /** Channel events also reach the open sessions of users of the AppInstance who are not members. */
    NON_MEMBER_RECEIVES,
    /** PENDING_, FAILED_ and DENIED_ events go to every member instead of the sender only. */
    SENDER_EVENTS_TO_ALL,
    /** NON_PERSISTENT messages are not delivered to sessions. */
    NON_PERSISTENT_DROPPED,
    /** A banned user's open sessions keep receiving the channel's events. */
    BANNED_KEEPS_RECEIVING
}
