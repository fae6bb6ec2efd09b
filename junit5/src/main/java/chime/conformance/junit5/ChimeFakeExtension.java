package chime.conformance.junit5;

import chime.conformance.reference.ReferenceService;
import java.lang.reflect.Parameter;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The extension behind {@link ChimeFake}: resolves the clients, the service and the endpoint of the current test
 * method, creating the service on first use and closing it (after the server, if any) when the test ends.
 * Registered through {@code @ChimeFake}, or directly with {@code @ExtendWith(ChimeFakeExtension.class)} (then
 * with the defaults of {@link ChimeFake}).
 */
public final class ChimeFakeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ChimeFakeExtension.class);
    private static final String SERVER_CLASS = "chime.conformance.reference.http.ReferenceHttpServer";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(ChimeEndpoint.class)) {
            return type == URI.class || type == String.class;
        }
        return type == ChimeSdkMessagingClient.class || type == ChimeSdkIdentityClient.class
                || type == ReferenceService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        ReferenceService service = service(context);
        if (parameter.isAnnotated(ChimeEndpoint.class)) {
            URI uri = endpoint(context, service);
            return p.getType() == String.class ? uri.toString() : uri;
        }
        if (p.getType() == ChimeSdkMessagingClient.class) {
            return service.messagingClient();
        }
        if (p.getType() == ChimeSdkIdentityClient.class) {
            return service.identityClient();
        }
        return service;
    }

    /**
     * The service of the current test method: one per method (parameters of {@code @BeforeEach} methods share
     * the test method's context, so they get the same one), closed with the method's context.
     */
    private static ReferenceService service(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent("service", key -> {
            ChimeFake settings = settings(context);
            return ReferenceService.builder()
                    .region(settings == null ? ReferenceService.DEFAULT_REGION : settings.region())
                    .accountId(settings == null ? ReferenceService.DEFAULT_ACCOUNT_ID : settings.accountId())
                    .build();
        }, ReferenceService.class);
    }

    private static ChimeFake settings(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            var found = c.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, ChimeFake.class));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    private static URI endpoint(ExtensionContext context, ReferenceService service) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Served served = store.getOrComputeIfAbsent("server", key -> Served.start(service), Served.class);
        return served.uri();
    }

    /** The service served over HTTP, reached reflectively so that the extension works without the server's jar. */
    private record Served(AutoCloseable server, URI uri) implements AutoCloseable {

        static Served start(ReferenceService service) {
            Class<?> serverClass;
            try {
                serverClass = Class.forName(SERVER_CLASS, true, ChimeFakeExtension.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ParameterResolutionException("@ChimeEndpoint serves the fake over HTTP, which needs"
                        + " io.github.chimeconformance:chime-conformance-reference-http on the test class path"
                        + " (a test-scoped dependency beside chime-conformance-junit5)");
            }
            try {
                Object server = serverClass.getMethod("start", ReferenceService.class, String.class, int.class)
                        .invoke(null, service, "127.0.0.1", 0);
                URI uri = (URI) serverClass.getMethod("uri").invoke(server);
                return new Served((AutoCloseable) server, uri);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ParameterResolutionException("cannot serve the fake over HTTP: " + cause.getMessage(),
                        cause);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
