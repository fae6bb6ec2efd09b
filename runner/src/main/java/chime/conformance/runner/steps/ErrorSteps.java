package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Operation;
import chime.conformance.runner.world.Outcome;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Errors as the service reports them: their exception classes per operation (the model's matrix), their
 * HTTP status, error code and message; and requests made only to provoke them (a member left out, a value
 * outside an enumeration, a batch with a user who does not exist).
 */
public class ErrorSteps extends Steps {

    /**
     * Which exceptions the service model lists for an operation (ERR-010). Read from the SDK's generated
     * client, whose method for each operation declares exactly the model's exception shapes: the kit keeps
     * no hand-copied matrix of its own.
     */
    static Set<String> modeledExceptions(String operation) {
        return Arrays.stream(Operation.named(operation).method().getExceptionTypes())
                .filter(ChimeSdkMessagingException.class::isAssignableFrom)
                .filter(t -> t != ChimeSdkMessagingException.class)
                .map(Class::getSimpleName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private String unknownUser;

    public ErrorSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- provoking errors

    @When("{actor} adds {actor} and a user who does not exist to {channel} in one batch")
    public void addsInOneBatch(String actor, String member, String channel) {
        unknownUser = world.appInstanceArn() + "/user/" + world.ids().token();
        api.canonical("BatchCreateChannelMembership", channel, null)
                .with("MemberArns", List.of(world.actor(member), unknownUser)).attempt(actor);
    }

    /** ERR-012: the operation's canonical request but for one member the documentation marks [REQUIRED]. */
    @When("in {channel}, {caller} calls {word} without its {word}")
    public void callsWithoutItsMember(String channel, String caller, String operation, String member) {
        api.canonical(operation, channel, null).without(member).attempt(caller);
    }

    // ---------------------------------------------------------------- what the error is

    @Then("the request fails with {error}, an exception the model lists for that operation")
    public void failsWithAModeledException(Class<? extends ChimeSdkMessagingException> expected) {
        Outcome outcome = world.outcome();
        assertThat(outcome + ", expected " + expected.getSimpleName(), outcome.failed(), is(true));
        assertThat(outcome.toString(), outcome.error(), instanceOf(expected));
        Set<String> modeled = modeledExceptions(outcome.operation());
        assertThat("the model's exceptions for " + outcome.operation(), modeled, not(empty()));
        assertThat("the model's exceptions for " + outcome.operation(), modeled,
                hasItem(outcome.error().getClass().getSimpleName()));
    }

    @Then("the error carries the HTTP status {int}")
    public void theErrorCarriesTheStatus(int status) {
        AwsServiceException error = failure();
        assertThat(error.getClass().getSimpleName() + " HTTP status", error.statusCode(), is(status));
    }

    @Then("the error names the exception {string}, carries a documented error code and a message")
    public void theErrorNamesTheException(String exception) {
        AwsServiceException error = failure();
        assertThat("error code", error.awsErrorDetails().errorCode(), is(exception));
        assertThat("error message", error.awsErrorDetails().errorMessage(), not(emptyOrNullString()));
        ErrorCode code = codeMember(error);
        assertThat("Code member", code, notNullValue());
        assertThat("Code member " + code, code == ErrorCode.UNKNOWN_TO_SDK_VERSION, is(false));
    }

    @Then("the batch lists a failure for the user who does not exist")
    public void theBatchListsAFailure() {
        String unknown = unknownUser;
        List<BatchCreateChannelMembershipError> errors = world.outcome()
                .response(BatchCreateChannelMembershipResponse.class).errors();
        assertThat(errors.stream().map(BatchCreateChannelMembershipError::memberArn).toList(), hasItem(unknown));
    }

    @Then("every failure of the batch carries a documented error code and a message")
    public void everyFailureCarriesADocumentedCode() {
        List<BatchCreateChannelMembershipError> errors = world.outcome()
                .response(BatchCreateChannelMembershipResponse.class).errors();
        assertThat("failures of the batch", errors.isEmpty(), is(false));
        for (BatchCreateChannelMembershipError error : errors) {
            assertThat("ErrorCode of " + error.memberArn() + ": " + error.errorCodeAsString(),
                    error.errorCode() != null && error.errorCode() != ErrorCode.UNKNOWN_TO_SDK_VERSION, is(true));
            assertThat("ErrorMessage of " + error.memberArn(), error.errorMessage(), not(emptyOrNullString()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private AwsServiceException failure() {
        Outcome outcome = world.outcome();
        assertThat(outcome + " was expected to fail", outcome.failed(), is(true));
        return outcome.error();
    }

    /** The modeled Code member every exception of the service carries (an ErrorCode value). */
    private static ErrorCode codeMember(AwsServiceException error) {
        try {
            return (ErrorCode) error.getClass().getMethod("code").invoke(error);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(error.getClass().getSimpleName() + " has no Code member", e);
        }
    }
}
