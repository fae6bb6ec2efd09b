package chime.conformance.runner.world;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * The channel flows of one scenario, as the flow, status, tag, error, size, idempotency, paging and
 * permission steps set them up: the processors of known behaviour the target provides, flows made of
 * them, the channels whose messages go through a flow, and the invocations the target's probe saw there.
 * One per scenario, injected by PicoContainer. A flow names a Lambda function the target must know, so
 * every scenario that makes one carries {@code @requires:flow-processors}.
 */
public class ChannelFlowFixtures {

    /** Unless a step says otherwise, a processor falls back to ABORT, so that a failure cannot pass unseen. */
    public static final FallbackAction DEFAULT_FALLBACK = FallbackAction.ABORT;

    /** How the never-run stand-in functions are named: followed by the behaviour's key. */
    public static final String UNUSED_FUNCTION_PREFIX = "chime-conformance-not-run-";

    private final World world;
    /** The ARNs of the channels this scenario associated with a flow: where invocations are looked for. */
    private final Set<String> flowChannels = new LinkedHashSet<>();
    /** The behaviours the scenario named for a processor, required or not. */
    private final Set<ProcessorBehaviour> named = java.util.EnumSet.noneOf(ProcessorBehaviour.class);
    /** The never-run ARNs handed out, with the behaviour each stands for. */
    private final java.util.Map<String, ProcessorBehaviour> unused = new java.util.LinkedHashMap<>();
    /** Every processor ARN handed out, the target's and the never-run ones: whose invocations are looked for. */
    private final Set<String> handedOut = new LinkedHashSet<>();

    private final Driver api;

    /** Made by the scenario's {@link Driver}, through which it creates and associates flows. */
    public ChannelFlowFixtures(Driver api) {
        this.api = api;
        this.world = api.world();
    }

