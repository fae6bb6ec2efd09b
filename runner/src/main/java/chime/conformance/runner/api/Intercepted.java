package chime.conformance.runner.api;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A messaging client that passes every operation through one function before it reaches the client
 * underneath. It decorates the whole interface at once: an operation called with a request object goes
 * through the function; its convenience overload (a request builder consumer) is the interface's own default
 * method, which ends in the request overload and so goes through it too; everything else
 * ({@code serviceName}, {@code close}, ...) goes straight underneath.
 */
public final class Intercepted {

    private Intercepted() {
    }

    /** The client underneath, for the operation being called. */
    @FunctionalInterface
    public interface Underneath {
        SdkResponse send(SdkRequest request);
    }

    /** {@code underneath} with every operation sent through {@code around}; {@code label} names it in toString. */
    public static ChimeSdkMessagingClient client(ChimeSdkMessagingClient underneath, String label,
                                                 BiFunction<SdkRequest, Underneath, SdkResponse> around) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> label + " " + underneath;
                };
            }
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request
                    && SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                return around.apply(request, r -> {
                    if (!method.getParameterTypes()[0].isInstance(r)) {
                        throw new IllegalStateException(method.getName() + " cannot proceed with a "
                                + r.getClass().getSimpleName());
                    }
                    return Operation.of(r).invoke(underneath, r);
                });
            }
            if (method.isDefault() && args != null && args.length > 0) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(underneath, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ChimeSdkMessagingClient) Proxy.newProxyInstance(ChimeSdkMessagingClient.class.getClassLoader(),
                new Class<?>[] {ChimeSdkMessagingClient.class}, handler);
    }
}
