package chime.conformance.reference.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * A route resolved against the SDK model: the operation's request class ({@code <Operation>Request}) and
 * the client method that takes it. Resolved once, when the server starts, so that a route naming an
 * operation the SDK does not know fails at start and not on the first request.
 */
public record OperationBinding(Route route, Class<? extends SdkRequest> requestType, Method builderFactory,
                               Method clientMethod) {

    public static Map<String, OperationBinding> resolveAll() {
        Map<String, OperationBinding> out = new LinkedHashMap<>();
        for (Route route : RouteTable.routes()) {
            out.put(route.operation(), resolve(route));
        }
        return Map.copyOf(out);
    }

    public static OperationBinding resolve(Route route) {
        String operation = route.operation();
        try {
            Class<? extends SdkRequest> requestType = route.api().requestClass(operation);
            Method builder = requestType.getMethod("builder");
            String methodName = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
            Method clientMethod = route.api().clientInterface().getMethod(methodName, requestType);
            OperationBinding binding = new OperationBinding(route, requestType, builder, clientMethod);
            for (SdkField<?> field : binding.newRequestBuilder().sdkFields()) {
                // restJson1 lets one member be the whole body; no served operation has one, and binding
                // treats every payload member as a key of a JSON object.
                if (field.containsTrait(PayloadTrait.class)) {
                    throw new IllegalStateException(operation + "." + field.memberName()
                            + " is an explicit payload member, which the server does not bind");
                }
            }
            return binding;
        } catch (IllegalArgumentException | NoSuchMethodException e) {
            throw new IllegalStateException("route " + route.method() + " " + route.template() + " names "
                    + operation + ", which the SDK model does not have: " + e, e);
        }
    }

    public String operation() {
        return route.operation();
    }

    /** A fresh builder of the request class; builders expose the model's fields ({@code sdkFields()}). */
    public SdkPojo newRequestBuilder() {
        try {
            return (SdkPojo) builderFactory.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a " + requestType.getSimpleName() + " builder", e);
        }
    }

    /**
     * Invokes the operation on a client of the route's API. Throws what the client throws: modeled
     * exceptions are the service's answer, anything else is a failure.
     */
    public SdkResponse invoke(Object client, SdkRequest request) throws Throwable {
        try {
            return (SdkResponse) clientMethod.invoke(client, request);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