    /**
     * The Lambda ARN for a processor with that behaviour: the target's when the scenario requires the
     * behaviour, else a well-formed ARN of a function that does not run ({@link #unusedArn}).
     */
    public String processorArn(ProcessorBehaviour behaviour) {
        named.add(behaviour);
        Capability needed = Capability.of(behaviour);
        if (!world.declares(needed)) {
            return unusedArn(behaviour);
        }
        String arn = world.target().processorArn(behaviour).orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " declares " + needed.tag() + " but gives no ARN for it"));
        handedOut.add(arn);
        return arn;
    }

    /**
     * A Lambda ARN in the partition, region and account of the scenario's AppInstance, named after the
     * behaviour, of a function the kit never deploys: for flows that are only managed, never run.
     */
    public String unusedArn(ProcessorBehaviour behaviour) {
        String[] parts = world.appInstanceArn().split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new HarnessException("cannot tell the region and account of the AppInstance "
                    + world.appInstanceArn());
        }
        String arn = "arn:" + parts[1] + ":lambda:" + parts[3] + ":" + parts[4] + ":function:"
                + UNUSED_FUNCTION_PREFIX + behaviour.key();
        unused.put(arn, behaviour);
        handedOut.add(arn);
        return arn;
    }

    /**
     * The behaviours the scenario declares ({@code @requires:processor:X}) but never named in a flow: a tag
     * that makes the scenario NOT_APPLICABLE on targets without the behaviour for nothing.
     */
    public Set<ProcessorBehaviour> declaredButUnused() {
        Set<ProcessorBehaviour> unusedDeclared = new LinkedHashSet<>();
        for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
            if (world.declares(Capability.of(b)) && !named.contains(b)) {
                unusedDeclared.add(b);
            }
        }
        return unusedDeclared;
    }

    /**
     * The behaviours whose never-run stand-in the service invoked in this scenario: the scenario runs them
     * without requiring them, so a target lacking them would fail it rather than find it not applicable.
     * Empty on targets that cannot show invocations.
     */
    public Set<ProcessorBehaviour> undeclaredUses() {
        Set<ProcessorBehaviour> used = new LinkedHashSet<>();
        if (unused.isEmpty() || world.target().processorProbe().isEmpty()) {
            return used;
        }
        ProcessorProbe probe = world.target().processorProbe().get();
        for (java.util.Map.Entry<String, ProcessorBehaviour> standIn : unused.entrySet()) {
            for (String channelArn : world.channelArns()) {
                if (!probe.invocations(standIn.getKey(), channelArn).isEmpty()) {
                    used.add(standIn.getValue());
                }
            }
        }
        return used;
    }

    /** A processor as the kit sends it: named after its behaviour, invoked ASYNC. */
    public Processor processor(ProcessorBehaviour behaviour, int order, FallbackAction fallback) {
        return Processor.builder()
                .name(behaviour.key())
                .configuration(c -> c.lambda(l -> l.resourceArn(processorArn(behaviour))
                        .invocationType(InvocationType.ASYNC)))
                .executionOrder(order)
                .fallbackAction(fallback)
                .build();
    }

    /** The processor with that behaviour, first in its flow, falling back to {@link #DEFAULT_FALLBACK}. */
    public Processor processor(ProcessorBehaviour behaviour) {
        return processor(behaviour, 1, DEFAULT_FALLBACK);
    }

    /** The processors of a flow that only has to exist: the pass-through processor alone. */
    public List<Processor> passThrough() {
        return List.of(processor(ProcessorBehaviour.PASS_THROUGH));
    }

    /** Creates a flow with the pass-through processor in the scenario's AppInstance, as the developer. */
    public String createFlow(String name) {
        return createFlow(world.appInstanceArn(), name, passThrough());
    }

    /** Creates a flow in the given AppInstance, as the developer; returns its ARN. */
    public String createFlow(String appInstanceArn, String name, List<Processor> processors) {
        return api.call("CreateChannelFlow").with("AppInstanceArn", appInstanceArn).with("Name", name)
                .with("Processors", processors).<CreateChannelFlowResponse>send(World.DEVELOPER).channelFlowArn();
    }

    /** Associates a flow with a channel through Ada, so that the stage never depends on association rights. */
    public void associate(String channel, String flow) {
        api.canonical("AssociateChannelFlow", channel, flow).send(World.ADMIN);
        flowChannels.add(world.channel(channel));
    }

    /**
     * Disassociates a flow from a channel through Ada. The channel stays among those where invocations are
     * looked for, so that a step can tell the processor is no longer invoked there.
     */
    public void disassociate(String channel, String flow) {
        api.canonical("DisassociateChannelFlow", channel, flow).send(World.ADMIN);
    }

    /**
     * "before the processor answers": the read a step just made ended before the slow-pass-through processor
     * can have answered the last message (or edit) the scenario sent to a channel flow. That processor waits the
     * delay the target states before it answers, and cannot have been invoked before the request was made;
     * a read that ends sooner saw the message still being processed. A later one cannot tell: the kit, not the
     * target, is then at fault (the target states too short a delay for this machine), and the scenario is an
     * error.
     */
    public void requireBeforeTheSlowProcessorAnswers() {
        long ended = System.nanoTime();
        if (!world.declares(Capability.PROCESSOR_SLOW_PASS_THROUGH)) {
            throw new HarnessException("\"before the processor answers\" needs the slow-pass-through processor:"
                    + " tag the scenario @requires:processor:slow-pass-through");
        }
        java.time.Duration delay = world.target().slowProcessorDelay().orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " states no delay for its slow-pass-through processor"));
        long submitted = world.expectations().lastSubmittedToFlow().orElseThrow(() -> new HarnessException(
                "\"before the processor answers\": the scenario sent nothing to a channel flow"));
        java.time.Duration took = java.time.Duration.ofNanos(ended - submitted);
        if (took.compareTo(delay) >= 0) {
            throw new HarnessException("the read ended " + took.toMillis() + " ms after the message went to the"
                    + " flow, not within the slow-pass-through processor's delay of " + delay.toMillis() + " ms:"
                    + " it may have seen the message processed. State a longer delay for the target"
                    + " (slowProcessorDelay)");
        }
    }

    private ProcessorProbe probe() {
        return world.target().processorProbe().orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " cannot show processor invocations; the scenario should require"
                + " the capability processor-inspection"));
    }

    /**
     * Every invocation so far of the processors the scenario named, in the channels that go through a flow,
     * oldest first.
     */
    public List<ProcessorProbe.Invocation> invocations() {
        List<ProcessorProbe.Invocation> all = new ArrayList<>();
        for (String channelArn : flowChannels) {
            all.addAll(invocationsIn(channelArn));
        }
        all.sort(java.util.Comparator.comparingLong(ProcessorProbe.Invocation::sequence));
        return all;
    }

    /** Every invocation so far of the processors the scenario named, for messages of one channel, oldest first. */
    public List<ProcessorProbe.Invocation> invocationsIn(String channelArn) {
        ProcessorProbe probe = probe();
        List<ProcessorProbe.Invocation> all = new ArrayList<>();
        for (String processorArn : handedOut) {
            all.addAll(probe.invocations(processorArn, channelArn));
        }
        all.sort(java.util.Comparator.comparingLong(ProcessorProbe.Invocation::sequence));
        // Whatever the step looks for, every invocation it sees must carry the documented event.
        world.expectations().checkInvocations(channelArn, all);
        return all;
    }

    /** The latest invocation that carried {@code content}, waiting for it up to the consistency bound. */
    public ProcessorProbe.Invocation invocationOf(String content) {
        List<ProcessorProbe.Invocation> seen = world.eventually(this::invocations,
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
}
