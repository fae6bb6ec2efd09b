package chime.conformance.reference.core.model;

import java.time.Instant;

/**
 * A channel as DescribeChannel shows it (CHAN-012). {@code lastMessageTimestamp} is null until the first
 * persistent message is delivered (CHAN-011, CHAN-014); {@code channelFlowArn} is null while no flow is
 * associated. {@code sequence} orders channels by creation in list operations.
 */
public record Channel(String channelArn, String appInstanceArn, String name, ChannelMode mode,
                      ChannelPrivacy privacy, String metadata, Identity createdBy, Instant createdTimestamp,
                      Instant lastUpdatedTimestamp, Instant lastMessageTimestamp, String channelFlowArn,
                      long sequence) {

    /** CHAN-016: Name, Mode and Metadata change; ChannelArn, CreatedBy, CreatedTimestamp and Privacy do not. */
    public Channel withAttributes(String newName, ChannelMode newMode, String newMetadata, Instant updatedAt) {
        return new Channel(channelArn, appInstanceArn, newName, newMode, privacy, newMetadata, createdBy,
                createdTimestamp, updatedAt, lastMessageTimestamp, channelFlowArn, sequence);
    }

    public Channel withLastMessageTimestamp(Instant timestamp) {
        return new Channel(channelArn, appInstanceArn, name, mode, privacy, metadata, createdBy, createdTimestamp,
                lastUpdatedTimestamp, timestamp, channelFlowArn, sequence);
    }

    public Channel withChannelFlowArn(String flowArn) {
        return new Channel(channelArn, appInstanceArn, name, mode, privacy, metadata, createdBy, createdTimestamp,
                lastUpdatedTimestamp, lastMessageTimestamp, flowArn, sequence);
    }
}
