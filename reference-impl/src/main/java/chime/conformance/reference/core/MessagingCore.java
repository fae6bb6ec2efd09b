package chime.conformance.reference.core;

import chime.conformance.reference.core.auth.Access;
import chime.conformance.reference.core.channel.ChannelOperations;
import chime.conformance.reference.core.state.ChannelRegistry;
import chime.conformance.reference.core.flow.ChannelFlowOperations;
import chime.conformance.reference.core.flow.FlowEngine;
import chime.conformance.reference.core.flow.FlowStore;
import chime.conformance.reference.core.flow.ProcessorRegistry;
import chime.conformance.reference.core.state.Directory;
import chime.conformance.reference.core.identity.IdentityOperations;
import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.membership.MembershipOperations;
import chime.conformance.reference.core.message.MessageOperations;
import chime.conformance.reference.core.moderation.BanOperations;
import chime.conformance.reference.core.moderation.ModeratorOperations;
import chime.conformance.reference.core.paging.PageTokens;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.session.MessagingSessions;
import chime.conformance.reference.core.session.SessionHub;
import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import chime.conformance.reference.core.snapshot.StateSnapshots;
import chime.conformance.reference.core.support.FaultInjector;
import chime.conformance.reference.core.support.IdGenerator;
import chime.conformance.reference.core.support.Identifiers;
import chime.conformance.reference.core.support.ServiceClock;
import chime.conformance.reference.core.tag.TagOperations;
import chime.conformance.reference.core.tag.TagStore;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory Amazon Chime SDK Messaging service: the executable reading of the documentation, in plain
 * Java. Operations are grouped by the concept they act on; each group documents the rules it implements.
 * Thread-safe: every group may be called from many threads at once.
 */
public final class MessagingCore implements AutoCloseable {

    private final CoreContext ctx;
    private final FaultInjector faults = new FaultInjector();
    private final IdentityOperations identity;
    private final ChannelOperations channels;
    private final MembershipOperations memberships;
    private final ModeratorOperations moderators;
    private final BanOperations bans;
    private final MessageOperations messages;
    private final TagOperations tags;
    private final ProcessorRegistry processors;
    private final FlowEngine flowEngine;
    private final ChannelFlowOperations channelFlows;
    private final MessagingSessions sessions;
    private final StateSnapshots snapshots;

    /**
     * @param processorsPerFlow how many processors a channel flow may have: 1 as documented (FLOW-002), up to
     *                          the model's 3 to exercise multi-processor rules (FLOW-003, FLOW-027)
     */
    public MessagingCore(Clock clock, IdGenerator idGenerator, String region, String accountId, int processorsPerFlow) {
        this(clock, idGenerator, region, accountId, processorsPerFlow, IdempotencyCache.Retention.defaults(),
                ServiceQuotas.aws());
    }

    /**
     * @param idempotency how long, and how many, idempotency records are kept
     * @param quotas      the service quotas
     */
    public MessagingCore(Clock clock, IdGenerator idGenerator, String region, String accountId, int processorsPerFlow,
                         IdempotencyCache.Retention idempotency, ServiceQuotas quotas) {
        Directory directory = new Directory();
        ChannelRegistry registry = new ChannelRegistry();
        this.ctx = new CoreContext(new ServiceClock(clock), new Identifiers(idGenerator, region, accountId), directory,
                registry, new Access(directory, registry), new Paging(new PageTokens()),
                new IdempotencyCache(clock, idempotency), new TagStore(), new AtomicLong(), quotas, new SessionHub());
        this.sessions = new MessagingSessions(ctx);
        FlowStore flowStore = new FlowStore();
        this.processors = new ProcessorRegistry(region, accountId);
        this.flowEngine = new FlowEngine(ctx, flowStore, processors);
        this.channelFlows = new ChannelFlowOperations(ctx, flowStore, processorsPerFlow);
        this.identity = new IdentityOperations(ctx, channelFlows::forgetAppInstance);
        this.channels = new ChannelOperations(ctx);
        this.memberships = new MembershipOperations(ctx);
        this.moderators = new ModeratorOperations(ctx);
        this.bans = new BanOperations(ctx);
        this.messages = new MessageOperations(ctx, () -> flowEngine);
        this.tags = new TagOperations(ctx.tags(), arn -> registry.find(arn) != null || flowStore.find(arn) != null);
        this.snapshots = new StateSnapshots(ctx, flowStore);
    }

    public IdentityOperations identity() {
        return identity;
    }

    public ChannelOperations channels() {
        return channels;
    }

    public MembershipOperations memberships() {
        return memberships;
    }

    public ModeratorOperations moderators() {
        return moderators;
    }

    public BanOperations bans() {
        return bans;
    }

    public MessageOperations messages() {
        return messages;
    }

    public ChannelFlowOperations channelFlows() {
        return channelFlows;
    }

    /** ChannelFlowCallback: how processors answer (FLOW-020 to FLOW-024). */
    public FlowEngine flowEngine() {
        return flowEngine;
    }

    /** The Lambda processor doubles channel flows invoke, and the record of their invocations. */
    public ProcessorRegistry processors() {
        return processors;
    }

    /** Messaging sessions: what each connected AppInstanceUser receives (SESS rules). */
    public MessagingSessions sessions() {
        return sessions;
    }

    public TagOperations tags() {
        return tags;
    }

    /**
     * GetMessagingSessionEndpoint (ENDP-001 to ENDP-003): a bare host name, as the service gives it: the
     * Developer Guide says websocket URLs have the form {@code {id}.{region}.ws-messaging.chime.aws}, and
     * clients (the Amazon Chime SDK for JavaScript) add {@code wss://} themselves. The reference's host has
     * the same shape in the reserved {@code .invalid} domain, so that it can never reach a real host.
     */
    public String messagingSessionEndpoint() {
        return "reference." + ctx.ids().region() + ".ws-messaging.chime.invalid";
    }

    /**
     * Moves the service's one clock forward: every later timestamp, and every rule about elapsed time
     * (FLOW-030), sees that much more time passed. For tests; the clock never moves back.
     */
    public void advanceClock(java.time.Duration by) {
        ctx.clock().advance(by);
    }

    /** How many idempotency records the service keeps now (to observe that they stay bounded). */
    public int idempotencyRecords() {
        return ctx.idempotency().size();
    }

    public FaultInjector faults() {
        return faults;
    }

    public String region() {
        return ctx.ids().region();
    }

    public String accountId() {
        return ctx.ids().accountId();
    }

    /**
     * Everything a client can read back, as plain data (what {@code serve --state} saves). Take it while no
     * request runs for a snapshot of one instant; see {@link ServiceSnapshot} for what is left out.
     */
    public ServiceSnapshot exportState() {
        return snapshots.export();
    }

    /**
     * Loads a snapshot into this service, which must be empty (just built); its clock continues from the
     * snapshot's time. A snapshot whose parts do not fit together is an IllegalArgumentException.
     */
    public void importState(ServiceSnapshot snapshot) {
        snapshots.restore(snapshot);
    }

    /** Stops the processor threads. */
    @Override
    public void close() {
        ctx.sessions().closeAll(chime.conformance.reference.core.session.MessagingSession.CLOSE_GOING_AWAY,
                "The service is stopping");
        flowEngine.close();
        processors.close();
    }
}
