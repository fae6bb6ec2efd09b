package chime.conformance.reference.core.model;

import java.util.List;

/**
 * The outcome of BatchCreateChannelMembership: the members added and, per failed member, an error
 * (MEMB-010 to MEMB-012). {@code invitedBy} is the bearer (MEMB-002).
 */
public record BatchChannelMemberships(String channelArn, Identity invitedBy, ChannelMembershipType type,
                                      List<Identity> members, List<BatchMembershipError> errors) {
    public BatchChannelMemberships {
        members = List.copyOf(members);
        errors = List.copyOf(errors);
    }
}
