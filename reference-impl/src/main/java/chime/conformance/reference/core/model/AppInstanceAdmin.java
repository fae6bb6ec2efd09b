package chime.conformance.reference.core.model;

import java.time.Instant;

/** An AppInstanceAdmin: holds ChannelModerator powers on every channel of its AppInstance (AUTH-024). */
public record AppInstanceAdmin(Identity admin, String appInstanceArn, Instant createdTimestamp) {
}
