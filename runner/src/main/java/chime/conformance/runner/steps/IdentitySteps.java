package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelBanResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelModeratorResponse;
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
        return splitList(text);
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
        Identity identity;
        String channelArn;
        if (response instanceof CreateChannelMembershipResponse r) {
            identity = r.member();
            channelArn = r.channelArn();
        } else if (response instanceof CreateChannelModeratorResponse r) {
            identity = r.channelModerator();
            channelArn = r.channelArn();
        } else if (response instanceof CreateChannelBanResponse r) {
            identity = r.member();
            channelArn = r.channelArn();
        } else {
            throw new HarnessException("the step names a user in a response, but " + world.outcome().operation()
                    + " returns none");
        }
        assertIdentity(world, world.outcome().operation() + " response", identity, actor);
        assertThat(world.outcome().operation() + " response: the channel", channelArn,
                equalTo(world.channel(channel)));
    }

    @Then("the messages listed name {actor}, by ARN and name, as the sender of {string}")
    public void theMessagesListedNameTheSender(String actor, String content) {
        ListChannelMessagesResponse page = world.outcome().response(ListChannelMessagesResponse.class);
        List<ChannelMessageSummary> matching = page.channelMessages().stream()
                .filter(m -> content.equals(m.content())).toList();
        assertThat("messages listed with the content \"" + content + "\"", matching.size(), equalTo(1));
        assertIdentity(world, "the sender of \"" + content + "\"", matching.get(0).sender(), actor);
    }

    // ---- shared comparisons -------------------------------------------------------------------------------

    /** An Identity is the actor's: the ARN of the actor's AppInstanceUser and the actor's name. */
    public static void assertIdentity(World world, String what, Identity identity, String actor) {
        assertThat(what + ": an identity", identity, notNullValue());
        assertThat(what + ": the ARN of " + actor, identity.arn(), equalTo(world.actor(actor)));
        assertThat(what + ": the name of " + actor, identity.name(), equalTo(actor));
    }

    /** The names of the actors whose ARNs are given, in order, for readable assertion messages. */
    public static List<String> namesOf(World world, List<String> arns) {
        return arns.stream().map(world::actorNameOf).toList();
    }

    /** Asserts that exactly the given actors were listed (any order), by ARN and optionally by name. */
    public static void assertExactlyTheseUsers(World world, String what, List<Identity> listed, List<String> actors,
                                               boolean byName) {
        List<String> expected = actors.stream().map(world::actor).sorted().toList();
        List<String> actual = listed.stream().map(i -> i == null ? null : i.arn())
                .sorted(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).toList();
        assertThat(what + " (" + namesOf(world, actual) + ")", actual, equalTo(expected));
        if (byName) {
            for (Identity identity : listed) {
                String actor = world.actorNameOf(identity.arn());
                assertThat(what + ": the name of " + actor, identity.name(), equalTo(actor));
            }
        }
    }

    public static void assertIncludes(World world, String what, List<Identity> listed, String actor) {
        List<String> arns = listed.stream().map(Identity::arn).toList();
        assertThat(what + " (" + namesOf(world, arns) + ")", arns, hasItem(world.actor(actor)));
    }

    public static void assertExcludes(World world, String what, List<Identity> listed, String actor) {
        List<String> arns = listed.stream().map(Identity::arn).toList();
        String arn = world.actor(actor);
        if (arns.contains(arn)) {
            throw new AssertionError(what + " (" + namesOf(world, arns) + ") should not include " + actor);
        }
    }

    /**
     * Compares a two-column table (what, expected) with what a response says. Values that are identities
     * (created by, member, ...) are compared by ARN and name; channels by ARN; everything else as text.
     */
    public static void assertShows(World world, String what, Map<String, String> expected, Map<String, Object> actual) {
        for (Map.Entry<String, String> row : expected.entrySet()) {
            String key = row.getKey().trim();
            if (!actual.containsKey(key)) {
                throw new HarnessException(what + " has no \"" + key + "\" to compare; known: " + actual.keySet());
            }
            Object value = actual.get(key);
            String wanted = row.getValue() == null ? "" : row.getValue().trim();
            if (value instanceof Identity identity) {
                assertIdentity(world, what + ": " + key, identity, wanted);
            } else if (value instanceof ChannelRef ref) {
                assertThat(what + ": " + key, ref.arn(), equalTo(world.channel(wanted)));
            } else {
                assertThat(what + ": " + key, Objects.toString(value, ""), equalTo(wanted));
            }
        }
    }

    /** A channel ARN in a response, to be compared with a channel the scenario named. */
    public record ChannelRef(String arn) {
    }

    /** Asserts a timestamp is present, and returns it. */
    public static Instant present(String what, Instant timestamp) {
        assertThat(what, timestamp, notNullValue());
        return timestamp;
    }

    static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        return items;
    }

    static List<String> splitQuotedList(String text) {
        return Arrays.stream(text.split("\"(?:, | and )\""))
                .map(s -> s.replace("\"", "").trim())
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
