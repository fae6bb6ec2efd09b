package chime.conformance.reference.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response ready for the wire: status, headers and body bytes (empty for no body). */
public record WireReply(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json";

    public WireReply {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** The AWS error shape (ERR-009): header {@code x-amzn-ErrorType}, body {@code {"Code", "Message"}}. */
    public static WireReply error(WireError error) {
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("x-amzn-ErrorType", error.errorType());
        headers.put("Content-Type", JSON);
        return new WireReply(error.status(), headers, RestJsonCodec.errorBody(error.code(), error.getMessage()));
    }
}
