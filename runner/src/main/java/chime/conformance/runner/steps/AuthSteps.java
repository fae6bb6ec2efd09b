package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Who may make a request: the ChimeBearer (AUTH-001, AUTH-002) and the developer APIs that take none
 * (AUTH-004). Who may do what with messages and channel flows (AUTH-005 to AUTH-008, AUTH-017, AUTH-020)
 * is said with the message and flow steps.
 */
public class AuthSteps extends Steps {

    private Map<String, Object> stateBefore;

    public AuthSteps(Driver api) {
        super(api);
    }

    // ---- AUTH-001 and AUTH-004: requests without a ChimeBearer ----------------------------------------------

    /**
     * Calls the operation's canonical request for the channel with ChimeBearer left out (the SDK sends no
     * header). It acts on the roles the scenario set up: Bob the member, Mallory the banned user, Alice the
     * moderator and the latest message; developer APIs take no ChimeBearer at all.
     */
    @When("{word} is called for {channel} without a ChimeBearer")
    public void isCalledWithoutABearer(String operation, String channel) {
        isCalledForTheChannelAndFlowWithoutABearer(operation, channel, null);
    }

    @When("{word} is called for {channel} and the channel flow {flow} without a ChimeBearer")
    public void isCalledForTheChannelAndFlowWithoutABearer(String operation, String channel, String flow) {
        stateBefore = stateOf(channel);
        api.canonical(operation, channel, flow).anonymous().attempt("nobody");
    }

    /** AUTH-004: the channel-flow developer APIs; their SDK requests have no ChimeBearer at all. */
    @When("{word} is called for the channel flow {flow} without a ChimeBearer")
    public void isCalledForTheFlowWithoutABearer(String operation, String flow) {
        api.canonical(operation, null, flow).anonymous().attempt("nobody");
    }

    /** AUTH-001: "changes no state", as Ada, the AppInstanceAdmin, sees the channel and the AppInstance. */
    @Then("{channel} is as it was before the request")
    public void isAsItWasBefore(String channel) {
        Map<String, Object> after = stateOf(channel);
        stateBefore.forEach((what, before) -> assertThat(what, after.get(what), equalTo(before)));
    }

    // ---- AUTH-002: a ChimeBearer that names nobody ----------------------------------------------------------

    @When("{channel} is described with the ChimeBearer {string}")
    public void isDescribedWithTheBearer(String channel, String bearer) {
        api.canonical("DescribeChannel", channel, null).with("ChimeBearer", bearer)
                .attempt("a caller with an unknown ChimeBearer");
    }

    /** A well-formed AppInstanceUser ARN in the scenario's AppInstance, for a user never created. */
    @When("{channel} is described with a ChimeBearer that names no AppInstanceUser")
    public void isDescribedWithAnUnknownBearer(String channel) {
        isDescribedWithTheBearer(channel, world.appInstanceArn() + "/user/nobody-" + world.ids().token());
    }

    /** An ARN-shaped ChimeBearer padded to the given length. */
    @When("{channel} is described with a ChimeBearer of {int} characters")
    public void isDescribedWithABearerOfLength(String channel, int length) {
        String prefix = world.appInstanceArn() + "/user/";
        if (length < prefix.length() + 1) {
            throw new HarnessException("a ChimeBearer of " + length + " characters cannot name a user");
        }
        isDescribedWithTheBearer(channel, prefix + "u".repeat(length - prefix.length()));
    }

    /** What a request could change about a channel and its AppInstance, as Ada sees it. */
    private Map<String, Object> stateOf(String channel) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("the channel described", api.canonical("DescribeChannel", channel, null)
                .<DescribeChannelResponse>send(World.ADMIN).channel());
        state.put("its members", ids("ListChannelMemberships", channel, "Type", "DEFAULT"));
        state.put("its hidden members", ids("ListChannelMemberships", channel, "Type", "HIDDEN"));
        state.put("its moderators", ids("ListChannelModerators", channel, null, null));
        state.put("its bans", ids("ListChannelBans", channel, null, null));
        state.put("its messages", api.canonical("ListChannelMessages", channel, null)
                .<ChannelMessageSummary>items(World.ADMIN).stream().map(m -> m.messageId() + " " + m.content()
                        + " redacted=" + m.redacted() + " edited=" + m.lastEditedTimestamp()).sorted().toList());
        state.put("the public channels of the AppInstance", ids("ListChannels", channel, "Privacy", "PUBLIC"));
        state.put("the private channels of the AppInstance", ids("ListChannels", channel, "Privacy", "PRIVATE"));
        return state;
    }

    private List<String> ids(String operation, String channel, String filter, String value) {
        Driver.Call list = api.canonical(operation, channel, null);
        return (filter == null ? list : list.with(filter, value)).items(World.ADMIN).stream()
                .map(Members::id).sorted().toList();
    }
}
