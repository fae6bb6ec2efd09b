package chime.conformance.reference.core.flow;

import chime.conformance.reference.core.CoreContext;
import chime.conformance.reference.core.model.Caller;
import chime.conformance.reference.core.state.ChannelState;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.FallbackAction;
import chime.conformance.reference.core.model.InvocationType;
import chime.conformance.reference.core.model.Processor;
import chime.conformance.reference.core.model.ProcessorSpec;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.paging.KeyCodec;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.tag.TagStore;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.validation.Check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Channel flows: CreateChannelFlow, UpdateChannelFlow, DeleteChannelFlow, DescribeChannelFlow,
 * ListChannelFlows, ListChannelsAssociatedWithChannelFlow (developer APIs without a bearer, AUTH-004),
 * AssociateChannelFlow and DisassociateChannelFlow (bearer operations, MOD or ADMIN only: AUTH-005,
 * AUTH-006).
 */
public final class ChannelFlowOperations {

    /** The documentation: "At this point, we support only 1 processor within a flow." (FLOW-002) */
    public static final int DOCUMENTED_PROCESSORS_PER_FLOW = 1;
    /** The service model: ProcessorList takes 1 to 3 items. */
    public static final int MODELED_PROCESSORS_PER_FLOW = 3;

    private final CoreContext ctx;
    private final FlowStore flows;
    private final int maxProcessors;

