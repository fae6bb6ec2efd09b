package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.types.ChannelKind;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import org.hamcrest.Matcher;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Client request tokens (IDEM-001 to IDEM-006, and their form, SIZE-012). "Without a client request
 * token" means the request object leaves the member out, as a caller of the Java SDK would: the SDK
 * fills in a fresh token where the service model marks the member as an idempotency token (channels and
 * messages), and sends none where it does not (channel flows).
 */
public class IdempotencySteps extends Steps {

    /** What the When step made again: a channel or a flow, by name. */
    private String madeAgain;

    public IdempotencySteps(Driver api) {
        super(api);
    }

    /**
     * The client request token a step sends: quoted, or "a token of N characters" made of letters and digits;
     * or none ("without a client request token").
     */
    public record ClientToken(String value) {
    }

    @ParameterType("with the client request token (\"[^\"]*\"|a token of \\d+ characters)|without a client request token")
    public ClientToken clientToken(String text) {
        if (text == null) {
            return new ClientToken(null);
        }
        return new ClientToken(text.startsWith("\"") ? text.substring(1, text.length() - 1)
                : world.ids().token(Integer.parseInt(text.replaceAll("\\D", ""))));
    }

    /** The request with that client request token, or without one (the SDK's choice). */
    private static Driver.Call token(Driver.Call request, ClientToken token) {
        return token.value() == null ? request.without("ClientRequestToken")
                : request.with("ClientRequestToken", token.value());
    }

    // ---------------------------------------------------------------- channels

    @Given("{actor} has created the {kind} channel {channel} {clientToken}")
    public void hasCreatedWithToken(String actor, ChannelKind kind, String channel, ClientToken token) {
        channel(kind, channel, token).create(actor, channel);
    }

    @When("{actor} creates the {kind} channel {channel} (again ){clientToken}")
    public void createsWithToken(String actor, ChannelKind kind, String channel, ClientToken token) {
        madeAgain = channel;
        channel(kind, channel, token).attempt(actor);
    }

    @Then("she/he gets back the same channel as before")
    public void getsBackTheSameChannel() {
        CreateChannelResponse created = world.outcome().response(CreateChannelResponse.class);
        assertThat("ChannelArn", created.channelArn(), equalTo(world.channel(again())));
    }

    @Then("she/he gets back a different channel from before")
    public void getsBackADifferentChannel() {
        CreateChannelResponse created = world.outcome().response(CreateChannelResponse.class);
        assertThat("ChannelArn", created.channelArn(), not(equalTo(world.channel(again()))));
    }

    /** Read by Ada, following every next token. */
    @Then("the AppInstance lists {int} public channel(s) named {string}")
    public void theAppInstanceListsChannelsNamed(int count, String name) {
        List<ChannelSummary> all = api.canonical("ListChannels", null, null).with("Privacy", "PUBLIC").items(World.ADMIN);
        long named = all.stream().filter(c -> name.equals(c.name())).count();
        assertThat("public channels named \"" + name + "\"", (int) named, equalTo(count));
    }

    private Driver.Call channel(ChannelKind kind, String name, ClientToken token) {
        return token(api.canonical("CreateChannel", null, null).with("Name", name).with("Privacy", kind.privacy())
                .with("Mode", kind.mode()), token);
    }

    // ---------------------------------------------------------------- messages

    @Given("{actor} has posted {string} in {channel} {clientToken}")
    public void hasPostedWithToken(String actor, String content, String channel, ClientToken token) {
        post(actor, channel, content, c -> token(c, token));
    }

    @When("{actor} posts {string} in {channel} (again ){clientToken}")
    public void postsWithToken(String actor, String content, String channel, ClientToken token) {
        token(api.canonical("SendChannelMessage", channel, null).with("Content", content), token).attempt(actor);
    }

    /** "the ID": the same message as the first; "an ID other than that": a new one. */
    @ParameterType("the ID|an ID other than that")
    public Boolean sameId(String words) {
        return words.equals("the ID");
    }

    @Then("she/he gets back {sameId} of the first {string}")
    public void getsBackTheIdOfTheFirst(Boolean same, String label) {
        Matcher<Object> first = equalTo(world.message(label));
        assertThat("MessageId", answered(SendChannelMessageResponse.class, "MessageId"), same ? first : not(first));
    }

    /** Read by the actor of the {@code When}, following every next token. */
    @Then("{channel} holds {int} message(s) reading {string}")
    public void holdsMessagesReading(String channel, int count, String content) {
        List<ChannelMessageSummary> all = api.canonical("ListChannelMessages", channel, null)
                .items(world.outcome().actor());
        long reading = all.stream().filter(m -> content.equals(m.content())).count();
        assertThat("messages reading \"" + content + "\"", (int) reading, equalTo(count));
    }

    // ---------------------------------------------------------------- channel flows

    @Given("the channel flow {flow} has been created {clientToken}")
    public void theFlowHasBeenCreatedWithToken(String flow, ClientToken token) {
        flow(flow, token).create(DEVELOPER, flow);
    }

    @When("the channel flow {flow} is created (again ){clientToken}")
    public void theFlowIsCreatedWithToken(String flow, ClientToken token) {
        madeAgain = flow;
        flow(flow, token).attempt(DEVELOPER);
    }

    @Then("the same channel flow comes back")
    public void theSameChannelFlowComesBack() {
        CreateChannelFlowResponse created = world.outcome().response(CreateChannelFlowResponse.class);
        assertThat("ChannelFlowArn", created.channelFlowArn(), equalTo(world.flow(again())));
    }

    private Driver.Call flow(String name, ClientToken token) {
        return token(api.canonical("CreateChannelFlow", null, null).with("Name", name), token);
    }

    private String again() {
        if (madeAgain == null) {
            throw new HarnessException("no step made a channel or a channel flow again");
        }
        return madeAgain;
    }
}
