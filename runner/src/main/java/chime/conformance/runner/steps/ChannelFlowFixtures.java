package chime.conformance.runner.steps;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.Processor;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;

/**
 * What the flow, status, tag, error and raw-HTTP steps share about channel flows and messages within one
 * scenario: the processors of known behaviour, the channels whose messages go through a flow, the
 * invocations the target's probe saw, and the IDs of messages by the text a feature quotes.
 */
final class ChannelFlowFixtures {

    /** Unless a step says otherwise, a processor falls back to ABORT, so that a failure cannot pass unseen. */
    static final FallbackAction DEFAULT_FALLBACK = FallbackAction.ABORT;

    private static final String FLOW_CHANNELS = "flows.channels";

    private ChannelFlowFixtures() {
    }

    /** The Lambda ARN of the target's processor with that behaviour. */
    static String processorArn(World world, ProcessorBehaviour behaviour) {
        return world.target().processorArn(behaviour).orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " has no " + behaviour.key() + " processor; the scenario should"
                + " require the capability flow-processors"));
    }

    /** A processor as the kit sends it: named after its behaviour, invoked ASYNC. */
    static Processor processor(World world, ProcessorBehaviour behaviour, int order, FallbackAction fallback) {
        return Processor.builder()
                .name(behaviour.key())
                .configuration(c -> c.lambda(l -> l.resourceArn(processorArn(world, behaviour))
                        .invocationType(InvocationType.ASYNC)))
                .executionOrder(order)
                .fallbackAction(fallback)
                .build();
    }

    static Processor processor(World world, ProcessorBehaviour behaviour) {
        return processor(world, behaviour, 1, DEFAULT_FALLBACK);
    }

    /** Creates a flow in the given AppInstance, as the developer; returns its ARN. */
    static String createFlow(World world, String appInstanceArn, String name, List<Processor> processors) {
        return world.messaging().createChannelFlow(r -> r
                .appInstanceArn(appInstanceArn)
                .name(name)
                .processors(processors)
                .clientRequestToken(UUID.randomUUID().toString())).channelFlowArn();
    }

    /** Associates a flow with a channel through Ada, so that the stage never depends on association rights. */
    static void associate(World world, String channel, String flow) {
        String channelArn = world.channel(channel);
        String flowArn = world.flow(flow);
        String admin = world.actor(World.ADMIN);
        world.messaging().associateChannelFlow(r -> r.channelArn(channelArn).channelFlowArn(flowArn)
                .chimeBearer(admin));
        flowChannels(world).add(channelArn);
    }

    /** The ARNs of the channels this scenario associated with a flow: where invocations are looked for. */
    static Set<String> flowChannels(World world) {
        Set<String> channels = world.note(FLOW_CHANNELS);
        if (channels == null) {
            channels = new LinkedHashSet<>();
            world.note(FLOW_CHANNELS, channels);
        }
        return channels;
    }

    static ProcessorProbe probe(World world) {
        return world.target().processorProbe().orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " cannot show processor invocations; the scenario should require"
                + " the capability processor-inspection"));
    }

    /** Every invocation so far, in the channels that go through a flow, oldest first. */
    static List<ProcessorProbe.Invocation> invocations(World world) {
        ProcessorProbe probe = probe(world);
        List<ProcessorProbe.Invocation> all = new ArrayList<>();
        for (String channelArn : flowChannels(world)) {
            all.addAll(probe.invocationsFor(channelArn));
        }
        return all;
    }

    /** The latest invocation that carried {@code content}, waiting for it up to the consistency bound. */
    static ProcessorProbe.Invocation invocationOf(World world, String content) {
        List<ProcessorProbe.Invocation> seen = world.eventually(() -> invocations(world),
                list -> list.stream().anyMatch(i -> content.equals(i.content())));
        ProcessorProbe.Invocation found = null;
        for (ProcessorProbe.Invocation invocation : seen) {
            if (content.equals(invocation.content())) {
                found = invocation;
            }
        }
        if (found == null) {
            throw new AssertionError("the processor never received \"" + content + "\"; it received "
                    + seen.stream().map(i -> "\"" + i.content() + "\"").toList());
        }
        return found;
    }

    /**
     * The ID of the message a feature quotes: one a Given step remembered, or else the one the When step
     * just sent (a send step need not remember what it sent).
     */
    static String messageId(World world, String label) {
        try {
            return world.message(label);
        } catch (HarnessException notRemembered) {
            Outcome outcome = world.outcome();
            if (outcome.response() instanceof SendChannelMessageResponse sent && sent.messageId() != null) {
                world.rememberMessage(label, sent.messageId());
                return sent.messageId();
            }
            throw notRemembered;
        }
    }

    /** The AppInstance an actor belongs to, read from the ARN of their AppInstanceUser. */
    static String appInstanceOf(World world, String actor) {
        String userArn = world.actor(actor);
        int user = userArn.indexOf("/user/");
        if (user < 0) {
            throw new HarnessException("cannot tell the AppInstance of " + actor + " from " + userArn);
        }
        return userArn.substring(0, user);
    }
}
