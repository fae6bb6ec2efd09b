package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.model.CallbackReceipt;
import chime.conformance.reference.core.model.MessageCallback;

/**
 * The service's ChannelFlowCallback operation, as a processor sees it: the only way a processor answers.
 */
@FunctionalInterface
public interface FlowCallback {

    CallbackReceipt callback(String callbackId, String channelArn, boolean deleteResource, MessageCallback message);
}
