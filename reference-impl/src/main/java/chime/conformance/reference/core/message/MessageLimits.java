package chime.conformance.reference.core.message;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.validation.Check;

/**
 * The documentation's message size limits, in UTF-8 bytes: "STANDARD messages can contain 4KB of data and
 * the 1KB of metadata. CONTROL messages can contain 30 bytes of data and no metadata."
 */
public final class MessageLimits {

    public static final int STANDARD_CONTENT_BYTES = 4096; // SIZE-001
    public static final int METADATA_BYTES = 1024;          // SIZE-002
    public static final int CONTROL_CONTENT_BYTES = 30;     // SIZE-003

    private MessageLimits() {
    }

    /** Content and metadata of a message of {@code type}. Content may be null (an edit that keeps it). */
    public static void check(ChannelMessageType type, String content, String metadata) {
        if (type == ChannelMessageType.CONTROL) {
            Check.maxUtf8Bytes(content, "Content", CONTROL_CONTENT_BYTES);
            // SIZE-004: no metadata on CONTROL messages. An empty string carries none (the doc is silent on it).
            if (metadata != null && !metadata.isEmpty()) {
                throw ApiError.badRequest("CONTROL messages can contain no metadata");
            }
        } else {
            Check.maxUtf8Bytes(content, "Content", STANDARD_CONTENT_BYTES);
            Check.maxUtf8Bytes(metadata, "Metadata", METADATA_BYTES);
        }
    }

    /** An empty metadata string on a CONTROL message is stored as none. */
    public static String storedMetadata(ChannelMessageType type, String metadata) {
        return type == ChannelMessageType.CONTROL && metadata != null && metadata.isEmpty() ? null : metadata;
    }
}
