package chime.conformance.reference.core.idempotency;

import chime.conformance.reference.core.error.ApiError;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Client request tokens (IDEM-001 to IDEM-006). A token is scoped by the caller: the operation, the
 * AppInstance and the bearer (kit decision: the documentation does not say how tokens are scoped).
 * The same token with the same parameters gives the first call's result again without a second effect;
 * the same token with different parameters is a ConflictException (IDEM-006).
 *
 * <p>Concurrent calls with one token are serialised on that token only, so two racing identical requests
 * still create one resource.
 *
 * <p>What a record is kept for, and how long (kit decisions, see the reference's README):
 * <ul>
 * <li>only a call that succeeded leaves one: a refused call (validation, authorization, a limit) leaves no
 *     trace, and retrying its token may succeed;</li>
 * <li>a record goes with the resources it names: {@link #forget} drops every record whose scope or result
 *     names a deleted AppInstance, user, channel or channel flow, {@link #forgetCreated} the record of a
 *     deleted message, so a token repeated after the delete acts anew instead of answering with an
 *     identifier that no longer exists;</li>
 * <li>records are bounded: each is kept for {@link Retention#maxAge()} after the request that made it
 *     (24 hours by default) and at most {@link Retention#maxRecords()} are kept, the oldest going first.
 *     After that a repeated token is a new request, as AWS services treat a token past its lifetime.</li>
 * </ul>
 */
public final class IdempotencyCache {

    /** How long records are kept and how many at most. */
    public record Retention(Duration maxAge, int maxRecords) {
        public Retention {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero() || maxRecords < 1) {
                throw new IllegalArgumentException("retention needs a positive age and at least one record");
            }
        }

        /** 24 hours, 100,000 records (about 33 MB of heap at most). */
        public static Retention defaults() {
            return new Retention(Duration.ofHours(24), 100_000);
        }
    }

    /**
     * A result that is not itself the identifier of what the call created: it says which resource that was,
     * and which resources it lives in. Its record goes when any of them is deleted.
     */
    public interface CreatedResource {
        /** The identifier of the created resource, e.g. a MessageId. */
        String resourceId();

        /** The resources it lives in, e.g. its channel. */
        List<String> parents();
    }

    private static final class Slot {
        private final List<String> key;
        private final long createdMillis;
        /** Set once fingerprint and result are: whoever reads it true sees both. */
        private volatile boolean done;
        private volatile boolean removed;
        private Object fingerprint;
        private Object result;

        Slot(List<String> key, long createdMillis) {
            this.key = key;
            this.createdMillis = createdMillis;
        }

        /**
         * Two bits per name (scope, created resource and its parents) of a finished record: {@link #forget}
         * compares a resource's bits with these before it compares strings.
         */
        private long namesMask;

        /** Called once the result is known, before {@code done}. */
        void indexNames() {
            long mask = 0;
            for (String name : key) {
                mask |= bits(name);
            }
            String created = createdId();
            if (created != null) {
                mask |= bits(created);
            }
            for (String parent : parents()) {
                mask |= bits(parent);
            }
            namesMask = mask;
        }

        /** Whether this record names {@code resource} in its scope (AppInstance, bearer) or its result. */
        boolean names(String resource, long resourceBits) {
            if ((namesMask & resourceBits) != resourceBits) {
                return false;
            }
            return key.contains(resource) || resource.equals(createdId()) || parents().contains(resource);
        }

        /** The identifier of what the call created: the result itself when it is a string (an ARN). */
        String createdId() {
            if (result instanceof String s) {
                return s;
            }
            return result instanceof CreatedResource r ? r.resourceId() : null;
        }

        private List<String> parents() {
            return result instanceof CreatedResource r ? r.parents() : List.of();
        }

        static long bits(String name) {
            int h = name.hashCode();
            return (1L << (h & 63)) | (1L << ((h >>> 6) & 63));
        }
    }

    private final Clock clock;
    private final Retention retention;
    /** Every record, oldest first; guarded by itself. Slots of calls still running are in it too. */
    private final LinkedHashMap<List<String>, Slot> slots = new LinkedHashMap<>();
    /** Finished records by the identifier of what they created; guarded by {@code slots}. */
    private final HashMap<String, Slot> byCreated = new HashMap<>();

    public IdempotencyCache(Clock clock, Retention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @SuppressWarnings("unchecked")
    public <T> T once(List<String> scope, Object fingerprint, Supplier<T> action) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        List<String> key = List.copyOf(scope);
        while (true) {
            Slot slot;
            synchronized (slots) {
                long now = clock.millis();
                expire(now);
                slot = slots.get(key);
                if (slot == null) {
                    slot = new Slot(key, now);
                    slots.put(key, slot);
                }
            }
            synchronized (slot) {
                if (slot.removed) {
                    continue; // forgotten, expired or failed while this call waited: start over
                }
                if (slot.done) {
                    if (!slot.fingerprint.equals(fingerprint)) {
                        throw ApiError.conflict("ClientRequestToken was already used with different parameters");
                    }
                    return (T) slot.result;
                }
                T result;
                try {
                    result = action.get();
                } catch (RuntimeException | Error e) {
                    remove(slot);
                    throw e;
                }
                slot.fingerprint = fingerprint;
                slot.result = result;
                slot.indexNames();
                slot.done = true;
                synchronized (slots) {
                    if (!slot.removed && slot.createdId() != null) {
                        byCreated.put(slot.createdId(), slot);
                    }
                    evictOverBound();
                }
                return result;
            }
        }
    }

    /**
     * Drops every record that names {@code resource} (an AppInstance, user, channel or channel flow ARN):
     * the record that created it, and every record made in it or by it. Called when the resource is deleted;
     * it scans all records, which deletes of such resources can afford. Records of calls still running are
     * left alone: they name resources that exist.
     */
    public void forget(String resource) {
        Objects.requireNonNull(resource, "resource");
        long bits = Slot.bits(resource);
        synchronized (slots) {
            for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
                Slot slot = it.next();
                if (isDone(slot) && slot.names(resource, bits)) {
                    it.remove();
                    dropped(slot);
                }
            }
        }
    }

    /**
     * Drops the record of the call that created {@code resourceId} (a message), found by its identifier
     * without a scan: for resources nothing else is made in.
     */
    public void forgetCreated(String resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        synchronized (slots) {
            Slot slot = byCreated.get(resourceId);
            if (slot != null) {
                slots.remove(slot.key, slot);
                dropped(slot);
            }
        }
    }

    /** How many records are kept (including calls still running). */
    public int size() {
        synchronized (slots) {
            return slots.size();
        }
    }

    private void remove(Slot slot) {
        synchronized (slots) {
            slots.remove(slot.key, slot);
            dropped(slot);
        }
    }

    /** Under the lock of {@code slots}: a slot just taken out of {@code slots}. */
    private void dropped(Slot slot) {
        slot.removed = true;
        String created = slot.done ? slot.createdId() : null;
        if (created != null) {
            byCreated.remove(created, slot);
        }
    }

    /** Under the lock of {@code slots}: drops records older than the retention, oldest first. */
    private void expire(long now) {
        long oldest = now - retention.maxAge().toMillis();
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (slot.createdMillis > oldest) {
                return;
            }
            if (isDone(slot)) {
                it.remove();
                dropped(slot);
            }
        }
    }

    /** Under the lock of {@code slots}: drops the oldest finished records past the bound. */
    private void evictOverBound() {
        int excess = slots.size() - retention.maxRecords();
        if (excess <= 0) {
            return;
        }
        int evicted = 0;
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext() && evicted < excess; ) {
            Slot slot = it.next();
            if (isDone(slot)) {
                it.remove();
                dropped(slot);
                evicted++;
            }
        }
    }

    /**
     * Whether a slot's call has finished. Read without the slot's lock, which the call holds while it runs
     * and which must never be waited for under the lock of {@code slots}.
     */
    private static boolean isDone(Slot slot) {
        return slot.done;
    }
}
