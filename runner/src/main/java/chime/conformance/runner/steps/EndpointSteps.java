package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.api.Driver;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointResponse;

/** The messaging session endpoint, where clients open their websocket connection. */
public class EndpointSteps extends Steps {

    public EndpointSteps(Driver api) {
        super(api);
    }

    @When("the developer asks for the messaging session endpoint")
    public void asksForTheEndpoint() {
        api.call("GetMessagingSessionEndpoint").attempt(DEVELOPER);
    }

    @Then("the endpoint's URL is not empty")
    public void theUrlIsNotEmpty() {
        assertThat(url(), not(emptyOrNullString()));
    }

    /**
     * ENDP-002: what a client does with the endpoint: a bare host name gets {@code wss://} in front of it and
     * the {@code /connect} path (as the Amazon Chime SDK for JavaScript does); an absolute URL is taken as it
     * is, and must then be a websocket URL. Either way the result names a host.
     */
    @Then("a websocket URL made from the endpoint, as clients make it, names a host")
    public void aWebsocketUrlNamesAHost() {
        String url = url();
        assertThat("the endpoint's URL", url, not(emptyOrNullString()));
        URI websocket = parse(url.contains("://") ? url : "wss://" + url + "/connect");
        assertThat("the scheme of " + websocket, websocket.getScheme(), is(in(List.of("wss", "ws"))));
        assertThat("the host of " + websocket, websocket.getHost(), not(emptyOrNullString()));
    }

    /**
     * ENDP-003: a host name is dot-separated labels of letters, digits and hyphens (RFC 1123), each 1 to 63
     * characters, not starting or ending with a hyphen, 253 characters at most, optionally followed by a port
     * ({@code host:port}, the authority a client dials); an absolute URL is accepted when its host is one.
     */
    @Then("the endpoint's URL is a bare host name, or an absolute URL whose host is one")
    public void theUrlIsAHostName() {
        String url = url();
        assertThat("the endpoint's URL", url, not(emptyOrNullString()));
        // A server that is not on port 443 (serve, an emulator) names its port after the host, as an authority.
        String host = url.contains("://") ? parse(url).getHost() : url.replaceFirst(":\\d{1,5}$", "");
        assertThat("the host named by the endpoint's URL \"" + url + "\"", host != null && host.length() <= 253
                && HOST_NAME.matcher(host).matches(), is(true));
    }

    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError("the endpoint's URL does not parse: " + url + " (" + e.getMessage() + ")");
        }
    }

    private String url() {
        GetMessagingSessionEndpointResponse response = world.outcome()
                .response(GetMessagingSessionEndpointResponse.class);
        return response.endpoint() == null ? null : response.endpoint().url();
    }
}
