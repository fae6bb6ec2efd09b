package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.URISyntaxException;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointResponse;

/** The messaging session endpoint, where clients open their websocket connection. */
public class EndpointSteps {

    private final World world;

    public EndpointSteps(World world) {
        this.world = world;
    }

    @When("the developer asks for the messaging session endpoint")
    public void asksForTheEndpoint() {
        world.attempt("GetMessagingSessionEndpoint", DEVELOPER,
                () -> world.messaging().getMessagingSessionEndpoint(r -> { }));
    }

    @Then("the endpoint's URL is not empty")
    public void theUrlIsNotEmpty() {
        assertThat(url(), not(emptyOrNullString()));
    }

    @Then("the endpoint's URL is an absolute URL")
    public void theUrlIsAbsolute() {
        String url = url();
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError("the endpoint's URL does not parse: " + url + " (" + e.getMessage() + ")");
        }
        assertThat("scheme and host of " + url, parsed.isAbsolute() && parsed.getHost() != null, is(true));
    }

    private String url() {
        GetMessagingSessionEndpointResponse response = world.outcome()
                .response(GetMessagingSessionEndpointResponse.class);
        return response.endpoint() == null ? null : response.endpoint().url();
    }
}
