package chime.conformance.reference.core.model;

import chime.conformance.reference.core.error.ErrorType;

/** One failed member of a batch: its ARN, the error (one of the ErrorCode values, ERR-011) and a message. */
public record BatchMembershipError(String memberArn, ErrorType error, String message) {
}
