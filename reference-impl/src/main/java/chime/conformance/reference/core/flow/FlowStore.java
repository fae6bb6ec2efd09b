package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.model.ChannelFlow;

import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Channel flows, by ARN and per AppInstance in creation order. Associations live on the channels
 * (Channel.ChannelFlowArn) and in the channel registry's per-flow index; changes to them and flow deletion
 * run under {@link #associations}, taken after any channel lock, so a flow can never be deleted while a
 * channel is being associated with it (FLOW-010).
 */
public final class FlowStore {

    private static final ConcurrentSkipListMap<Long, String> NONE = new ConcurrentSkipListMap<>();

    private final ConcurrentHashMap<String, ChannelFlow> flows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, String>> byAppInstance = new ConcurrentHashMap<>();
    private final ReentrantLock associationLock = new ReentrantLock();

    public ChannelFlow find(String channelFlowArn) {
        return channelFlowArn == null ? null : flows.get(channelFlowArn);
    }

    public void add(ChannelFlow flow) {
        flows.put(flow.channelFlowArn(), flow);
        byAppInstance.computeIfAbsent(flow.appInstanceArn(), key -> new ConcurrentSkipListMap<>())
                .put(flow.sequence(), flow.channelFlowArn());
    }

    public void replace(ChannelFlow flow) {
        flows.replace(flow.channelFlowArn(), flow);
    }

    public void remove(ChannelFlow flow) {
        flows.remove(flow.channelFlowArn());
        flowsOf(flow.appInstanceArn()).remove(flow.sequence());
    }

    public NavigableMap<Long, String> flowsOf(String appInstanceArn) {
        return byAppInstance.getOrDefault(appInstanceArn, NONE);
    }

    public List<ChannelFlow> allOf(String appInstanceArn) {
        return flowsOf(appInstanceArn).values().stream().map(flows::get).filter(java.util.Objects::nonNull).toList();
    }

    public <T> T associations(Supplier<T> change) {
        associationLock.lock();
        try {
            return change.get();
        } finally {
            associationLock.unlock();
        }
    }
}
