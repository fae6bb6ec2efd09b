package chime.conformance.reference.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * A route resolved against the SDK model: the operation's request class ({@code <Operation>Request}), the
 * client method that takes it, and the request's fields ({@code sdkFields()}) the codec binds. Resolved once,
 * when the server starts, so that a route naming an operation the SDK does not know fails at start and not on
 * the first request, and so that a request costs no reflection: the builder factory and the client method are
 * called through method handles.
 */
public final class OperationBinding {

    private final Route route;
    private final Class<? extends SdkRequest> requestType;
    private final Method builderFactory;
    private final Method clientMethod;
    private final MethodHandle newBuilder;
    private final MethodHandle call;
    private final List<SdkField<?>> fields;
    private final boolean hasPayload;
    private final boolean addsData;

    private OperationBinding(Route route, Class<? extends SdkRequest> requestType, Method builderFactory,
                             Method clientMethod) throws IllegalAccessException {
        this.route = route;
        this.requestType = requestType;
        this.builderFactory = builderFactory;
        this.clientMethod = clientMethod;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.newBuilder = lookup.unreflect(builderFactory).asType(MethodType.methodType(Object.class));
        this.call = lookup.unreflect(clientMethod)
                .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        this.fields = List.copyOf(newRequestBuilder().sdkFields());
        this.hasPayload = fields.stream().anyMatch(f -> f.location() == MarshallLocation.PAYLOAD);
        this.addsData = RestJsonDispatcher.addsData(route.operation());
    }

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
            for (SdkField<?> field : binding.fields) {
                // restJson1 lets one member be the whole body; no served operation has one, and binding
                // treats every payload member as a key of a JSON object.
                if (field.containsTrait(PayloadTrait.class)) {
                    throw new IllegalStateException(operation + "." + field.memberName()
                            + " is an explicit payload member, which the server does not bind");
                }
            }
            return binding;
        } catch (IllegalArgumentException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("route " + route.method() + " " + route.template() + " names "
                    + operation + ", which the SDK model does not have: " + e, e);
        }
    }

    public Route route() {
        return route;
    }

    public Class<? extends SdkRequest> requestType() {
        return requestType;
    }

    public Method builderFactory() {
        return builderFactory;
    }

    public Method clientMethod() {
        return clientMethod;
    }

    public String operation() {
        return route.operation();
    }

    /** The request's fields, as the model gives them ({@code sdkFields()} of its builder). */
    List<SdkField<?>> fields() {
        return fields;
    }

    /** Whether any member of the request travels in the JSON body. */
    boolean hasPayload() {
        return hasPayload;
    }

    /** Whether the operation adds data ({@link RestJsonDispatcher#addsData}). */
    boolean addsData() {
        return addsData;
    }

    /** A fresh builder of the request class; builders expose the model's fields ({@code sdkFields()}). */
    public SdkPojo newRequestBuilder() {
        try {
            Object builder = newBuilder.invokeExact();
            return (SdkPojo) builder;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a " + requestType.getSimpleName() + " builder", e);
        }
    }

    /**
     * Invokes the operation on a client of the route's API. Throws what the client throws: modeled
     * exceptions are the service's answer, anything else is a failure.
     */
    public SdkResponse invoke(Object client, SdkRequest request) throws Throwable {
        Object response = call.invokeExact(client, (Object) request);
        return (SdkResponse) response;
    }
}
