package chime.conformance.runner.steps;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.World;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every step class works with: the API driver, and through it the scenario's world, its messages and its
 * channel flows. Not a step class itself; no step class uses another.
 */
abstract class Steps {

    protected final Driver api;
    protected final World world;
    protected final MessageLedger ledger;
    protected final ChannelFlowFixtures flows;

    Steps(Driver api) {
        this.api = api;
        this.world = api.world();
        this.ledger = api.ledger();
        this.flows = api.flows();
    }

    /**
     * What the When step's response holds in the member (ChannelMembership, ChannelBan, BatchChannelMemberships
     * ...), asserting the call succeeded with a response of that type and the member is there.
     */
    @SuppressWarnings("unchecked")
    protected <T> T answered(Class<? extends SdkResponse> response, String member) {
        Object value = Members.get(world.outcome().response(response), member);
        assertThat(member + " in the " + response.getSimpleName(), value, notNullValue());
        return (T) value;
    }

    /** The users the When step's list names: the member (Member, Moderator) of each item. */
    protected List<Identity> listedUsers(Class<? extends SdkResponse> response, String member) {
        return usersOf(Members.items(world.outcome().response(response)), member);
    }

    /** The users a list names (in the member of each item), the whole list as Ada, the AppInstanceAdmin, reads it. */
    protected List<Identity> usersIn(Driver.Call list, String member) {
        return usersOf(list.items(World.ADMIN), member);
    }

    /**
     * Posts as a Given step: the canonical SendChannelMessage (STANDARD, PERSISTENT, a new client request token)
     * with the label as its content, as {@code change} leaves it; spaced after the last timed write. The call
     * must succeed, and the ledger remembers the message under its label.
     */
    protected String post(String actor, String channel, String label, UnaryOperator<Driver.Call> change) {
        SendChannelMessageRequest sent = (SendChannelMessageRequest) change.apply(
                api.canonical("SendChannelMessage", channel, null).with("Content", label)).request(actor);
        String id = ledger.timed(() -> api.<SendChannelMessageResponse>send(sent)).messageId();
        ledger.posted(actor, channel, label, sent, id);
        return id;
    }

    private static List<Identity> usersOf(List<?> items, String member) {
        return items.stream().map(item -> (Identity) Members.get((SdkPojo) item, member)).toList();
    }
}
