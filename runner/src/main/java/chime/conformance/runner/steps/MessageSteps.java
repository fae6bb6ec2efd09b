package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;

import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;

/** Messages: send, get, update, delete, redact, list. */
public class MessageSteps {

    private final World world;

    public MessageSteps(World world) {
        this.world = world;
    }

    @Given("{actor} has posted {string} in {channel}")
    public void hasPosted(String actor, String content, String channel) {
        String sender = world.actor(actor);
        String id = world.messaging().sendChannelMessage(r -> r
                .channelArn(world.channel(channel))
                .content(content)
                .type(ChannelMessageType.STANDARD)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(UUID.randomUUID().toString())
                .chimeBearer(sender)).messageId();
        world.rememberMessage(content, id);
    }

    @When("{actor} posts {string} in {channel}")
    public void posts(String actor, String content, String channel) {
        String sender = world.actor(actor);
        String arn = world.channel(channel);
        world.attempt("SendChannelMessage", actor, () -> world.messaging().sendChannelMessage(r -> r
                .channelArn(arn)
                .content(content)
                .type(ChannelMessageType.STANDARD)
                .persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(UUID.randomUUID().toString())
                .chimeBearer(sender)));
    }

    @When("{actor} lists the messages in {channel}")
    public void listsTheMessages(String actor, String channel) {
        String reader = world.actor(actor);
        String arn = world.channel(channel);
        world.attempt("ListChannelMessages", actor, () -> world.messaging().listChannelMessages(r -> r
                .channelArn(arn).chimeBearer(reader)));
    }

    @Then("she/he sees {string} from {actor}")
    public void seesFrom(String content, String sender) {
        String senderArn = world.actor(sender);
        ListChannelMessagesResponse page = world.outcome().response(ListChannelMessagesResponse.class);
        List<String> seen = page.channelMessages().stream()
                .map(m -> m.content() + " from " + world.actorNameOf(m.sender() == null ? "?" : m.sender().arn()))
                .toList();
        assertThat(seen, hasItem(content + " from " + world.actorNameOf(senderArn)));
    }
}
