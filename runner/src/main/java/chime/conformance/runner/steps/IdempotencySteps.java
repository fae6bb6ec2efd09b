package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.types.ChannelKind;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.Listings;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;

/**
 * Client request tokens (IDEM-001 to IDEM-006, and their form, SIZE-012). "Without a client request
 * token" means the request object leaves the member out, as a caller of the Java SDK would: the SDK
 * fills in a fresh token where the service model marks the member as an idempotency token (channels and
 * messages), and sends none where it does not (channel flows).
 */
public class IdempotencySteps {

    private final World world;
    private final MessageLedger ledger;
    private final ChannelFlowFixtures flows;
    private final Listings lists;

    public IdempotencySteps(World world, MessageLedger ledger, ChannelFlowFixtures flows, Listings lists) {
        this.world = world;
        this.ledger = ledger;
        this.flows = flows;
        this.lists = lists;
    }

    /** A token, quoted, or "a token of N characters" made of letters and digits. */
    @ParameterType("\"[^\"]*\"|a token of \\d+ characters")
    public String clientToken(String text) {
        if (text.startsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        int length = Integer.parseInt(text.replaceAll("\\D", ""));
        StringBuilder token = new StringBuilder();
        while (token.length() < length) {
            token.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return token.substring(0, length);
    }

    // ---------------------------------------------------------------- channels

    @Given("{actor} has created the {kind} channel {channel} with the client request token {clientToken}")
    public void hasCreatedWithToken(String actor, ChannelKind kind, String channel, String token) {
        String creator = world.actor(actor);
        String arn = world.messaging().createChannel(channelRequest(creator, kind, channel, token)).channelArn();
        world.rememberChannel(channel, arn);
    }

    @Given("{actor} has created the {kind} channel {channel} without a client request token")
    public void hasCreatedWithoutToken(String actor, ChannelKind kind, String channel) {
        hasCreatedWithToken(actor, kind, channel, null);
    }

    @When("{actor} creates the {kind} channel {channel} (again )with the client request token {clientToken}")
    public void createsWithToken(String actor, ChannelKind kind, String channel, String token) {
        world.note("idempotency.channel", channel);
        world.attemptAs("CreateChannel", actor, creator -> world.messaging()
                .createChannel(channelRequest(creator, kind, channel, token)));
    }

    @When("{actor} creates the {kind} channel {channel} (again )without a client request token")
    public void createsWithoutToken(String actor, ChannelKind kind, String channel) {
        createsWithToken(actor, kind, channel, null);
    }

    @Then("she/he gets back the same channel as before")
    public void getsBackTheSameChannel() {
        CreateChannelResponse created = world.outcome().response(CreateChannelResponse.class);
        assertThat("ChannelArn", created.channelArn(), equalTo(world.channel(world.note("idempotency.channel"))));
    }

    @Then("she/he gets back a different channel from before")
    public void getsBackADifferentChannel() {
        CreateChannelResponse created = world.outcome().response(CreateChannelResponse.class);
        assertThat("ChannelArn", created.channelArn(),
                not(equalTo(world.channel(world.note("idempotency.channel")))));
    }

    /** Read by Ada, following every next token. */
    @Then("the AppInstance lists {int} public channel(s) named {string}")
    public void theAppInstanceListsChannelsNamed(int count, String name) {
        List<ChannelSummary> all = lists.channels(world.actor(World.ADMIN), ChannelPrivacy.PUBLIC).channels();
        long named = all.stream().filter(c -> name.equals(c.name())).count();
        assertThat("public channels named \"" + name + "\"", (int) named, equalTo(count));
    }

    private CreateChannelRequest channelRequest(String creator, ChannelKind kind, String name, String token) {
        return CreateChannelRequest.builder()
                .appInstanceArn(world.appInstanceArn())
                .name(name)
                .privacy(kind.privacy())
                .mode(kind.mode())
                .clientRequestToken(token)
                .chimeBearer(creator)
                .build();
    }

    // ---------------------------------------------------------------- messages

    @Given("{actor} has posted {string} in {channel} with the client request token {clientToken}")
    public void hasPostedWithToken(String actor, String content, String channel, String token) {
        ledger.post(actor, channel, content, b -> b.clientRequestToken(token));
    }

    @Given("{actor} has posted {string} in {channel} without a client request token")
    public void hasPostedWithoutToken(String actor, String content, String channel) {
        hasPostedWithToken(actor, content, channel, null);
    }

    @When("{actor} posts {string} in {channel} (again )with the client request token {clientToken}")
    public void postsWithToken(String actor, String content, String channel, String token) {
        String arn = world.channel(channel);
        world.attemptAs("SendChannelMessage", actor, sender -> world.messaging()
                .sendChannelMessage(messageRequest(sender, arn, content, token)));
    }

    @When("{actor} posts {string} in {channel} (again )without a client request token")
    public void postsWithoutToken(String actor, String content, String channel) {
        postsWithToken(actor, content, channel, null);
    }

    @Then("she/he gets back the ID of the first {string}")
    public void getsBackTheIdOfTheFirst(String label) {
        SendChannelMessageResponse sent = world.outcome().response(SendChannelMessageResponse.class);
        assertThat("MessageId", sent.messageId(), equalTo(world.message(label)));
    }

    @Then("she/he gets back an ID other than that of the first {string}")
    public void getsBackAnotherId(String label) {
        SendChannelMessageResponse sent = world.outcome().response(SendChannelMessageResponse.class);
        assertThat("MessageId", sent.messageId(), not(equalTo(world.message(label))));
    }

    /** Read by the actor of the {@code When}, following every next token. */
    @Then("{channel} holds {int} message(s) reading {string}")
    public void holdsMessagesReading(String channel, int count, String content) {
        String reader = world.actor(world.outcome().actor());
        String arn = world.channel(channel);
        List<ChannelMessageSummary> all = lists.messages(reader, arn);
        long reading = all.stream().filter(m -> content.equals(m.content())).count();
        assertThat("messages reading \"" + content + "\"", (int) reading, equalTo(count));
    }

    private static SendChannelMessageRequest messageRequest(String sender, String channelArn, String content,
                                                            String token) {
        return SendChannelMessageRequest.builder()
                .channelArn(channelArn)
                .content(content)
                .type(ChannelMessageType.STANDARD)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(token)
                .chimeBearer(sender)
                .build();
    }

    // ---------------------------------------------------------------- channel flows

    @Given("the channel flow {flow} has been created with the client request token {clientToken}")
    public void theFlowHasBeenCreatedWithToken(String flow, String token) {
        String arn = world.messaging().createChannelFlow(flows.request(flow, flows.passThrough(), token))
                .channelFlowArn();
        world.rememberFlow(flow, arn);
    }

    @When("the channel flow {flow} is created (again )with the client request token {clientToken}")
    public void theFlowIsCreatedWithToken(String flow, String token) {
        world.note("idempotency.flow", flow);
        world.attempt("CreateChannelFlow", DEVELOPER, () -> world.messaging()
                .createChannelFlow(flows.request(flow, flows.passThrough(), token)));
    }

    @When("the channel flow {flow} is created without a client request token")
    public void theFlowIsCreatedWithoutToken(String flow) {
        theFlowIsCreatedWithToken(flow, null);
    }

    @Then("the same channel flow comes back")
    public void theSameChannelFlowComesBack() {
        CreateChannelFlowResponse created = world.outcome().response(CreateChannelFlowResponse.class);
        String flow = world.note("idempotency.flow");
        if (flow == null) {
            throw new HarnessException("no step created a channel flow again");
        }
        assertThat("ChannelFlowArn", created.channelFlowArn(), equalTo(world.flow(flow)));
    }
}
