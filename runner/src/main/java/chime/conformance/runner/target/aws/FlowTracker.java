package chime.conformance.runner.target.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowResponse;

/**
 * Notes every channel flow created through the target's clients, so that none outlives the run. Flows are
 * not part of an AppInstance's data (the service deletes channels with their AppInstance, not flows), and
 * scenarios name them as they like, so the kit cannot find them by name: it records them as they are made,
 * in the run's ledger and for the scenario running on this thread, which deletes its own when it ends (an
 * AppInstance holds only so many flows, and scenarios share one).
 *
 * <p>It only reads responses: requests go to the service exactly as the scenario wrote them.
 */
final class FlowTracker implements ExecutionInterceptor {

    private final ResourceLedger ledger;
    private final ThreadLocal<List<AwsResource>> scenarioFlows = ThreadLocal.withInitial(ArrayList::new);

    FlowTracker(ResourceLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        if (context.response() instanceof CreateChannelFlowResponse created && created.channelFlowArn() != null) {
            AwsResource flow = new AwsResource(AwsResource.Kind.CHANNEL_FLOW, created.channelFlowArn(),
                    created.channelFlowArn(), Instant.now());
            ledger.add(flow);
            scenarioFlows.get().add(flow);
        }
    }

    /** The flows created on this thread since the last call, which forgets them. */
    List<AwsResource> drainThisThread() {
        List<AwsResource> flows = List.copyOf(scenarioFlows.get());
        scenarioFlows.remove();
        return flows;
    }
}
