package chime.conformance.reference.core.message;

import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMessage;

/**
 * The channel-flow side of sending and editing messages (FLOW-005, FLOW-017): which flow must process a
 * STANDARD message of a channel, and handing a message to it. Called under the channel's lock.
 */
public interface MessageProcessing {

    /** The flow associated with the channel, or null when messages go straight through (STAT-002). */
    ChannelFlow flowOf(ChannelState channel);

    /**
     * Starts processing {@code proposal} (a new message, or the new version of an edited one) through
     * {@code flow}. The processors run asynchronously; the outcome arrives through ChannelFlowCallback.
     */
    void start(ChannelState channel, ChannelFlow flow, ChannelMessage proposal, boolean update);

    /** No channel flows: every message is SENT at once. */
    MessageProcessing NONE = new MessageProcessing() {
        @Override
        public ChannelFlow flowOf(ChannelState channel) {
            return null;
        }

        @Override
        public void start(ChannelState channel, ChannelFlow flow, ChannelMessage proposal, boolean update) {
            throw new IllegalStateException("no channel flow can be associated");
        }
    };
}
