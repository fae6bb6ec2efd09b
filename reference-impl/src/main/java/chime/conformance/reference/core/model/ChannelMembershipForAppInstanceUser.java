package chime.conformance.reference.core.model;

/**
 * A channel seen through one user's membership: ChannelSummary plus AppInstanceUserMembershipSummary
 * (CHAN-022, CHAN-025).
 */
public record ChannelMembershipForAppInstanceUser(Channel channel, ChannelMembership membership) {
}
