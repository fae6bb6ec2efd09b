package chime.conformance.reference.core.model;

/** An {@code Identity}: the ARN and Name of an AppInstanceUser as responses carry it (MEMB-017). */
public record Identity(String arn, String name) {
}
