package chime.conformance.runner.steps;


import chime.conformance.runner.api.Driver;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Channel moderators and bans. */
public class ModerationSteps extends Steps {

    public ModerationSteps(Driver api) {
        super(api);
    }

    // ---- Given: through Ada, or by the user named, who is thus the creator (MOD-002, BAN-001) -------------

    @Given("{actor} is a moderator of {channel}")
    public void isAModeratorOf(String actor, String channel) {
        api.stage(actor, api.about("CreateChannelModerator", channel, actor));
    }

    @Given("{actor} is banned from {channel}")
    public void isBannedFrom(String actor, String channel) {
        api.stage(actor, api.about("CreateChannelBan", channel, actor));
    }

    @Given("{actor} is no longer a moderator of {channel}")
    public void isNoLongerAModeratorOf(String actor, String channel) {
        api.about("DeleteChannelModerator", channel, actor).send(World.ADMIN);
        world.actor(actor);
    }

    /**
     * What a user does about another user's role in a channel, in the features' words, with the operation
     * that does it: "bans Mallory from", "has lifted the ban on Mallory in". A past tense ("has ...") sets
     * the stage: the request must succeed, made by the actor, who is thus the creator (MOD-002, BAN-001).
     */
    private static final Map<String, String> ACTIONS = Map.of(
            "(has made|makes) (\\w+) a moderator of", "CreateChannelModerator",
            "removes (\\w+) as a moderator of", "DeleteChannelModerator",
            "describes the moderator (\\w+) of", "DescribeChannelModerator",
            "(has banned|bans) (\\w+) from", "CreateChannelBan",
            "(has lifted|lifts) the ban on (\\w+) in", "DeleteChannelBan",
            "describes the ban on (\\w+) in", "DescribeChannelBan");

    /** An action of {@link #ACTIONS}: its operation, the user it is about, and whether it sets the stage. */
    public record RoleAction(String operation, String user, boolean done) {
    }

    @ParameterType("(?:has made|makes) [A-Z][a-z]+ a moderator of|removes [A-Z][a-z]+ as a moderator of"
            + "|describes the moderator [A-Z][a-z]+ of|(?:has banned|bans) [A-Z][a-z]+ from"
            + "|(?:has lifted|lifts) the ban on [A-Z][a-z]+ in|describes the ban on [A-Z][a-z]+ in")
    public RoleAction roleAction(String words) {
        for (Map.Entry<String, String> action : ACTIONS.entrySet()) {
            Matcher m = Pattern.compile(action.getKey()).matcher(words);
            if (m.matches()) {
                return new RoleAction(action.getValue(), m.group(m.groupCount()), m.group(1).startsWith("has "));
            }
        }
        throw new IllegalArgumentException(words);
    }

    @When("{actor} {roleAction} {channel}")
    public void acts(String actor, RoleAction action, String channel) {
        Driver.Call call = api.about(action.operation(), channel, action.user());
        if (action.done()) {
            call.send(actor);
        } else {
            call.attempt(actor);
        }
    }

    @When("{actor} lists the moderators of {channel}")
    public void listsTheModerators(String actor, String channel) {
        api.canonical("ListChannelModerators", channel, null).attemptWhole(actor);
    }

    @When("{actor} lists the bans of {channel}")
    public void listsTheBans(String actor, String channel) {
        api.canonical("ListChannelBans", channel, null).attemptWhole(actor);
    }
}
