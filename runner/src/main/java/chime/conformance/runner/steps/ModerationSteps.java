package chime.conformance.runner.steps;

import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;

/** Channel moderators and bans. */
public class ModerationSteps {

    private final World world;

    public ModerationSteps(World world) {
        this.world = world;
    }

    @Given("{actor} is a moderator of {channel}")
    public void isAModeratorOf(String actor, String channel) {
        String moderator = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        Setup.tolerateConflict(() -> world.messaging().createChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(moderator).chimeBearer(admin)));
        world.actor(actor);
    }

    @Given("{actor} is banned from {channel}")
    public void isBannedFrom(String actor, String channel) {
        String banned = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        Setup.tolerateConflict(() -> world.messaging().createChannelBan(r -> r
                .channelArn(arn).memberArn(banned).chimeBearer(admin)));
        world.actor(actor);
    }
}
