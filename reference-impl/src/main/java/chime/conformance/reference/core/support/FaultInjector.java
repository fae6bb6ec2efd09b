package chime.conformance.reference.core.support;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Planned failures. The reference never throttles, fails or loses authorisation on its own, so the errors
 * of ERR-006 to ERR-008 (ThrottledClient, UnauthorizedClient, ServiceFailure, ServiceUnavailable) can only
 * be observed by planning them: the next call of the named operation fails with the given error instead of
 * running.
 */
public final class FaultInjector {

    private final ConcurrentHashMap<String, Queue<ErrorType>> planned = new ConcurrentHashMap<>();

    /** The next call of {@code operation} (the API's name, e.g. {@code SendChannelMessage}) fails with {@code error}. */
    public void failNext(String operation, ErrorType error) {
        planned.computeIfAbsent(Objects.requireNonNull(operation, "operation"), key -> new ConcurrentLinkedQueue<>())
                .add(Objects.requireNonNull(error, "error"));
    }

    public void clear() {
        planned.clear();
    }

    /** Called before an operation runs: throws the planned error, if any. */
    public void beforeCall(String operation) {
        Queue<ErrorType> queue = planned.get(operation);
        ErrorType error = queue == null ? null : queue.poll();
        if (error != null) {
            throw new ApiError(error, "Planned failure of " + operation);
        }
    }
}
