package chime.conformance.reference.core.model;

import java.time.Instant;

/**
 * A ChannelMembership. {@code invitedBy} is the bearer of the create call (MEMB-002);
 * {@code readMarkerTimestamp} is null until the member first calls UpdateChannelReadMarker (READ-002).
 */
public record ChannelMembership(String channelArn, Identity member, Identity invitedBy, ChannelMembershipType type,
                                Instant createdTimestamp, Instant lastUpdatedTimestamp, Instant readMarkerTimestamp) {

    public ChannelMembership withReadMarker(Instant timestamp) {
        return new ChannelMembership(channelArn, member, invitedBy, type, createdTimestamp, lastUpdatedTimestamp,
                timestamp);
    }
}
