package chime.conformance.runner.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * One operation of the messaging API as the SDK's generated client declares it: the method that takes
 * {@code <Operation>Request}. Every operation is found there, so the driver keeps no list of its own; the
 * name of an operation is the name of its request class.
 */
public record Operation(String name, Class<? extends SdkRequest> requestType, Method method) {

    private static final Map<String, Operation> ALL = Arrays.stream(ChimeSdkMessagingClient.class.getMethods())
            .filter(m -> m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && SdkResponse.class.isAssignableFrom(m.getReturnType()))
            .map(m -> new Operation(m.getParameterTypes()[0].getSimpleName().replaceFirst("Request$", ""),
                    m.getParameterTypes()[0].asSubclass(SdkRequest.class), m))
            .collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));

    private static final Map<String, Set<String>> MEMBERS = new ConcurrentHashMap<>();

    public static Operation named(String name) {
        Operation operation = ALL.get(name);
        if (operation == null) {
            throw new IllegalArgumentException("the messaging API has no operation " + name);
        }
        return operation;
    }

    /** The operation of a request or of a request builder (a class nested in the request's). */
    public static Operation of(SdkPojo request) {
        Class<?> type = request.getClass();
        while (type.getEnclosingClass() != null) {
            type = type.getEnclosingClass();
        }
        return named(type.getSimpleName().replaceFirst("Request$", ""));
    }

    /** A new, empty request builder; a builder is an {@link SdkPojo} with the model's fields. */
    public SdkRequest.Builder builder() {
        try {
            return (SdkRequest.Builder) requestType.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + requestType.getSimpleName() + " builder", e);
        }
    }

    public boolean takes(String member) {
        return MEMBERS.computeIfAbsent(name, n -> ((SdkPojo) builder()).sdkFields().stream()
                .map(SdkField::memberName).collect(Collectors.toUnmodifiableSet())).contains(member);
    }

    /** A list operation: it takes a NextToken. */
    public boolean pages() {
        return takes("NextToken");
    }

    /** Calls the operation; throws what the client throws (a modeled exception is the service's answer). */
    public SdkResponse invoke(ChimeSdkMessagingClient client, SdkRequest request) {
        try {
            return (SdkResponse) method.invoke(client, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
