package chime.conformance.runner.target.aws;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ReferenceHttpServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceSummary;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowResponse;

/**
 * The reference served over HTTP, standing in for AWS in the aws target's tests, with a record of every
 * operation that reached it (and of each channel flow it created), so a test can tell what the kit did on
 * the wire: nothing at all, or exactly what it had to.
 */
final class RecordingReference implements AutoCloseable {

    final ReferenceService service = ReferenceService.create();
    final List<String> operations = new CopyOnWriteArrayList<>();
    final List<String> createdFlows = new CopyOnWriteArrayList<>();
    final List<String> deletedFlows = new CopyOnWriteArrayList<>();
    /** The call of this number (1: the first) of {@link #failing} is refused with ForbiddenException. */
    volatile String failing;
    volatile int failingCall;
    private final java.util.concurrent.atomic.AtomicInteger failingSeen = new java.util.concurrent.atomic.AtomicInteger();
    private final ReferenceHttpServer server;

    RecordingReference() {
        ChimeSdkMessagingClient messaging = recording(ChimeSdkMessagingClient.class, service.wireMessagingClient());
        ChimeSdkIdentityClient identity = recording(ChimeSdkIdentityClient.class, service.wireIdentityClient());
        server = ReferenceHttpServer.start(messaging, identity, "127.0.0.1", 0);
    }

    URI uri() {
        return server.uri();
    }

    /** The AppInstances of the reference whose name is a kit name. */
    List<AppInstanceSummary> kitAppInstances() {
        return service.identityClient().listAppInstances(r -> r.maxResults(50)).appInstances().stream()
                .filter(a -> a.name().startsWith(RunId.PREFIX))
                .toList();
    }

    List<AppInstanceSummary> allAppInstances() {
        return service.identityClient().listAppInstances(r -> r.maxResults(50)).appInstances();
    }

    @SuppressWarnings("unchecked")
    private <T> T recording(Class<T> type, T delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean operation = method.getParameterCount() == 1 && method.getName().matches("[a-z]\\w+")
                    && !method.getName().equals("equals");
            if (operation && method.getName().equals(failing) && failingSeen.incrementAndGet() == failingCall) {
                operations.add(method.getName() + "!");
                throw software.amazon.awssdk.services.chimesdkidentity.model.ForbiddenException.builder()
                        .message("Planned refusal of " + method.getName()).statusCode(403).build();
            }
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                if (operation) {
                    operations.add(method.getName() + "!");
                }
                throw e.getCause();
            }
            if (operation) {
                operations.add(method.getName());
                if (result instanceof CreateChannelFlowResponse created) {
                    createdFlows.add(created.channelFlowArn());
                }
                if (method.getName().equals("deleteChannelFlow")) {
                    deletedFlows.add(((software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelFlowRequest)
                            args[0]).channelFlowArn());
                }
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public void close() {
        server.close();
        service.close();
    }
}
