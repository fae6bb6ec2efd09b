package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.stream.Collectors;
import org.hamcrest.Matcher;
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

    /**
     * Where the sources allow more than one answer, any of the types named conforms (e.g. ERR-004: where the
     * model lists no NotFoundException; AUTH-002: Unauthorized as reported, or Forbidden).
     */
    @Then("the request fails with {errors}")
    public void theRequestFailsWithAnyOf(List<Class<? extends ChimeSdkMessagingException>> allowed) {
        Outcome outcome = world.outcome();
        String names = allowed.stream().map(Class::getSimpleName).collect(Collectors.joining(" or "));
        assertThat(outcome + ", expected " + names, outcome.failed(), is(true));
        List<Matcher<? super Object>> anyOfThese = allowed.stream()
                .<Matcher<? super Object>>map(type -> instanceOf(type)).toList();
        assertThat(outcome.toString(), (Object) outcome.error(), anyOf(anyOfThese));
    }
}
