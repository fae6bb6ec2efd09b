package chime.conformance.runner.types;

import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;

/**
 * "public", "private restricted", "restricted", ... as features say it. What a feature leaves out is
 * PUBLIC and UNRESTRICTED, and the kit always sends both explicitly: the service's own defaults are a
 * separate, @assumption-tagged question (CHAN-002, CHAN-003).
 */
public record ChannelKind(ChannelPrivacy privacy, ChannelMode mode) {

    public static ChannelKind parse(String text) {
        ChannelPrivacy privacy = ChannelPrivacy.PUBLIC;
        ChannelMode mode = ChannelMode.UNRESTRICTED;
        for (String word : text.trim().split("\\s+")) {
            switch (word) {
                case "public" -> privacy = ChannelPrivacy.PUBLIC;
                case "private" -> privacy = ChannelPrivacy.PRIVATE;
                case "restricted" -> mode = ChannelMode.RESTRICTED;
                case "unrestricted" -> mode = ChannelMode.UNRESTRICTED;
                case "" -> { }
                default -> throw new IllegalArgumentException("not a channel kind: " + word);
            }
        }
        return new ChannelKind(privacy, mode);
    }
}
