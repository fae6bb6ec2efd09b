package chime.conformance.reference.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Recording stand-ins for the two SDK clients, so the wire layer can be tested on its own: every call is
 * recorded with the request the server bound, and answered by a programmable function (by default an
 * empty response of the operation's response class).
 */
final class FakeClients {

    record Call(String operation, SdkRequest request) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<SdkRequest, Object>> answers = new ConcurrentHashMap<>();

    final ChimeSdkMessagingClient messaging = proxy(ChimeSdkMessagingClient.class);
    final ChimeSdkIdentityClient identity = proxy(ChimeSdkIdentityClient.class);

    /** Answers {@code operation} with what {@code answer} returns, or throws what it throws. */
    void answer(String operation, Function<SdkRequest, Object> answer) {
        answers.put(operation, answer);
    }

    private <T> T proxy(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Fake" + type.getSimpleName();
                };
            }
            if (args == null || args.length != 1 || !(args[0] instanceof SdkRequest request)) {
                if (method.getName().equals("close")) {
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            }
            String operation = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            calls.add(new Call(operation, request));
            Function<SdkRequest, Object> answer = answers.get(operation);
            if (answer != null) {
                return answer.apply(request);
            }
            return emptyResponse(method);
        });
        return type.cast(proxy);
    }

    static Object emptyResponse(Method method) throws ReflectiveOperationException {
        try {
            return ((SdkBuilder<?, ?>) method.getReturnType().getMethod("builder").invoke(null)).build();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
