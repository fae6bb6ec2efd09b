package chime.conformance.reference.core.idempotency;

import chime.conformance.reference.core.error.ApiError;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Client request tokens (IDEM-001 to IDEM-006). A token is scoped by the caller: the operation, the
 * AppInstance and the bearer (kit decision: the documentation does not say how tokens are scoped).
 * The same token with the same parameters gives the first call's result again without a second effect;
 * the same token with different parameters is a ConflictException (IDEM-006).
 *
 * <p>Concurrent calls with one token are serialised on that token only, so two racing identical requests
 * still create one resource. A call that fails leaves no trace: retrying the token may succeed.
 */
public final class IdempotencyCache {

    private final ConcurrentHashMap<List<String>, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        private boolean done;
        private Object fingerprint;
        private Object result;
    }

    @SuppressWarnings("unchecked")
    public <T> T once(List<String> scope, Object fingerprint, Supplier<T> action) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Slot slot = slots.computeIfAbsent(List.copyOf(scope), key -> new Slot());
        synchronized (slot) {
            if (slot.done) {
                if (!slot.fingerprint.equals(fingerprint)) {
                    throw ApiError.conflict("ClientRequestToken was already used with different parameters");
                }
                return (T) slot.result;
            }
            T result = action.get();
            slot.fingerprint = fingerprint;
            slot.result = result;
            slot.done = true;
            return result;
        }
    }
}
