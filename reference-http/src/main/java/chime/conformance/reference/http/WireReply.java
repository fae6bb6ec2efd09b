package chime.conformance.reference.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response ready for the wire: status, headers and body bytes (empty for no body). */
public record WireReply(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json";

    public WireReply {
        // A map the codec built for this reply alone is not copied again.
        headers = headers instanceof Fresh ? java.util.Collections.unmodifiableMap(headers)
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** Headers built for one reply and handed to it, nobody else holding them. */
    static final class Fresh extends LinkedHashMap<String, String> {
        Fresh() {
            super(8);
        }
    }

    /** The AWS error shape (ERR-009): header {@code x-amzn-ErrorType}, body {@code {"Code", "Message"}}. */
    public static WireReply error(WireError error) {
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("x-amzn-ErrorType", error.errorType());
        headers.put("Content-Type", JSON);
        return new WireReply(error.status(), headers, RestJsonCodec.errorBody(error.code(), error.getMessage()));
    }
}
