package chime.conformance.runner.faults;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Intercepted;
import chime.conformance.runner.api.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

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

    /** {@code client} with every operation passed through {@code interceptor} ({@link Intercepted}). */
    static ChimeSdkMessagingClient wrap(ChimeSdkMessagingClient client, Interceptor interceptor) {
        return Intercepted.client(client, "faulty", (request, next) -> interceptor.intercept(request, next::send));
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

    /** The operation's answer, changed by {@code change} (which sees the request and the correct answer). */
    static <Q extends SdkRequest, R extends SdkResponse> Interceptor answer(
            Class<Q> type, Class<R> response, BiFunction<Q, R, ? extends SdkResponse> change) {
        return on(type, (q, chain) -> change.apply(q, response.cast(chain.proceed(q))));
    }

    /**
     * Every item a list operation answers (its one list member, found by the model), changed by
     * {@code change}; an item changed to null is left out of the answer.
     */
    static <Q extends SdkRequest, T> Interceptor eachItem(Class<Q> type, Class<T> item, BiFunction<Q, T, T> change) {
        return on(type, (q, chain) -> {
            SdkResponse r = chain.proceed(q);
            if (Members.items(r).isEmpty()) {
                return r;
            }
            List<T> items = Members.items(r).stream().map(i -> change.apply(q, item.cast(i))).filter(Objects::nonNull).toList();
            return Members.with(r, Members.itemsMember(r), items);
        });
    }

    /** The first page of a list operation also lists the items {@code extra} gives (none when it gives null). */
    static <Q extends SdkRequest> Interceptor firstPageAlso(Class<Q> type, Function<Q, ? extends List<?>> extra) {
        return on(type, (q, chain) -> {
            SdkResponse r = chain.proceed(q);
            List<?> more = Members.get(q, "NextToken") == null ? extra.apply(q) : null;
            if (more == null || more.isEmpty()) {
                return r;
            }
            List<Object> all = new ArrayList<>(Members.items(r));
            all.addAll(more);
            return Members.with(r, Members.itemsMember(r), all);
        });
    }

    /** The operation is refused with {@code error} where {@code when} holds, before the service sees it. */
    static <Q extends SdkRequest> Interceptor refuse(Class<Q> type, ModeledError error, String message, Predicate<Q> when) {
        return on(type, (q, chain) -> {
            if (when.test(q)) {
                throw FaultContext.error(error, message);
            }
            return chain.proceed(q);
        });
    }

    /** The operation is carried out, then {@code after} runs (to note what the faulty service remembers). */
    static <Q extends SdkRequest> Interceptor then(Class<Q> type, Consumer<Q> after) {
        return on(type, (q, chain) -> {
            SdkResponse r = chain.proceed(q);
            after.accept(q);
            return r;
        });
    }

    /**
     * The operation is carried out between {@code before}, which reads what the faulty service wants to keep
     * of the state before it, and {@code after}, which notes it.
     */
    static <Q extends SdkRequest, B> Interceptor then(Class<Q> type, Function<Q, B> before, BiConsumer<Q, B> after) {
        return on(type, (q, chain) -> {
            B seen = before.apply(q);
            SdkResponse r = chain.proceed(q);
            after.accept(q, seen);
            return r;
        });
    }

    /**
     * Where the service answers the operation with an error of {@code error}, the faulty service answers
     * what {@code instead} gives (it may call the chain again).
     */
    static <Q extends SdkRequest> Interceptor onError(Class<Q> type, ModeledError error, Typed<Q> instead) {
        return onError(type, error, q -> true, instead);
    }

    /** As {@link #onError(Class, ModeledError, Typed)}, only where {@code when} holds of the request. */
    static <Q extends SdkRequest> Interceptor onError(Class<Q> type, ModeledError error, Predicate<Q> when, Typed<Q> instead) {
        return onError(type, e -> FaultContext.is(e, error), when, instead);
    }

    /** As {@link #onError(Class, ModeledError, Predicate, Typed)}, for the errors {@code error} accepts. */
    static <Q extends SdkRequest> Interceptor onError(Class<Q> type, Predicate<ChimeSdkMessagingException> error,
                                                      Predicate<Q> when, Typed<Q> instead) {
        return on(type, (q, chain) -> {
            try {
                return chain.proceed(q);
            } catch (ChimeSdkMessagingException e) {
                if (error.test(e) && when.test(q)) {
                    return instead.intercept(q, chain);
                }
                throw e;
            }
        });
    }

    /** Every error the service answers is replaced by the one {@code change} makes of it (and the request). */
    static Interceptor failing(BiFunction<SdkRequest, ChimeSdkMessagingException, ChimeSdkMessagingException> change) {
        return (q, chain) -> {
            try {
                return chain.proceed(q);
            } catch (ChimeSdkMessagingException e) {
                throw change.apply(q, e);
            }
        };
    }
}
