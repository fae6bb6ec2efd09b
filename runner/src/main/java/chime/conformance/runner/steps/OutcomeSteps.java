package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/** Steps that assert how the last request ended: errors are part of the contract, asserted by type. */
public class OutcomeSteps {

    private final World world;

    public OutcomeSteps(World world) {
        this.world = world;
    }

    @Then("the request succeeds")
    public void theRequestSucceeds() {
        Outcome outcome = world.outcome();
        if (outcome.failed()) {
            throw new AssertionError(outcome + ": " + outcome.error().awsErrorDetails().errorMessage());
        }
    }

    @Then("the request fails with {error}")
    public void theRequestFailsWith(Class<? extends ChimeSdkMessagingException> expected) {
        Outcome outcome = world.outcome();
        assertThat(outcome + ", expected " + expected.getSimpleName(), outcome.failed(), is(true));
        assertThat(outcome.toString(), outcome.error(), instanceOf(expected));
    }

    /** ERR-004: where the model lists no NotFoundException, either of two types is conforming. */
    @Then("the request fails with {error} or {error}")
    public void theRequestFailsWithEither(Class<? extends ChimeSdkMessagingException> one,
                                          Class<? extends ChimeSdkMessagingException> other) {
        Outcome outcome = world.outcome();
        assertThat(outcome + ", expected " + one.getSimpleName() + " or " + other.getSimpleName(),
                outcome.failed(), is(true));
        assertThat(outcome.toString(), outcome.error(), anyOf(instanceOf(one), instanceOf(other)));
    }
}
