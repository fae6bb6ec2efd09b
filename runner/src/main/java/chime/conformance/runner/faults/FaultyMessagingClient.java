package chime.conformance.runner.faults;

import chime.conformance.runner.api.Operation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * A {@link ChimeSdkMessagingClient} that passes every operation through an {@link Interceptor} before it
 * reaches the client underneath. It decorates the whole interface at once: an operation called with a
 * request object goes through the interceptor; its convenience overload (a request builder consumer) is the
 * interface's own default method, which ends in the request overload and so is intercepted too;
 * everything else ({@code serviceName}, {@code close}, ...) goes straight underneath.
 */
public final class FaultyMessagingClient implements InvocationHandler {

    private final ChimeSdkMessagingClient underneath;
    private final Interceptor interceptor;

    private FaultyMessagingClient(ChimeSdkMessagingClient underneath, Interceptor interceptor) {
        this.underneath = underneath;
        this.interceptor = interceptor;
    }

    public static ChimeSdkMessagingClient wrap(ChimeSdkMessagingClient underneath, Interceptor interceptor) {
        return (ChimeSdkMessagingClient) Proxy.newProxyInstance(ChimeSdkMessagingClient.class.getClassLoader(),
                new Class<?>[] {ChimeSdkMessagingClient.class}, new FaultyMessagingClient(underneath, interceptor));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "faulty " + underneath;
            };
        }
        if (args != null && args.length == 1 && args[0] instanceof SdkRequest request
                && SdkResponse.class.isAssignableFrom(method.getReturnType())) {
            return interceptor.intercept(request, r -> underneath(method, r));
        }
        if (method.isDefault() && args != null && args.length > 0) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return method.invoke(underneath, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private SdkResponse underneath(Method method, SdkRequest request) {
        if (!method.getParameterTypes()[0].isInstance(request)) {
            throw new IllegalStateException(method.getName() + " cannot proceed with a " + request.getClass().getSimpleName());
        }
        return Operation.of(request).invoke(underneath, request);
    }
}
