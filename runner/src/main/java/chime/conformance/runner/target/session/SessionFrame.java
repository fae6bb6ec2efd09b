package chime.conformance.runner.target.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One frame a messaging session received, read as the Developer Guide describes it: a JSON object with
 * {@code Headers} (the event type in {@code x-amz-chime-event-type}, the message type in
 * {@code x-amz-chime-message-type}) and {@code Payload}, a JSON document held in a string.
 *
 * @param text        the frame as it arrived
 * @param headers     the frame's headers, empty if it had none
 * @param payloadText the payload string, or null when the frame has none
 * @param payload     the payload parsed, or null when absent or not JSON
 * @param wellFormed  whether the frame was a JSON object with Headers and, if present, a string Payload
 */
public record SessionFrame(String text, Map<String, String> headers, String payloadText, JsonNode payload,
                           boolean wellFormed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SessionFrame parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            JsonNode frame = JSON.readTree(text);
            if (frame == null || !frame.isObject() || !frame.path("Headers").isObject()) {
                return new SessionFrame(text, Map.of(), null, null, false);
            }
            frame.get("Headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            JsonNode payloadNode = frame.get("Payload");
            if (payloadNode == null || payloadNode.isNull()) {
                return new SessionFrame(text, Map.copyOf(headers), null, null, true);
            }
            if (!payloadNode.isTextual()) {
                return new SessionFrame(text, Map.copyOf(headers), payloadNode.toString(), payloadNode, false);
            }
            JsonNode payload;
            try {
                payload = JSON.readTree(payloadNode.asText());
            } catch (Exception notJson) {
                payload = null;
            }
            return new SessionFrame(text, Map.copyOf(headers), payloadNode.asText(), payload, payload != null);
        } catch (Exception e) {
            return new SessionFrame(text, Map.of(), null, null, false);
        }
    }

    /** The value of {@code x-amz-chime-event-type}, or null. */
    public String eventType() {
        return headers.get("x-amz-chime-event-type");
    }

    /** The value of {@code x-amz-chime-message-type}, or null. */
    public String messageType() {
        return headers.get("x-amz-chime-message-type");
    }

    /** A text member of the payload ({@code "Sender.Arn"} for a nested one), or null. */
    public String field(String path) {
        JsonNode node = payload;
        for (String name : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.get(name);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** The ChannelArn the event is about: the payload's, or its Channel's (CHANNEL_DETAILS). */
    public String channelArn() {
        String arn = field("ChannelArn");
        return arn != null ? arn : field("Channel.ChannelArn");
    }

    @Override
    public String toString() {
        String content = field("Content");
        return eventType() + (messageType() == null ? "" : "/" + messageType())
                + (content == null ? "" : " \"" + content + "\"");
    }
}
