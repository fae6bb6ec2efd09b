package chime.conformance.reference.core.model;

import chime.conformance.reference.core.idempotency.IdempotencyCache;

import java.util.List;

/**
 * What SendChannelMessage and UpdateChannelMessage answer: ChannelArn, MessageId and Status. An idempotency
 * record of a send goes when its channel or its message is deleted.
 */
public record MessageReceipt(String channelArn, String messageId, MessageStatus status)
        implements IdempotencyCache.CreatedResource {

    @Override
    public String resourceId() {
        return messageId;
    }

    @Override
    public List<String> parents() {
        return List.of(channelArn);
    }
}
