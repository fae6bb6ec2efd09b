package chime.conformance.reference.http;

import chime.conformance.reference.ReferenceService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A service that can start over: {@link #reset()} puts a new {@link ReferenceService} from the same factory (same
 * region, account, quotas, processors) in place of the current one, which is closed. The wire clients it hands out
 * always reach the current service, so a server bound to them never needs to know. A request already running
 * when the reset happens finishes against the state being discarded. Thread safe.
 */
public final class ResettableService implements AutoCloseable {

    private final Supplier<ReferenceService> factory;
    private final AtomicReference<ReferenceService> current;
    private final ChimeSdkMessagingClient messaging;
    private final ChimeSdkIdentityClient identity;

    public ResettableService(Supplier<ReferenceService> factory) {
        this.factory = Objects.requireNonNull(factory);
        this.current = new AtomicReference<>(Objects.requireNonNull(factory.get()));
        this.messaging = delegate(ChimeSdkMessagingClient.class, ReferenceService::wireMessagingClient);
        this.identity = delegate(ChimeSdkIdentityClient.class, ReferenceService::wireIdentityClient);
    }

    /** The service that answers now. */
    public ReferenceService current() {
        return current.get();
    }

    /** The messaging API as the wire sees it (nothing filled in), always of the current service. */
    public ChimeSdkMessagingClient wireMessagingClient() {
        return messaging;
    }

    /** The identity subset as the wire sees it, always of the current service. */
    public ChimeSdkIdentityClient wireIdentityClient() {
        return identity;
    }

    /** Starts over with an empty service; the one before is closed. */
    public void reset() {
        ReferenceService old = current.getAndSet(factory.get());
        old.close();
    }

    @Override
    public void close() {
        current.get().close();
    }

    private <T> T delegate(Class<T> type, Function<ReferenceService, T> client) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "ResettableService." + type.getSimpleName();
                };
            }
            try {
                return method.invoke(client.apply(current.get()), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
