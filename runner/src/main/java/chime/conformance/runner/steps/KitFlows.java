package chime.conformance.runner.steps;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.World;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.Processor;

/**
 * Channel flows that size, idempotency and paging scenarios need as plain resources: one pass-through
 * processor, never expected to run. Scenarios using them carry {@code @requires:flow-processors}, since a
 * flow names a Lambda function the target must know.
 */
final class KitFlows {

    private KitFlows() {
    }

    /** Creates a channel flow in the scenario's AppInstance; returns its ARN. */
    static String create(World world, String name) {
        return world.messaging().createChannelFlow(request(world, name, "pass-through", UUID.randomUUID().toString()))
                .channelFlowArn();
    }

    /** A complete CreateChannelFlow request; a null token is left out of the request. */
    static CreateChannelFlowRequest request(World world, String name, String processorName, String token) {
        return CreateChannelFlowRequest.builder()
                .appInstanceArn(world.appInstanceArn())
                .name(name)
                .processors(processors(world, processorName))
                .clientRequestToken(token)
                .build();
    }

    static List<Processor> processors(World world, String processorName) {
        return List.of(Processor.builder()
                .name(processorName)
                .configuration(c -> c.lambda(l -> l.resourceArn(lambdaArn(world)).invocationType(InvocationType.ASYNC)))
                .executionOrder(1)
                .fallbackAction(FallbackAction.CONTINUE)
                .build());
    }

    private static String lambdaArn(World world) {
        return world.target().processorArn(ProcessorBehaviour.PASS_THROUGH).orElseThrow(() -> new HarnessException(
                "target " + world.target().name() + " names no pass-through processor; tag the scenario"
                        + " @requires:flow-processors"));
    }
}
