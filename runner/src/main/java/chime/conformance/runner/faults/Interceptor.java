package chime.conformance.runner.faults;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One fault's behaviour: it sees every request a scenario sends to the messaging client and decides what
 * the faulty service answers. It may rewrite the request, call {@link Chain#proceed} (the service
 * underneath) zero or more times, rewrite the response, swallow or replace an error, or keep state
 * across calls. Interceptors are shared by scenarios running in parallel, so they are thread safe.
 */
@FunctionalInterface
public interface Interceptor {

    SdkResponse intercept(SdkRequest request, Chain chain);

    /** The rest of the chain: the next fault, or the correct service at the end. */
    interface Chain {

        /** Sends {@code request} on, for the operation being intercepted. */
        SdkResponse proceed(SdkRequest request);

        /** Sends {@code request} on and casts the response to the operation's response type. */
        @SuppressWarnings("unchecked")
        default <R extends SdkResponse> R call(SdkRequest request) {
            return (R) proceed(request);
        }
    }

    /** An operation-specific interceptor: {@code Q} is the operation's request class. */
    @FunctionalInterface
    interface Typed<Q extends SdkRequest> {
        SdkResponse intercept(Q request, Chain chain);
    }

    /** Intercepts the operation whose request class is {@code type}; every other call passes through. */
    static <Q extends SdkRequest> Interceptor on(Class<Q> type, Typed<Q> body) {
        return (request, chain) -> type.isInstance(request)
                ? body.intercept(type.cast(request), chain)
                : chain.proceed(request);
    }

    /** Several interceptors as one: the first listed sees the request first. */
    static Interceptor all(Interceptor... parts) {
        Interceptor result = (request, chain) -> chain.proceed(request);
        for (int i = parts.length - 1; i >= 0; i--) {
            Interceptor outer = parts[i];
            Interceptor inner = result;
            result = (request, chain) -> outer.intercept(request, r -> inner.intercept(r, chain));
        }
        return result;
    }
}
