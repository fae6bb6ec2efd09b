package chime.conformance.runner.steps;

import chime.conformance.runner.types.ChannelKind;
import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;

/** Channels: creating, updating, describing, deleting and listing them. */
public class ChannelSteps {

    private final World world;

    public ChannelSteps(World world) {
        this.world = world;
    }

    /**
     * The creator also becomes, explicitly, a member and a moderator of the channel: the documentation
     * does not say whether a creator becomes either, so the kit never relies on it.
     */
    @Given("{actor} has created the {kind} channel {channel}")
    public void hasCreatedTheChannel(String actor, ChannelKind kind, String channel) {
        String creator = world.actor(actor);
        String arn = world.messaging().createChannel(r -> r
                .appInstanceArn(world.appInstanceArn())
                .name(channel)
                .privacy(kind.privacy())
                .mode(kind.mode())
                .clientRequestToken(UUID.randomUUID().toString())
                .chimeBearer(creator)).channelArn();
        world.rememberChannel(channel, arn);
        String admin = world.actor(World.ADMIN);
        Setup.tolerateConflict(() -> world.messaging().createChannelModerator(r -> r
                .channelArn(arn).channelModeratorArn(creator).chimeBearer(admin)));
        Setup.tolerateConflict(() -> world.messaging().createChannelMembership(r -> r
                .channelArn(arn).memberArn(creator).type(ChannelMembershipType.DEFAULT).chimeBearer(admin)));
        world.actor(actor);
    }
}
