package chime.conformance.reference.core.idempotency;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.support.UuidText;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
 *
 * <p>A record is one small object of 88 bytes: the scope's strings by reference (the operation, AppInstance and
 * bearer ARNs are the service's own, shared by every record), the token as its 128 bits when it is the canonical
 * text of a UUID, as AWS SDKs generate tokens (else the token's string beside, about 80 bytes), the result, and its
 * links in the three structures that find it (by scope, by the identifier of what it created, oldest first);
 * they are intrusive chains, so no map entry is allocated per record. A call whose result carries its own
 * parameters (a sent message carries its content, metadata, type and persistence) keeps no fingerprint: the
 * parameters of a repeated call are compared with those read back from the first call's result, exactly.
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

        /** 24 hours, 100,000 records (about 15 MB of heap at most for records of SendChannelMessage). */
        public static Retention defaults() {
            return new Retention(Duration.ofHours(24), 100_000);
        }
    }

    /**
     * A result that is not itself the identifier of what the call created: it says which resource that was,
     * and which resources it lives in. Its record goes when any of them is deleted.
     */
    public interface CreatedResource {
        /** Whether {@code id} is the identifier of the created resource, e.g. its MessageId. */
        boolean isResource(String id);

        /** The {@link String#hashCode()} of the created resource's identifier. */
        int resourceHash();

        /** Whether the created resource lives in {@code resource}, e.g. its channel. */
        boolean livesIn(String resource);
    }

    private static final int MAX_SCOPE = 4;
    private static final int INITIAL_CAPACITY = 64;

    /**
     * One record. Its scope's strings, its result and its links are guarded by the cache's lock; the call
     * itself runs under the slot's own lock.
     */
    private static final class Slot {
        /** The names before the token (the operation, then what scopes the token), null past them. */
        private final String s0;
        private final String s1;
        private final String s2;
        /** The token when it is not the canonical text of a UUID; else null, and its bits are below. */
        private final String token;
        private final long tokenHigh;
        private final long tokenLow;
        private final long createdMillis;
        /** The hash of the scope: a record of another scope is passed over without reading its strings. */
        private final int scopeHash;
        /** Set once fingerprint and result are: whoever reads it true sees both. */
        private volatile boolean done;
        private volatile boolean removed;
        /** Whether it is in the chains by created identifier (guarded by the cache's lock). */
        private boolean indexed;
        /** The hash of the created identifier, once indexed: computed once, not again when the record goes. */
        private int createdHash;
        /** The parameters of the first call, or null when they are read back from the result. */
        private Object fingerprint;
        private Object result;
        private Slot nextInBucket;
        private Slot nextByCreated;
        private Slot older;
        private Slot newer;

        Slot(Scope scope, long createdMillis) {
            this.s0 = scope.s0;
            this.s1 = scope.s1;
            this.s2 = scope.s2;
            this.token = scope.uuid ? null : scope.token;
            this.tokenHigh = scope.tokenHigh;
            this.tokenLow = scope.tokenLow;
            this.scopeHash = scope.hash;
            this.createdMillis = createdMillis;
        }

        boolean hasScope(Scope scope) {
            return scopeHash == scope.hash
                    && (token == null ? scope.uuid && tokenHigh == scope.tokenHigh && tokenLow == scope.tokenLow
                            : token.equals(scope.token))
                    && Objects.equals(s2, scope.s2) && Objects.equals(s1, scope.s1) && Objects.equals(s0, scope.s0);
        }

        /**
         * Whether this record names {@code resource} in its scope (AppInstance, bearer) or its result. A token
         * names nothing: it is no ARN.
         */
        boolean names(String resource, int resourceHash) {
            return same(s1, resource, resourceHash) || same(s2, resource, resourceHash)
                    || createdIs(resource, resourceHash)
                    || (result instanceof CreatedResource r && r.livesIn(resource));
        }

        /** Whether {@code id} is the identifier of what the call created: the result itself when it is a string. */
        boolean createdIs(String id, int idHash) {
            if (result instanceof String s) {
                return same(s, id, idHash);
            }
            return result instanceof CreatedResource r && r.resourceHash() == idHash && r.isResource(id);
        }

        /** Whether the call created something it names by an identifier. */
        boolean createsSomething() {
            return result instanceof String || result instanceof CreatedResource;
        }

        int hashOfCreated() {
            return result instanceof String s ? s.hashCode() : ((CreatedResource) result).resourceHash();
        }

        private static boolean same(String name, String resource, int resourceHash) {
            return name != null && (name == resource || (name.hashCode() == resourceHash && name.equals(resource)));
        }
    }

    private final Clock clock;
    private final Retention retention;
    /** The lock of the three structures below and of every slot's links. */
    private final Object lock = new Object();
    /** Records by scope: buckets chained through {@link Slot#nextInBucket}. */
    private Slot[] table = new Slot[INITIAL_CAPACITY];
    private int count;
    /** Finished records by the identifier of what they created, chained through {@link Slot#nextByCreated}. */
    private Slot[] byCreated = new Slot[INITIAL_CAPACITY];
    private int createdCount;
    /** Every record, oldest first (slots of calls still running too). */
    private Slot oldest;
    private Slot newest;

    public IdempotencyCache(Clock clock, Retention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /**
     * Runs {@code action} once per scope: a repeated call with an equal {@code fingerprint} answers the first
     * call's result, one with another fingerprint is a ConflictException. {@code scope} is one to four names:
     * the operation, then what scopes the token (AppInstance, bearer), then the token.
     */
    public <T> T once(List<String> scope, Object fingerprint, Supplier<T> action) {
        return once(scope, fingerprint, null, action);
    }

    /**
     * As {@link #once(List, Object, Supplier)}; when {@code fingerprintOfResult} is given, the record keeps no
     * fingerprint: a repeated call's {@code fingerprint} is compared with the one this function reads from the
     * first call's result (which must carry every parameter the fingerprint holds).
     */
    @SuppressWarnings("unchecked")
    public <T> T once(List<String> scope, Object fingerprint, Function<? super T, ?> fingerprintOfResult,
                      Supplier<T> action) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Scope key = new Scope(scope);
        while (true) {
            Slot slot;
            synchronized (lock) {
                long now = clock.millis();
                expire(now);
                slot = find(key);
                if (slot == null) {
                    slot = new Slot(key, now);
                    insert(slot, key.hash);
                }
            }
            synchronized (slot) {
                if (slot.removed) {
                    continue; // forgotten, expired or failed while this call waited: start over
                }
                if (slot.done) {
                    Object first = slot.fingerprint != null ? slot.fingerprint
                            : fingerprintOfResult == null ? null : fingerprintOfResult.apply((T) slot.result);
                    if (!fingerprint.equals(first)) {
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
                slot.fingerprint = fingerprintOfResult == null ? fingerprint : null;
                slot.result = result;
                slot.done = true;
                synchronized (lock) {
                    if (!slot.removed && slot.createsSomething()) {
                        indexCreated(slot);
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
        int resourceHash = resource.hashCode();
        synchronized (lock) {
            for (Slot slot = oldest; slot != null; ) {
                Slot next = slot.newer;
                if (slot.done && slot.names(resource, resourceHash)) {
                    unlink(slot);
                }
                slot = next;
            }
        }
    }

    /**
     * Drops the record of the call that created {@code resourceId} (a message), found by its identifier
     * without a scan: for resources nothing else is made in.
     */
    public void forgetCreated(String resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        int idHash = resourceId.hashCode();
        synchronized (lock) {
            for (Slot slot = byCreated[spread(idHash) & (byCreated.length - 1)]; slot != null; slot = slot.nextByCreated) {
                if (slot.createdIs(resourceId, idHash)) {
                    unlink(slot);
                    return;
                }
            }
        }
    }

    /** How many records are kept (including calls still running). */
    public int size() {
        synchronized (lock) {
            return count;
        }
    }

    private void remove(Slot slot) {
        synchronized (lock) {
            if (!slot.removed) {
                unlink(slot);
            }
        }
    }

    // ---- the structures, all under the lock ---------------------------------------------------------

    /**
     * A call's scope as records keep it: the names before the token, the token (as its bits when it is the
     * canonical text of a UUID, {@link UuidText}) and the hash of them all. Only the call holds it.
     */
    private static final class Scope {
        final String s0;
        final String s1;
        final String s2;
        final String token;
        final boolean uuid;
        final long tokenHigh;
        final long tokenLow;
        final int hash;

        Scope(List<String> names) {
            int n = names.size();
            if (n == 0 || n > MAX_SCOPE) {
                throw new IllegalArgumentException("a token's scope is one to " + MAX_SCOPE + " names: " + names);
            }
            for (String name : names) {
                Objects.requireNonNull(name, "scope");
            }
            s0 = n > 1 ? names.get(0) : null;
            s1 = n > 2 ? names.get(1) : null;
            s2 = n > 3 ? names.get(2) : null;
            token = names.get(n - 1);
            uuid = UuidText.isCanonical(token);
            tokenHigh = uuid ? UuidText.high(token) : 0;
            tokenLow = uuid ? UuidText.low(token) : 0;
            int h = Objects.hashCode(s0);
            h = 31 * h + Objects.hashCode(s1);
            h = 31 * h + Objects.hashCode(s2);
            h = 31 * h + token.hashCode();
            hash = h ^ (h >>> 16);
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private Slot find(Scope key) {
        for (Slot slot = table[key.hash & (table.length - 1)]; slot != null; slot = slot.nextInBucket) {
            if (slot.hasScope(key)) {
                return slot;
            }
        }
        return null;
    }

    private void insert(Slot slot, int hash) {
        if (count >= table.length) {
            table = rehash(table, count);
        }
        int i = hash & (table.length - 1);
        slot.nextInBucket = table[i];
        table[i] = slot;
        count++;
        slot.older = newest;
        if (newest == null) {
            oldest = slot;
        } else {
            newest.newer = slot;
        }
        newest = slot;
    }

    private static Slot[] rehash(Slot[] old, int count) {
        Slot[] grown = new Slot[old.length * 2];
        for (Slot head : old) {
            for (Slot slot = head; slot != null; ) {
                Slot next = slot.nextInBucket;
                int i = slot.scopeHash & (grown.length - 1);
                slot.nextInBucket = grown[i];
                grown[i] = slot;
                slot = next;
            }
        }
        return grown;
    }

    private void indexCreated(Slot slot) {
        if (createdCount >= byCreated.length) {
            Slot[] grown = new Slot[byCreated.length * 2];
            for (Slot head : byCreated) {
                for (Slot s = head; s != null; ) {
                    Slot next = s.nextByCreated;
                    int i = spread(s.createdHash) & (grown.length - 1);
                    s.nextByCreated = grown[i];
                    grown[i] = s;
                    s = next;
                }
            }
            byCreated = grown;
        }
        slot.createdHash = slot.hashOfCreated();
        int i = spread(slot.createdHash) & (byCreated.length - 1);
        slot.nextByCreated = byCreated[i];
        byCreated[i] = slot;
        slot.indexed = true;
        createdCount++;
    }

    /** Takes a slot out of every structure; it is then removed for whoever still holds it. */
    private void unlink(Slot slot) {
        slot.removed = true;
        int i = slot.scopeHash & (table.length - 1);
        if (table[i] == slot) {
            table[i] = slot.nextInBucket;
        } else {
            for (Slot s = table[i]; s != null; s = s.nextInBucket) {
                if (s.nextInBucket == slot) {
                    s.nextInBucket = slot.nextInBucket;
                    break;
                }
            }
        }
        slot.nextInBucket = null;
        count--;
        if (slot.older == null) {
            oldest = slot.newer;
        } else {
            slot.older.newer = slot.newer;
        }
        if (slot.newer == null) {
            newest = slot.older;
        } else {
            slot.newer.older = slot.older;
        }
        slot.older = null;
        slot.newer = null;
        if (slot.indexed) {
            int c = spread(slot.createdHash) & (byCreated.length - 1);
            if (byCreated[c] == slot) {
                byCreated[c] = slot.nextByCreated;
            } else {
                for (Slot s = byCreated[c]; s != null; s = s.nextByCreated) {
                    if (s.nextByCreated == slot) {
                        s.nextByCreated = slot.nextByCreated;
                        break;
                    }
                }
            }
            slot.nextByCreated = null;
            slot.indexed = false;
            createdCount--;
        }
    }

    /** Drops records older than the retention, oldest first. */
    private void expire(long now) {
        long limit = now - retention.maxAge().toMillis();
        for (Slot slot = oldest; slot != null; ) {
            if (slot.createdMillis > limit) {
                return;
            }
            Slot next = slot.newer;
            if (slot.done) {
                unlink(slot);
            }
            slot = next;
        }
    }

    /** Drops the oldest finished records past the bound. */
    private void evictOverBound() {
        int excess = count - retention.maxRecords();
        for (Slot slot = oldest; slot != null && excess > 0; ) {
            Slot next = slot.newer;
            if (slot.done) {
                unlink(slot);
                excess--;
            }
            slot = next;
        }
    }
}
