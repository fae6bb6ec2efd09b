package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.api.Driver;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Read markers (READ-001 to READ-005): UpdateChannelReadMarker, and the ReadMarkerTimestamp a member sees
 * in DescribeChannelMembershipForAppInstanceUser and ListChannelMembershipsForAppInstanceUser. Times are
 * compared with the creation times of messages, so that the service's clock is the only clock.
 */
public class ReadMarkerSteps extends Steps {

    public ReadMarkerSteps(Driver api) {
        super(api);
    }

    @Given("{actor} has marked {channel} as read")
    public void hasMarkedAsRead(String actor, String channel) {
        ledger.timed(() -> api.canonical("UpdateChannelReadMarker", channel, null).send(actor));
    }

    @When("{actor} marks {channel} as read")
    public void marksAsRead(String actor, String channel) {
        ledger.timed(() -> api.canonical("UpdateChannelReadMarker", channel, null).attempt(actor));
    }

    /** The member's own view of the membership: DescribeChannelMembershipForAppInstanceUser. */
    @When("{actor} looks up her/his membership of {channel}")
    public void looksUpTheirMembership(String actor, String channel) {
        api.about("DescribeChannelMembershipForAppInstanceUser", channel, actor).attempt(actor);
    }

    /** Every page of ListChannelMembershipsForAppInstanceUser, for the member's own ARN. */
    @When("{actor} lists her/his channel memberships with their read markers")
    public void listsTheirChannelMemberships(String actor) {
        api.about("ListChannelMembershipsForAppInstanceUser", null, actor).attemptWhole(actor);
    }

    @Then("the read marker update names the channel {channel}")
    public void theUpdateNamesTheChannel(String channel) {
        UpdateChannelReadMarkerResponse updated = world.outcome().response(UpdateChannelReadMarkerResponse.class);
        assertThat("ChannelArn", updated.channelArn(), equalTo(world.channel(channel)));
    }

    @Then("her/his read marker falls between the posting of {string} and the posting of {string}")
    public void theReadMarkerFallsBetween(String before, String after) {
        Instant marker = readMarker();
        Instant from = ledger.createdAt(before);
        Instant to = ledger.createdAt(after);
        assertThat("ReadMarkerTimestamp", marker, notNullValue());
        assertThat("ReadMarkerTimestamp, between the creation of \"" + before + "\" (" + from + ") and of \""
                + after + "\" (" + to + ")", marker, allOf(greaterThanOrEqualTo(from), lessThanOrEqualTo(to)));
    }

    @Then("her/his read marker is no earlier than the posting of {string}")
    public void theReadMarkerIsNoEarlierThan(String label) {
        Instant marker = readMarker();
        Instant posted = ledger.createdAt(label);
        assertThat("ReadMarkerTimestamp", marker, notNullValue());
        assertThat("ReadMarkerTimestamp, against the creation of \"" + label + "\" (" + posted + ")", marker,
                greaterThanOrEqualTo(posted));
    }

    @Then("the membership shows no read marker")
    public void theMembershipShowsNoReadMarker() {
        assertThat("ReadMarkerTimestamp", readMarker(), nullValue());
    }

    @Then("the listing shows a read marker for {channel} and none for {channel}")
    public void theListingShowsAReadMarkerForOneOnly(String marked, String unmarked) {
        List<ChannelMembershipForAppInstanceUserSummary> listed = Driver.itemsOf(world.outcome()
                .response(ListChannelMembershipsForAppInstanceUserResponse.class));
        assertThat("ReadMarkerTimestamp in " + marked, markerIn(listed, marked), notNullValue());
        assertThat("ReadMarkerTimestamp in " + unmarked, markerIn(listed, unmarked), nullValue());
    }

    private Instant readMarker() {
        ChannelMembershipForAppInstanceUserSummary membership = world.outcome()
                .response(DescribeChannelMembershipForAppInstanceUserResponse.class).channelMembership();
        assertThat("ChannelMembership", membership, notNullValue());
        AppInstanceUserMembershipSummary summary = membership.appInstanceUserMembershipSummary();
        return summary == null ? null : summary.readMarkerTimestamp();
    }

    private Instant markerIn(List<ChannelMembershipForAppInstanceUserSummary> listed, String channel) {
        String arn = world.channel(channel);
        ChannelMembershipForAppInstanceUserSummary membership = listed.stream()
                .filter(m -> m.channelSummary() != null && arn.equals(m.channelSummary().channelArn()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("\"" + channel + "\" is not among the channels listed"));
        AppInstanceUserMembershipSummary summary = membership.appInstanceUserMembershipSummary();
        return summary == null ? null : summary.readMarkerTimestamp();
    }
}
