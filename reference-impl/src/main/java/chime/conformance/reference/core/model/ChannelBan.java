package chime.conformance.reference.core.model;

import java.time.Instant;

/** A ChannelBan; {@code createdBy} is the bearer of CreateChannelBan (BAN-001). */
public record ChannelBan(String channelArn, Identity member, Identity createdBy, Instant createdTimestamp) {
}
