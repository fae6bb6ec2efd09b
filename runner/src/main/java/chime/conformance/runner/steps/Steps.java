package chime.conformance.runner.steps;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.World;

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
}