    public ChannelFlowOperations(CoreContext ctx, FlowStore flows, int maxProcessors) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.flows = Objects.requireNonNull(flows, "flows");
        if (maxProcessors < DOCUMENTED_PROCESSORS_PER_FLOW || maxProcessors > MODELED_PROCESSORS_PER_FLOW) {
            throw new IllegalArgumentException("processors per flow must be 1 to 3");
        }
        this.maxProcessors = maxProcessors;
    }

    /**
     * FLOW-001 to FLOW-004. The AppInstance must exist (NotFound). ClientRequestToken is required and not
     * filled in by SDKs (IDEM-005); the same token and parameters give the same flow, other parameters are a
     * ConflictException (IDEM-006).
     */
    public String create(String appInstanceArn, List<ProcessorSpec> processors, String name, List<Tag> tags,
                         String clientRequestToken) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        List<Processor> valid = processors(processors);
        Check.resourceName(name, "Name");
        List<Tag> validTags = TagStore.validate(tags, false);
        Check.clientRequestToken(clientRequestToken);
        if (ctx.directory().appInstance(appInstanceArn) == null) {
            throw ApiError.notFound("AppInstance " + appInstanceArn + " does not exist");
        }
        return ctx.idempotency().once(List.of("CreateChannelFlow", appInstanceArn, clientRequestToken),
                Arrays.asList(valid, name, validTags), () -> {
                    return flows.associations(() -> { // one at a time: the count cannot pass the quota
                        ServiceQuotas.require(flows.flowsOf(appInstanceArn).size(),
                                ctx.quotas().channelFlowsPerAppInstance(), "channel flows per AppInstance");
                        Instant now = ctx.clock().now();
                        ChannelFlow flow = new ChannelFlow(ctx.ids().newChannelFlowArn(appInstanceArn), appInstanceArn,
                                name, valid, now, now, ctx.nextInCreationOrder());
                        ctx.tags().create(flow.channelFlowArn(), validTags);
                        flows.add(flow);
                        return flow.channelFlowArn();
                    });
                });
    }

    /**
     * FLOW-013, FLOW-014: Name and Processors are replaced wholesale; LastUpdatedTimestamp advances; messages
     * sent afterwards to associated channels use the new processors. Allowed while associated (kit decision).
     */
    public String update(String channelFlowArn, List<ProcessorSpec> processors, String name) {
        Check.arn(channelFlowArn, "ChannelFlowArn");
        List<Processor> valid = processors(processors);
        Check.resourceName(name, "Name");
        return flows.associations(() -> {
            ChannelFlow flow = require(channelFlowArn);
            flows.replace(new ChannelFlow(channelFlowArn, flow.appInstanceArn(), name, valid, flow.createdTimestamp(),
                    ctx.clock().strictlyAfter(flow.lastUpdatedTimestamp()), flow.sequence()));
            return channelFlowArn;
        });
    }

    /** FLOW-010, FLOW-011: only once no channel is associated (ConflictException otherwise); irreversible. */
    public void delete(String channelFlowArn) {
        Check.arn(channelFlowArn, "ChannelFlowArn");
        flows.associations(() -> {
            ChannelFlow flow = require(channelFlowArn);
            if (!ctx.channels().channelsOfFlow(channelFlowArn).isEmpty()) {
                throw ApiError.conflict("The channel flow is still associated with channels");
            }
            flows.remove(flow);
            ctx.channels().forgetFlow(channelFlowArn);
            ctx.tags().forget(channelFlowArn);
            ctx.idempotency().forget(flow.channelFlowArn());
            return null;
        });
    }

    /** FLOW-012. Unknown or deleted: NotFound (ERR-004). */
    public ChannelFlow describe(String channelFlowArn) {
        Check.arn(channelFlowArn, "ChannelFlowArn");
        return require(channelFlowArn);
    }

    /** FLOW-015: the flows of one AppInstance, in creation order. */
    public Page<ChannelFlow> list(String appInstanceArn, Integer maxResults, String nextToken) {
        Check.arn(appInstanceArn, "AppInstanceArn");
        if (ctx.directory().appInstance(appInstanceArn) == null) {
            throw ApiError.notFound("AppInstance " + appInstanceArn + " does not exist");
        }
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListChannelFlows|" + appInstanceArn, nextToken, maxResults,
                KeyCodec.LONG);
        return ctx.paging().page(flows.flowsOf(appInstanceArn), cursor, KeyCodec.LONG, flows::find);
    }

    /** FLOW-007, FLOW-016: exactly the associated channels. */
    public Page<Channel> listChannelsAssociated(String channelFlowArn, Integer maxResults, String nextToken) {
        Check.arn(channelFlowArn, "ChannelFlowArn");
        require(channelFlowArn);
        Paging.Cursor<Long> cursor = ctx.paging().cursor("ListChannelsAssociatedWithChannelFlow|" + channelFlowArn,
                nextToken, maxResults, KeyCodec.LONG);
        return ctx.paging().page(ctx.channels().channelsOfFlow(channelFlowArn), cursor, KeyCodec.LONG, channelArn -> {
            ChannelState state = ctx.channels().find(channelArn);
            return state == null ? null : state.channel();
        });
    }

    /**
     * FLOW-006, FLOW-007, FLOW-028, AUTH-005. MOD or ADMIN only. An unknown flow is NotFound; a flow of another
     * AppInstance is a BadRequestException (kit decision). A channel has at most one flow: another flow is a
     * ConflictException; the same flow again is an idempotent success (kit decision).
     */
    public void associate(String chimeBearer, String channelArn, String channelFlowArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(channelFlowArn, "ChannelFlowArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "associate a channel flow");
            return flows.associations(() -> {
                ChannelFlow flow = require(channelFlowArn);
                if (!flow.appInstanceArn().equals(state.appInstanceArn())) {
                    throw ApiError.badRequest("The channel flow belongs to another AppInstance");
                }
                Channel channel = state.channel();
                if (channelFlowArn.equals(channel.channelFlowArn())) {
                    return null;
                }
                if (channel.channelFlowArn() != null) {
                    throw ApiError.conflict("The channel is already associated with another channel flow");
                }
                state.update(channel.withChannelFlowArn(channelFlowArn));
                ctx.channels().associate(state, channelFlowArn);
                return null;
            });
        });
    }

    /**
     * FLOW-008, FLOW-009, AUTH-006. MOD or ADMIN only. Only the channel in the request is disassociated (kit
     * decision); a flow that is unknown or not associated with this channel is NotFound.
     */
    public void disassociate(String chimeBearer, String channelArn, String channelFlowArn) {
        Check.arn(channelArn, "ChannelArn");
        Check.arn(channelFlowArn, "ChannelFlowArn");
        Caller caller = ctx.access().bearer(chimeBearer);
        ChannelState state = ctx.access().channel(caller, channelArn);
        state.locked(() -> {
            ctx.access().requireModeratorOrAdmin(caller, state, "disassociate a channel flow");
            return flows.associations(() -> {
                require(channelFlowArn);
                Channel channel = state.channel();
                if (!channelFlowArn.equals(channel.channelFlowArn())) {
                    throw ApiError.notFound("The channel is not associated with this channel flow");
                }
                state.update(channel.withChannelFlowArn(null));
                ctx.channels().disassociate(state, channelFlowArn);
                return null;
            });
        });
    }

    /** Removes the flows of a deleted AppInstance (its channels are already gone). */
    public void forgetAppInstance(String appInstanceArn) {
        flows.associations(() -> {
            for (ChannelFlow flow : flows.allOf(appInstanceArn)) {
                flows.remove(flow);
                ctx.channels().forgetFlow(flow.channelFlowArn());
                ctx.tags().forget(flow.channelFlowArn());
            }
            return null;
        });
    }

    /**
     * FLOW-002 to FLOW-004. Every processor member is required; InvocationType is ASYNC only; ExecutionOrder
     * is 1 to 3 and unique within the flow (a duplicate is a BadRequestException, kit decision); the number
     * of processors is limited to 1 as documented, or to the model's 3 when the service is configured so.
     */
    private List<Processor> processors(List<ProcessorSpec> specs) {
        Check.requiredValue(specs, "Processors");
        if (specs.isEmpty() || specs.size() > maxProcessors) {
            throw ApiError.badRequest("Processors must contain between 1 and " + maxProcessors + " processors");
        }
        List<Processor> processors = new ArrayList<>();
        Set<Integer> orders = new HashSet<>();
        for (ProcessorSpec spec : specs) {
            Check.requiredValue(spec, "Processors[]");
            Check.resourceName(spec.name(), "Processors[].Name");
            Check.requiredValue(spec.configuration(), "Processors[].Configuration");
            ProcessorSpec.Lambda lambda = Check.requiredValue(spec.configuration().lambda(),
                    "Processors[].Configuration.Lambda");
            String resourceArn = Check.required(lambda.resourceArn(), "Processors[].Configuration.Lambda.ResourceArn");
            Check.length(resourceArn, "Processors[].Configuration.Lambda.ResourceArn", 15, 2048);
            Check.pattern(resourceArn, "Processors[].Configuration.Lambda.ResourceArn", Check.LAMBDA_ARN);
            InvocationType invocationType = Check.enumValue(InvocationType.class, lambda.invocationType(),
                    "Processors[].Configuration.Lambda.InvocationType");
            Integer order = Check.requiredValue(spec.executionOrder(), "Processors[].ExecutionOrder");
            Check.rule(order >= 1 && order <= 3, "Processors[].ExecutionOrder must be between 1 and 3");
            Check.rule(orders.add(order), "Processors[].ExecutionOrder " + order + " is used more than once");
            FallbackAction fallback = Check.enumValue(FallbackAction.class, spec.fallbackAction(),
                    "Processors[].FallbackAction");
            processors.add(new Processor(spec.name(), resourceArn, invocationType, order, fallback));
        }
        return List.copyOf(processors);
    }

    private ChannelFlow require(String channelFlowArn) {
        ChannelFlow flow = flows.find(channelFlowArn);
        if (flow == null) {
            throw ApiError.notFound("Channel flow " + channelFlowArn + " does not exist");
        }
        return flow;
    }
}
