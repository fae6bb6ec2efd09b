package chime.conformance.reference.core.model;

import java.time.Instant;

/** An AppInstance: the container of users, channels and channel flows. */
public record AppInstance(String appInstanceArn, String name, String metadata, Instant createdTimestamp,
                          Instant lastUpdatedTimestamp, long sequence) {
}
