package chime.conformance.reference.core.model;

/** What ChannelFlowCallback answers: ChannelArn and the CallbackId of the request (FLOW-023). */
public record CallbackReceipt(String channelArn, String callbackId) {
}
