package chime.conformance.reference.core.session;

/**
 * The values of {@code x-amz-chime-event-type} the reference sends (Developer Guide, "Using WebSockets to
 * receive messages", the payload table). Elastic-channel events (UPDATE_CHANNEL_MEMBERSHIP) are outside the
 * API version the kit implements.
 */
public final class SessionEventType {

    public static final String SESSION_ESTABLISHED = "SESSION_ESTABLISHED";
    public static final String CHANNEL_DETAILS = "CHANNEL_DETAILS";
    public static final String CREATE_CHANNEL_MESSAGE = "CREATE_CHANNEL_MESSAGE";
    public static final String UPDATE_CHANNEL_MESSAGE = "UPDATE_CHANNEL_MESSAGE";
    public static final String DELETE_CHANNEL_MESSAGE = "DELETE_CHANNEL_MESSAGE";
    public static final String REDACT_CHANNEL_MESSAGE = "REDACT_CHANNEL_MESSAGE";
    public static final String PENDING_CREATE_CHANNEL_MESSAGE = "PENDING_CREATE_CHANNEL_MESSAGE";
    public static final String PENDING_UPDATE_CHANNEL_MESSAGE = "PENDING_UPDATE_CHANNEL_MESSAGE";
    public static final String FAILED_CREATE_CHANNEL_MESSAGE = "FAILED_CREATE_CHANNEL_MESSAGE";
    public static final String FAILED_UPDATE_CHANNEL_MESSAGE = "FAILED_UPDATE_CHANNEL_MESSAGE";
    public static final String DENIED_CREATE_CHANNEL_MESSAGE = "DENIED_CREATE_CHANNEL_MESSAGE";
    public static final String DENIED_UPDATE_CHANNEL_MESSAGE = "DENIED_UPDATE_CHANNEL_MESSAGE";
    public static final String UPDATE_CHANNEL = "UPDATE_CHANNEL";
    public static final String DELETE_CHANNEL = "DELETE_CHANNEL";
    public static final String CREATE_CHANNEL_MEMBERSHIP = "CREATE_CHANNEL_MEMBERSHIP";
    public static final String DELETE_CHANNEL_MEMBERSHIP = "DELETE_CHANNEL_MEMBERSHIP";
    public static final String BATCH_CREATE_CHANNEL_MEMBERSHIP = "BATCH_CREATE_CHANNEL_MEMBERSHIP";

    private SessionEventType() {
    }
}
