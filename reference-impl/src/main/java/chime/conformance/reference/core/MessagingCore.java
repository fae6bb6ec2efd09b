package chime.conformance.reference.core;

import chime.conformance.reference.core.auth.Access;
import chime.conformance.reference.core.channel.ChannelOperations;
import chime.conformance.reference.core.channel.ChannelRegistry;
import chime.conformance.reference.core.identity.Directory;
import chime.conformance.reference.core.identity.IdentityOperations;
import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.membership.MembershipOperations;
import chime.conformance.reference.core.message.MessageOperations;
import chime.conformance.reference.core.message.MessageProcessing;
import chime.conformance.reference.core.moderation.BanOperations;
import chime.conformance.reference.core.moderation.ModeratorOperations;
import chime.conformance.reference.core.paging.PageTokens;
import chime.conformance.reference.core.paging.Paging;
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

    public MessagingCore(Clock clock, IdGenerator idGenerator, String region, String accountId) {
        Directory directory = new Directory();
        ChannelRegistry registry = new ChannelRegistry();
        this.ctx = new CoreContext(new ServiceClock(clock), new Identifiers(idGenerator, region, accountId), directory,
                registry, new Access(directory, registry), new Paging(new PageTokens()), new IdempotencyCache(),
                new TagStore(), new AtomicLong());
        this.identity = new IdentityOperations(ctx, appInstanceArn -> { });
        this.channels = new ChannelOperations(ctx);
        this.memberships = new MembershipOperations(ctx);
        this.moderators = new ModeratorOperations(ctx);
        this.bans = new BanOperations(ctx);
        this.messages = new MessageOperations(ctx, () -> MessageProcessing.NONE);
        this.tags = new TagOperations(ctx.tags(), arn -> registry.find(arn) != null);
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

    public TagOperations tags() {
        return tags;
    }

    /**
     * GetMessagingSessionEndpoint (ENDP-001, ENDP-002): an absolute websocket URL. Websocket delivery itself
     * is out of scope for the in-memory service, so the host is in the reserved {@code .invalid} domain.
     */
    public String messagingSessionEndpoint() {
        return "wss://ws-messaging.chime." + ctx.ids().region() + ".reference.invalid";
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

    @Override
    public void close() {
        // Nothing to release yet.
    }
}
