package chime.conformance.reference.core.model;

import java.time.Instant;

/** A ChannelModerator; {@code createdBy} is the bearer of CreateChannelModerator (MOD-002). */
public record ChannelModerator(String channelArn, Identity moderator, Identity createdBy, Instant createdTimestamp) {
}
