package chime.conformance.runner.world;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Members;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * What the last {@code When} step got back: a response, or the modeled exception the service answered
 * with. {@code Then} steps assert on it.
 */
public record Outcome(String operation, String actor, SdkResponse response, AwsServiceException error) {

    public boolean failed() {
        return error != null;
    }

    /** The response, asserting the call succeeded. */
    public <T extends SdkResponse> T response(Class<T> type) {
        if (error != null) {
            throw new AssertionError(operation + " by " + actor + " was expected to succeed but failed with "
                    + error.getClass().getSimpleName() + " (HTTP " + error.statusCode() + "): "
                    + error.awsErrorDetails().errorMessage());
        }
        if (!type.isInstance(response)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " from " + operation + " but got "
                    + (response == null ? "nothing" : response.getClass().getSimpleName()));
        }
        return type.cast(response);
    }

    /**
     * The message status the response carries (SendChannelMessage, UpdateChannelMessage, GetChannelMessage,
     * GetChannelMessageStatus), asserting the call succeeded.
     */
    public ChannelMessageStatus messageStatus() {
        SdkResponse carrier = response(SdkResponse.class);
        Object status = Members.get(carrier, "Status");
        if (Members.has(carrier, "ChannelMessage")) {
            status = Members.get(carrier, "ChannelMessage") instanceof ChannelMessage message ? message.status() : null;
        } else if (!Members.has(carrier, "Status")) {
            throw new HarnessException("a " + carrier.getClass().getSimpleName() + " carries no message status");
        }
        return status instanceof ChannelMessageStatusStructure structure ? structure.value() : null;
    }

    @Override
    public String toString() {
        return operation + " by " + actor + (error == null ? " succeeded"
                : " failed with " + error.getClass().getSimpleName() + " (HTTP " + error.statusCode() + ")");
    }
}
