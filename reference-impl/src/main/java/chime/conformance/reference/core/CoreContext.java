package chime.conformance.reference.core;

import chime.conformance.reference.core.auth.Access;
import chime.conformance.reference.core.state.ChannelRegistry;
import chime.conformance.reference.core.state.Directory;
import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.paging.Paging;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.session.SessionHub;
import chime.conformance.reference.core.support.Identifiers;
import chime.conformance.reference.core.support.ServiceClock;
import chime.conformance.reference.core.tag.TagStore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operation groups share: one clock, one source of identifiers, the stores and the access rules.
 * {@code creationOrder} numbers AppInstances, channels and channel flows so lists come in creation order;
 * {@code quotas} are the service quotas (ResourceLimitExceededException past them); {@code sessions} the open
 * messaging sessions, to which operations publish their events.
 */
public record CoreContext(ServiceClock clock, Identifiers ids, Directory directory, ChannelRegistry channels,
                          Access access, Paging paging, IdempotencyCache idempotency, TagStore tags,
                          AtomicLong creationOrder, ServiceQuotas quotas, SessionHub sessions) {

    public long nextInCreationOrder() {
        return creationOrder.incrementAndGet();
    }
}
