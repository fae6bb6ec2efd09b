package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Channel memberships, DEFAULT and HIDDEN, single and batch. */
public class MembershipSteps extends Steps {

    public MembershipSteps(Driver api) {
        super(api);
    }

    // ---- Given: through Ada, or by the user named, who is thus the inviter (MEMB-002) ---------------------

    @Given("{actor} is {membershipType} of {channel}")
    public void isAMemberOf(String actor, String type, String channel) {
        api.stage(actor, api.about("CreateChannelMembership", channel, actor).with("Type", type));
    }

    @Given("{actor} has added {actor} to {channel}")
    public void hasAdded(String actor, String member, String channel) {
        api.about("CreateChannelMembership", channel, member).with("Type", "DEFAULT").send(actor);
    }

    @Given("{actor} has been removed from {channel}")
    public void hasBeenRemovedFrom(String actor, String channel) {
        api.about("DeleteChannelMembership", channel, actor).send(World.ADMIN);
        world.actor(actor);
    }

    // ---- When ---------------------------------------------------------------------------------------------

    @When("{actor} adds {actor} to {channel}")
    public void adds(String actor, String member, String channel) {
        addsAsType(actor, member, channel, new TypeSent("DEFAULT"));
    }

    /** "a member" (DEFAULT) or "a hidden member" (HIDDEN). */
    @ParameterType("a member|a hidden member")
    public String membershipType(String words) {
        return words.contains("hidden") ? "HIDDEN" : "DEFAULT";
    }

    /** The membership type as sent: HIDDEN, none (MEMB-003: Type is required), or any text, even outside the enum. */
    public record TypeSent(String value) {
    }

    @ParameterType("(as a hidden member|without a membership type)|as a member of type \"([^\"]*)\"")
    public TypeSent typeSent(String words, String quoted) {
        return new TypeSent(words == null ? quoted : words.startsWith("as") ? "HIDDEN" : null);
    }

    @When("{actor} adds {actor} to {channel} {typeSent}")
    public void addsAsType(String actor, String member, String channel, TypeSent type) {
        api.about("CreateChannelMembership", channel, member).with("Type", type.value()).attempt(actor);
    }

    /** A user adds themselves: MemberArn is the caller's own ARN. */
    @When("{actor} joins {channel}")
    public void joins(String actor, String channel) {
        adds(actor, actor, channel);
    }

    /** BatchCreateChannelMembership with no Type. */
    @When("{actor} adds {actorList} to {channel} in one batch")
    public void addsInOneBatch(String actor, List<String> members, String channel) {
        batch(actor, members, channel, null);
    }

    @When("{actor} adds {actorList} to {channel} in one batch as hidden members")
    public void addsInOneBatchAsHidden(String actor, List<String> members, String channel) {
        batch(actor, members, channel, "HIDDEN");
    }

    @When("{actor} removes {actor} from {channel}")
    public void removes(String actor, String member, String channel) {
        api.about("DeleteChannelMembership", channel, member).attempt(actor);
    }

    /** A member deletes their own membership. */
    @When("{actor} leaves {channel}")
    public void leaves(String actor, String channel) {
        removes(actor, actor, channel);
    }

    @When("{actor} describes the membership of {actor} in {channel}")
    public void describesTheMembership(String actor, String member, String channel) {
        api.about("DescribeChannelMembership", channel, member).attempt(actor);
    }

    @When("{actor} lists the members of {channel}")
    public void listsTheMembers(String actor, String channel) {
        list(channel, null).attemptWhole(actor);
    }

    @When("{actor} lists the {word} members of {channel}")
    public void listsTheMembersOfType(String actor, String type, String channel) {
        list(channel, type).attemptWhole(actor);
    }

    // ---- Then: state, read by Ada --------------------------------------------------------------------------

    /** DescribeChannelMembership by Ada, the AppInstanceAdmin: the membership exists. */
    @Then("{actor} belongs to {channel}")
    public void belongsTo(String actor, String channel) {
        assertThat(actor + "'s membership of \"" + channel + "\"", membership(actor, channel), notNullValue());
    }

    @Then("{actor} belongs to {channel} as a {word} member")
    public void belongsToAs(String actor, String channel, String type) {
        ChannelMembership membership = membership(actor, channel);
        assertThat(actor + "'s membership of \"" + channel + "\"", membership, notNullValue());
        assertThat(actor + "'s membership type", membership.typeAsString(), equalTo(type));
    }

    /** DescribeChannelMembership by Ada answers NotFoundException (modeled): there is no membership. */
    @Then("{actor} does not belong to {channel}")
    public void doesNotBelongTo(String actor, String channel) {
        ChannelMembership membership = membership(actor, channel);
        if (membership != null) {
            throw new AssertionError(actor + " should not be a member of \"" + channel + "\", but is a "
                    + membership.typeAsString() + " member");
        }
    }

