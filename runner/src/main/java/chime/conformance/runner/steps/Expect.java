package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import chime.conformance.runner.api.Members;
import software.amazon.awssdk.core.SdkPojo;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.chimesdkmessaging.model.Identity;

/**
 * The shared ways of comparing what a response says with what a feature expects, in the features' words:
 * identities by ARN and name, channels by the name the scenario gave them, lists of users. Not a step class:
 * the step classes of every concept use it.
 */
final class Expect {

    private Expect() {
    }

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

    /** Asserts that the users listed include the actor, or ({@code included} false) do not. */
    public static void assertInclusion(World world, String what, List<Identity> listed, String actor, boolean included) {
        List<String> arns = listed.stream().map(Identity::arn).toList();
        assertThat(what + " (" + namesOf(world, arns) + ")" + (included ? "" : " should not include " + actor),
                arns.contains(world.actor(actor)), equalTo(included));
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

    /** The words a feature's table uses for the members of a description (a channel, a membership, a ban...). */
    private static final Map<String, String> SHOWN = Map.of("member", "Member", "moderator", "Moderator",
            "channel", "ChannelArn", "type", "Type", "invited by", "InvitedBy", "created by", "CreatedBy",
            "name", "Name", "mode", "Mode", "privacy", "Privacy", "metadata", "Metadata");

    /** What a description shows, by the features' words, for {@link #assertShows}: the members it has. */
    public static Map<String, Object> shown(SdkPojo description) {
        Map<String, Object> actual = new LinkedHashMap<>();
        SHOWN.forEach((word, member) -> {
            if (Members.has(description, member)) {
                Object value = Members.get(description, member);
                actual.put(word, "ChannelArn".equals(member) ? new ChannelRef((String) value) : value);
            }
        });
        return actual;
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
