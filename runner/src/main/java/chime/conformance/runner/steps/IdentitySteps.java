package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;

/**
 * AppInstanceUsers as the API shows them: an Identity is an ARN and a name (MEMB-017), and a user can be
 * deleted (identity DeleteAppInstanceUser). Also the shared ways of comparing what a response says with
 * what a feature expects, in the features' words.
 */
public class IdentitySteps {

    private final World world;

    public IdentitySteps(World world) {
        this.world = world;
    }

    /** "Bob, Carol and Hana", "Alice and Bob", "Hana": several actors of the cast. */
    @ParameterType("[A-Z][a-z]+(?:(?:, | and )[A-Z][a-z]+)*")
    public List<String> actorList(String text) {
        return Expect.splitList(text);
    }

    /** The user is created, then deleted through the identity API: their ARN names nobody any more. */
    @Given("{actor}'s AppInstanceUser has been deleted")
    public void appInstanceUserHasBeenDeleted(String actor) {
        String arn = world.actor(actor);
        world.scope().deleteUser(arn);
        world.actor(actor);
    }

    /** As a When: the deletion is an identity call; what it cleans up is read by the Then steps. */
    @When("{actor}'s AppInstanceUser is deleted")
    public void appInstanceUserIsDeleted(String actor) {
        appInstanceUserHasBeenDeleted(actor);
    }

    /** MEMB-001, MOD-001, BAN-001 and MEMB-017: the identity in a create response, and the channel. */
    @Then("the response names {actor}, by ARN and name, in {channel}")
    public void theResponseNames(String actor, String channel) {
        SdkResponse response = world.outcome().response(SdkResponse.class);
        Identity identity = response.sdkFields().stream().map(f -> f.getValueOrDefault(response))
                .filter(Identity.class::isInstance).map(Identity.class::cast).findFirst()
                .orElseThrow(() -> new HarnessException("the step names a user in a response, but "
                        + world.outcome().operation() + " returns none"));
        String channelArn = Members.text(response, "ChannelArn");
        Expect.assertIdentity(world, world.outcome().operation() + " response", identity, actor);
        assertThat(world.outcome().operation() + " response: the channel", channelArn,
                equalTo(world.channel(channel)));
    }

    @Then("the messages listed name {actor}, by ARN and name, as the sender of {string}")
    public void theMessagesListedNameTheSender(String actor, String content) {
        ListChannelMessagesResponse page = world.outcome().response(ListChannelMessagesResponse.class);
        List<ChannelMessageSummary> matching = page.channelMessages().stream()
                .filter(m -> content.equals(m.content())).toList();
        assertThat("messages listed with the content \"" + content + "\"", matching.size(), equalTo(1));
        Expect.assertIdentity(world, "the sender of \"" + content + "\"", matching.get(0).sender(), actor);
    }
}
