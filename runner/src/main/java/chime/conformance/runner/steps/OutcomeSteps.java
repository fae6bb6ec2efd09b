package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import io.cucumber.java.ParameterType;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.stream.Collectors;
import org.hamcrest.Matcher;

/** Steps that assert how the last request ended: errors are part of the contract, asserted by type. */
public class OutcomeSteps extends Steps {

    public OutcomeSteps(Driver api) {
        super(api);
    }

    /** What a Describe request returns, by the features' word for it: the response and its member. */
    public record Description(String word, Class<? extends SdkResponse> response, String member) {
    }

    private static final Map<String, Description> DESCRIPTIONS = Map.of(
            "membership", new Description("membership", DescribeChannelMembershipResponse.class, "ChannelMembership"),
            "moderator", new Description("moderator", DescribeChannelModeratorResponse.class, "ChannelModerator"),
            "ban", new Description("ban", DescribeChannelBanResponse.class, "ChannelBan"));

    @ParameterType("membership|moderator|ban")
    public Description description(String word) {
        return DESCRIPTIONS.get(word);
    }

    @Then("the {description} shows:")
    public void theDescriptionShows(Description description, Map<String, String> expected) {
        Expect.assertShows(world, "the " + description.word(), expected,
                Expect.shown(answered(description.response(), description.member())));
    }

    @Then("the {description} carries its creation time")
    public void theDescriptionCarriesItsCreationTime(Description description) {
        SdkPojo described = answered(description.response(), description.member());
        assertThat("the " + description.word() + "'s creation time", Members.get(described, "CreatedTimestamp"),
                notNullValue());
    }

    @Then("the request succeeds")
    public void theRequestSucceeds() {
        Outcome outcome = world.outcome();
        if (outcome.failed()) {
            throw new AssertionError(outcome + ": " + outcome.error().awsErrorDetails().errorMessage());
        }
    }

    /**
     * The modeled exception named, or, where the sources allow more than one answer, any of the types named
     * (e.g. ERR-004: where the model lists no NotFoundException; AUTH-002: Unauthorized as reported, or Forbidden).
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