    @Then("the membership of {actor} in {channel} shows {actor} as the inviter")
    public void theMembershipShowsTheInviter(String member, String channel, String inviter) {
        ChannelMembership membership = membership(member, channel);
        assertThat(member + "'s membership of \"" + channel + "\"", membership, notNullValue());
        Expect.assertIdentity(world, "the inviter", membership.invitedBy(), inviter);
    }

    // ---- Then: outcomes -----------------------------------------------------------------------------------

    @Then("the membership carries its creation and last update times")
    public void theMembershipCarriesItsTimes() {
        ChannelMembership membership = answered(DescribeChannelMembershipResponse.class, "ChannelMembership");
        Expect.present("the membership's creation time", membership.createdTimestamp());
        Expect.present("the membership's last update time", membership.lastUpdatedTimestamp());
    }

    @Then("the batch added exactly {actorList}")
    public void theBatchAddedExactly(List<String> actors) {
        Expect.assertExactlyTheseUsers(world, "the members the batch added", batchMembers(), actors, true);
    }

    /** MEMB-011 and ERR-011: one entry per failure, with the member, a documented ErrorCode and a message. */
    @Then("the batch reports {actorList} as failed, each with an error code and a message")
    public void theBatchReportsAsFailed(List<String> actors) {
        List<BatchCreateChannelMembershipError> errors = batchErrors();
        List<String> failed = errors.stream().map(BatchCreateChannelMembershipError::memberArn).sorted().toList();
        List<String> expected = actors.stream().map(world::actor).sorted().toList();
        assertThat("the members the batch reports as failed (" + Expect.namesOf(world, failed) + ")",
                failed, equalTo(expected));
        for (BatchCreateChannelMembershipError error : errors) {
            String who = world.actorNameOf(error.memberArn());
            assertThat("the error code for " + who, error.errorCodeAsString(), notNullValue());
            assertThat("the error code for " + who + " (" + error.errorCodeAsString() + ") is a documented ErrorCode",
                    error.errorCode(), not(equalTo(ErrorCode.UNKNOWN_TO_SDK_VERSION)));
            assertThat("the error message for " + who, error.errorMessage(), not(emptyOrNullString()));
        }
    }

    @Then("the batch reports {actor} as added and not as failed")
    public void theBatchReportsAsAdded(String actor) {
        Expect.assertInclusion(world, "the members the batch added", batchMembers(), actor, true);
        assertNotAmongFailures(actor);
    }

    @Then("the batch reports {actor} as failed and not as added")
    public void theBatchReportsAsFailedNotAdded(String actor) {
        List<String> failed = batchErrors().stream().map(BatchCreateChannelMembershipError::memberArn).toList();
        assertThat("the members the batch reports as failed (" + Expect.namesOf(world, failed) + ")",
                failed.contains(world.actor(actor)), equalTo(true));
        Expect.assertInclusion(world, "the members the batch added", batchMembers(), actor, false);
    }

    @Then("the batch reports the membership type {word}")
    public void theBatchReportsTheType(String type) {
        assertThat("the membership type of the batch", batch().typeAsString(), equalTo(type));
    }

    @Then("the batch shows {actor} as the inviter")
    public void theBatchShowsTheInviter(String actor) {
        Expect.assertIdentity(world, "the inviter of the batch", batch().invitedBy(), actor);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** The membership as Ada describes it, or null when the service answers NotFoundException. */
    ChannelMembership membership(String actor, String channel) {
        try {
            return api.about("DescribeChannelMembership", channel, actor)
                    .<DescribeChannelMembershipResponse>send(World.ADMIN).channelMembership();
        } catch (NotFoundException none) {
            return null;
        }
    }

    private void batch(String actor, List<String> members, String channel, String type) {
        api.canonical("BatchCreateChannelMembership", channel, null)
                .with("MemberArns", members.stream().map(world::actor).toList()).with("Type", type).attempt(actor);
    }

    private Driver.Call list(String channel, String type) {
        return api.canonical("ListChannelMemberships", channel, null).with("Type", type);
    }

    private BatchChannelMemberships batch() {
        return answered(BatchCreateChannelMembershipResponse.class, "BatchChannelMemberships");
    }

    private List<Identity> batchMembers() {
        return batch().members();
    }

    private List<BatchCreateChannelMembershipError> batchErrors() {
        return world.outcome().response(BatchCreateChannelMembershipResponse.class).errors();
    }

    private void assertNotAmongFailures(String actor) {
        String arn = world.actor(actor);
        if (batchErrors().stream().anyMatch(e -> arn.equals(e.memberArn()))) {
            throw new AssertionError(actor + " was added but is also reported as failed");
        }
    }
}
