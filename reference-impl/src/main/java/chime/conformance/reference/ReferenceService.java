package chime.conformance.reference;

import chime.conformance.reference.core.MessagingCore;
import chime.conformance.reference.core.flow.ChannelFlowOperations;
import chime.conformance.reference.core.flow.ProcessorRegistry;
import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import chime.conformance.reference.core.support.FaultInjector;
import chime.conformance.reference.core.support.IdGenerator;
import chime.conformance.reference.sdk.ReferenceIdentityClient;
import chime.conformance.reference.sdk.ReferenceMessagingClient;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The reference implementation of the Amazon Chime SDK Messaging API, in memory: one service, reachable
 * through the AWS SDK's own client interfaces.
 *
 * <pre>{@code
 * try (ReferenceService service = ReferenceService.create()) {
 *     ChimeSdkIdentityClient identity = service.identityClient();
 *     ChimeSdkMessagingClient messaging = service.messagingClient();
 *     ...
 * }
 * }</pre>
 *
 * ARNs look like the real ones, in region {@code us-east-1} and account {@code 111122223333} unless the
 * builder says otherwise.
 */
public final class ReferenceService implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "111122223333";

    private final MessagingCore core;
    private final ReferenceMessagingClient messagingClient;
    private final ReferenceMessagingClient wireMessagingClient;
    private final ReferenceIdentityClient identityClient;
    private final ReferenceIdentityClient wireIdentityClient;

    private ReferenceService(Builder builder) {
        this.core = new MessagingCore(builder.clock, builder.idGenerator, builder.region, builder.accountId,
                builder.processorsPerFlow, builder.idempotencyRetention, builder.quotas);
        core.processors().slowDelay(builder.slowProcessorDelay);
        this.messagingClient = new ReferenceMessagingClient(core, true);
        this.wireMessagingClient = new ReferenceMessagingClient(core, false);
        this.identityClient = new ReferenceIdentityClient(core, true);
        this.wireIdentityClient = new ReferenceIdentityClient(core, false);
    }

    public static ReferenceService create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The messaging API as an SDK client sees it: like the generated client, it fills a missing idempotency
     * token (ClientRequestToken, CallbackId) with a random UUID.
     */
    public ChimeSdkMessagingClient messagingClient() {
        return messagingClient;
    }

    /**
     * The messaging API as the wire sees it: nothing is filled in, so a request without a required
     * idempotency token is a BadRequestException (IDEM-002). For servers that bind raw requests to the SDK's
     * request classes.
     */
    public ChimeSdkMessagingClient wireMessagingClient() {
        return wireMessagingClient;
    }

    /** The identity subset (AppInstances, users, admins), filling missing idempotency tokens like the SDK. */
    public ChimeSdkIdentityClient identityClient() {
        return identityClient;
    }

    /** The identity subset as the wire sees it: missing idempotency tokens are rejected. */
    public ChimeSdkIdentityClient wireIdentityClient() {
        return wireIdentityClient;
    }

    /**
     * The Lambda processor doubles that channel flows invoke (pass-through, deny, rewrite, unreachable, hold,
     * slow pass-through, and any registered programmatically), with the record of every invocation.
     */
    public ProcessorRegistry processors() {
        return core.processors();
    }

    /**
     * Messaging sessions: {@code sessions().connect(userArn, sessionId)} opens what a WebSocket connection to
     * the service would receive, as the same frames (SESSION_ESTABLISHED first, then every event of the user's
     * channels); {@code sessions().hub()} holds the open sessions.
     */
    public chime.conformance.reference.core.session.MessagingSessions sessions() {
        return core.sessions();
    }

    /** Planned failures, to observe the errors the reference never raises on its own (ERR-006 to ERR-008). */
    public FaultInjector faults() {
        return core.faults();
    }

    public String region() {
        return core.region();
    }

    /**
     * Moves the service's clock forward by {@code by}, so that a test can observe rules about elapsed time
     * (a processor's callback more than 48 hours after the invocation, FLOW-030) without waiting. Every
     * later timestamp is that much later; the clock never moves back.
     */
    public void advanceClock(java.time.Duration by) {
        core.advanceClock(by);
    }

    /** How many idempotency records (ClientRequestToken, CallbackId) the service keeps now. */
    public int idempotencyRecords() {
        return core.idempotencyRecords();
    }

    public String accountId() {
        return core.accountId();
    }

    /**
     * Everything a client can read back from this service, as plain data: AppInstances, users, admins, channel
     * flows, channels with their memberships, moderators, bans, messages and tags, the clock and the page-token
     * key. Idempotency records, pending processor callbacks and the record of invocations are left out.
     */
    public ServiceSnapshot exportState() {
        return core.exportState();
    }

    /**
     * Loads a snapshot taken by {@link #exportState()} into this service, which must be new: every read then
     * answers as in the saved service, and the clock never gives a time before the snapshot's.
     */
    public void importState(ServiceSnapshot snapshot) {
        core.importState(snapshot);
    }

    /** Stops the service's processor threads. */
    @Override
    public void close() {
        core.close();
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private IdGenerator idGenerator = IdGenerator.random();
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private int processorsPerFlow = ChannelFlowOperations.DOCUMENTED_PROCESSORS_PER_FLOW;
        private IdempotencyCache.Retention idempotencyRetention = IdempotencyCache.Retention.defaults();
        private ServiceQuotas quotas = ServiceQuotas.aws();
        private Duration slowProcessorDelay = ProcessorRegistry.DEFAULT_SLOW_DELAY;

        private Builder() {
        }

        /** The one clock of the service; every timestamp it issues comes from here. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The one source of identifiers (AppInstance, channel, channel flow, message and callback IDs). */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * How many processors a channel flow may have: 1 as the documentation says (the default, FLOW-002),
         * or up to the service model's 3 to exercise the multi-processor rules (FLOW-003, FLOW-027).
         */
        public Builder processorsPerFlow(int processorsPerFlow) {
            if (processorsPerFlow < ChannelFlowOperations.DOCUMENTED_PROCESSORS_PER_FLOW
                    || processorsPerFlow > ChannelFlowOperations.MODELED_PROCESSORS_PER_FLOW) {
                throw new IllegalArgumentException("processorsPerFlow must be 1 to 3");
            }
            this.processorsPerFlow = processorsPerFlow;
            return this;
        }

        /**
         * How long an idempotency record is kept after the request that made it, and how many are kept at
         * most (the oldest go first): 24 hours and 100,000 by default (a kit decision, see the README).
         */
        public Builder idempotencyRetention(Duration maxAge, int maxRecords) {
            this.idempotencyRetention = new IdempotencyCache.Retention(maxAge, maxRecords);
            return this;
        }

        /**
         * The service quotas (ResourceLimitExceededException past them): the Developer Guide's messaging
         * quotas by default ({@link ServiceQuotas#aws()}), adjustable as on AWS.
         */
        public Builder quotas(ServiceQuotas quotas) {
            this.quotas = Objects.requireNonNull(quotas, "quotas");
            return this;
        }

        /**
         * How long the slow pass-through processor ({@code chime-conformance-slow-pass-through}) waits before it
         * answers: the time a message it processes is observably PENDING.
         */
        public Builder slowProcessorDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("slowProcessorDelay must be zero or more");
            }
            this.slowProcessorDelay = delay;
            return this;
        }

        public ReferenceService build() {
            return new ReferenceService(this);
        }
    }
}
