package chime.conformance.runner.steps;

import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Given;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;

/** Channel memberships, DEFAULT and HIDDEN, single and batch. */
public class MembershipSteps {

    private final World world;

    public MembershipSteps(World world) {
        this.world = world;
    }

    @Given("{actor} is a member of {channel}")
    public void isAMemberOf(String actor, String channel) {
        addMember(actor, channel, ChannelMembershipType.DEFAULT);
    }

    @Given("{actor} is a hidden member of {channel}")
    public void isAHiddenMemberOf(String actor, String channel) {
        addMember(actor, channel, ChannelMembershipType.HIDDEN);
    }

    private void addMember(String actor, String channel, ChannelMembershipType type) {
        String member = world.actor(actor);
        String admin = world.actor(World.ADMIN);
        String arn = world.channel(channel);
        Setup.tolerateConflict(() -> world.messaging().createChannelMembership(r -> r
                .channelArn(arn).memberArn(member).type(type).chimeBearer(admin)));
        world.actor(actor);
    }
}
