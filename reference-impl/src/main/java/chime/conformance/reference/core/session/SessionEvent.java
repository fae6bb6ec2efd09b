package chime.conformance.reference.core.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a messaging session, as it travels: a text frame holding one JSON object with {@code Headers}
 * and a string {@code Payload} that is itself a JSON document (Developer Guide, "Using WebSockets to receive
 * messages", "Understanding message structures"). Headers: {@code x-amz-chime-event-type} always,
 * {@code x-amz-chime-message-type} ({@code STANDARD} or {@code CONTROL} for a channel message of that type,
 * {@code SYSTEM} for everything else). SESSION_ESTABLISHED has no payload.
 *
 * <p>Immutable; the frame text is built once, by the first session that needs it, and shared by every
 * recipient.
 */
public final class SessionEvent {

    public static final String EVENT_TYPE_HEADER = "x-amz-chime-event-type";
    public static final String MESSAGE_TYPE_HEADER = "x-amz-chime-message-type";
    public static final String SYSTEM = "SYSTEM";

    private final String eventType;
    private final String messageType;
    private final String channelArn;
    private final String payload;
    private volatile String frame;

    /**
     * @param channelArn the channel the event is about, or null (SESSION_ESTABLISHED)
     * @param payload    the payload JSON text, or null for none
     */
    public SessionEvent(String eventType, String messageType, String channelArn, String payload) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.messageType = Objects.requireNonNull(messageType, "messageType");
        this.channelArn = channelArn;
        this.payload = payload;
    }

    /** The value of {@code x-amz-chime-event-type}, e.g. {@code CREATE_CHANNEL_MESSAGE}. */
    public String eventType() {
        return eventType;
    }

    /** The value of {@code x-amz-chime-message-type}: STANDARD, CONTROL or SYSTEM. */
    public String messageType() {
        return messageType;
    }

    /** The channel the event is about, or null. */
    public String channelArn() {
        return channelArn;
    }

    /** The frame's headers, in the order they are written. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT_TYPE_HEADER, eventType);
        headers.put(MESSAGE_TYPE_HEADER, messageType);
        return headers;
    }

    /** The payload, a JSON document as a string (what {@code JSON.parse(message.payload)} reads), or null. */
    public String payload() {
        return payload;
    }

    /** The whole frame as it goes on the wire: {@code {"Headers":{...},"Payload":"..."}}. */
    public String frame() {
        String text = frame;
        if (text == null) {
            text = writeFrame();
            frame = text;
        }
        return text;
    }

    private String writeFrame() {
        JsonWriter json = new JsonWriter(96 + (payload == null ? 0 : payload.length() * 11 / 10));
        json.startObject().name("Headers").startObject()
                .field(EVENT_TYPE_HEADER, eventType)
                .field(MESSAGE_TYPE_HEADER, messageType)
                .endObject();
        if (payload != null) {
            json.field("Payload", payload);
        }
        return json.endObject().toString();
    }

    @Override
    public String toString() {
        return eventType + (channelArn == null ? "" : " " + channelArn);
    }
}
