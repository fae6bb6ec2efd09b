package chime.conformance.reference.core.model;

import java.time.Instant;

/** An AppInstanceUser: the only kind of caller a bearer header may name (AUTH-002). */
public record AppInstanceUser(String appInstanceUserArn, String appInstanceArn, String appInstanceUserId,
                              String name, String metadata, Instant createdTimestamp, Instant lastUpdatedTimestamp) {

    public Identity identity() {
        return new Identity(appInstanceUserArn, name);
    }
}
