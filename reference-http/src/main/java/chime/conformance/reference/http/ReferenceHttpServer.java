package chime.conformance.reference.http;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.core.session.MessagingSessions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The reference served over HTTP in the AWS restJson1 protocol: Chime SDK Messaging (the 43 documented
 * operations) and the identity operations fixtures need, on one port. Any SDK or tool pointed at
 * {@link #uri()} with an endpoint override talks to it as it would to AWS; SigV4 signatures are accepted
 * without verification.
 *
 * <p>Limits keep a slow or huge request from holding the server: bodies are capped ({@link Limits}, 1 MiB
 * by default, answered 413 BadRequestException), the request line and headers together are capped, idle
 * connections are closed, a request must arrive in full within a deadline (10 s) however steadily it
 * trickles in, bodies are read without holding a thread, and connections are bounded, in all and per client
 * address ({@link ConnectionGuard}).
 */
public final class ReferenceHttpServer implements AutoCloseable {

    /**
     * @param maxBodyBytes             largest request body accepted; the largest valid request of the model is
     *                                 far below 1 MiB (100 member ARNs of 1600 characters are 160 KiB)
     * @param maxHeaderBytes           request line plus headers: room for two ARNs of 1600 characters in the
     *                                 path, percent-encoded, and a bearer header
     * @param idleTimeout              a connection that sends or reads nothing this long is closed
     * @param requestDeadline          a request's line, headers and body must arrive within this time of its
     *                                 first byte, however steadily they trickle in (the idle timeout restarts
     *                                 with every byte)
     * @param maxConnections           open connections at once
     * @param maxConnectionsPerAddress open connections at once from one client address
     * @param maxThreads               worker threads
     */
    public record Limits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout, Duration requestDeadline,
                         int maxConnections, int maxConnectionsPerAddress, int maxThreads) {

        public Limits {
            if (requestDeadline.isNegative() || requestDeadline.isZero()) {
                throw new IllegalArgumentException("the request deadline must be positive");
            }
            if (maxConnectionsPerAddress < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("connection limits must be at least 1");
            }
        }

        /**
         * 1 MiB bodies, 32 KiB heads, 30 s idle, 10 s to receive a request, 256 connections of which 128 from
         * one address, 32 threads.
         */
        public static Limits defaults() {
            return new Limits(1 << 20, 32 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10), 256, 128, 32);
        }

        public Limits withRequestDeadline(Duration deadline) {
            return new Limits(maxBodyBytes, maxHeaderBytes, idleTimeout, deadline, maxConnections,
                    maxConnectionsPerAddress, maxThreads);
        }

        public Limits withConnections(int total, int perAddress) {
            return new Limits(maxBodyBytes, maxHeaderBytes, idleTimeout, requestDeadline, total, perAddress,
                    maxThreads);
        }
    }

    private final Server server;
    private final URI uri;

    private ReferenceHttpServer(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Serves the reference implementation on {@code host:port} (port 0: a free port; "127.0.0.1" keeps it
     * on the loopback interface). It is bound through the service's wire clients, which, like the real
     * service, fill in no idempotency token that a request left out. The processor hooks
     * ({@link ProcessorHooks}, under {@value ProcessorHooks#PREFIX}) are served beside the API.
     */
    public static ReferenceHttpServer start(ReferenceService service, String host, int port) {
        return start(service, host, port, Limits.defaults());
    }

    /** As {@link #start(ReferenceService, String, int)}, with other limits. */
    public static ReferenceHttpServer start(ReferenceService service, String host, int port, Limits limits) {
        return start(service, host, port, limits, MemoryBudget.unlimited());
    }

    /**
     * As {@link #start(ReferenceService, String, int, Limits)}, refusing operations that add data while the
     * heap in use passes {@code memory} (the server closes it when it stops).
     */
    public static ReferenceHttpServer start(ReferenceService service, String host, int port, Limits limits,
                                            MemoryBudget memory) {
        ChimeSdkMessagingClient messaging = service.wireMessagingClient();
        ChimeSdkIdentityClient identity = service.wireIdentityClient();
        return start(() -> messaging, () -> identity, host, port, limits, memory,
                api -> new ReservedPathsHandler(java.util.List.of(new ProcessorHooks(service)), api),
                service::sessions);
    }

    /** Serves any pair of clients, e.g. a fake in a test, on {@code host:port} (port 0: a free port). */
    public static ReferenceHttpServer start(ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity,
                                            String host, int port) {
        return start(messaging, identity, host, port, Limits.defaults());
    }

    public static ReferenceHttpServer start(ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity,
                                            String host, int port, Limits limits) {
        return start(messaging, identity, host, port, limits, MemoryBudget.unlimited());
    }

    public static ReferenceHttpServer start(ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity,
                                            String host, int port, Limits limits, MemoryBudget memory) {
        return start(() -> messaging, () -> identity, host, port, limits, memory, api -> api, null);
    }

    /**
     * What serve adds for a developer who runs it as an emulator.
     *
     * @param version    shown by the health endpoint
     * @param cors       answer browsers' preflight requests and allow any origin ({@link CorsHandler})
     * @param requestLog where to write one line per request ({@link RequestLogHandler}), or null for none
     */
    public record EmulatorOptions(String version, boolean cors, java.util.function.Consumer<String> requestLog) {
    }

    /**
     * Serves a service that can be reset, as an emulator: the API, and under the reserved prefix the health and
     * reset endpoints ({@link EmulatorEndpoints}) and the processor hooks ({@link ProcessorHooks}) of whichever
     * service is current; and what {@code options} ask for.
     */
    public static ReferenceHttpServer start(ResettableService service, String host, int port, Limits limits,
                                            MemoryBudget memory, EmulatorOptions options) {
        // The current service's own clients, looked up per request: the resettable service's proxies would
        // add a reflective call to every request.
        return start(() -> service.current().wireMessagingClient(), () -> service.current().wireIdentityClient(),
                host, port, limits, memory, api -> {
            Handler handler = new ReservedPathsHandler(java.util.List.of(
                    new EmulatorEndpoints(service, options.version()), new ProcessorHooks(service::current)), api);
            if (options.cors()) {
                handler = new CorsHandler(handler);
            }
            return options.requestLog() == null ? handler : new RequestLogHandler(options.requestLog(), handler);
        }, () -> service.current().sessions());
    }

    /**
     * A bare handler on this server's thread pool, connector and connection limits, and nothing else (no API,
     * no error handler of its own): the physical neighbourhood that benchmarks measure the server against.
     */
    public static ReferenceHttpServer startBare(Handler handler, String host, int port, Limits limits) {
        Server server = newServer(limits);
        ServerConnector connector = connect(server, host, port, limits);
        server.setHandler(handler);
        return started(server, connector, host, port);
    }

    private static ReferenceHttpServer start(java.util.function.Supplier<ChimeSdkMessagingClient> messaging,
                                             java.util.function.Supplier<ChimeSdkIdentityClient> identity,
                                             String host, int port, Limits limits, MemoryBudget memory,
                                             java.util.function.UnaryOperator<Handler> around,
                                             java.util.function.Supplier<MessagingSessions> sessions) {
        Server server = newServer(limits);
        ServerConnector connector = connect(server, host, port, limits);
        server.setErrorHandler(new AwsErrorHandler());
        RestJsonDispatcher dispatcher = new RestJsonDispatcher(messaging, identity, memory);
        if (sessions != null) {
            dispatcher.servingSessions();
        }
        Handler api = around.apply(new RestJsonHandler(dispatcher, limits.maxBodyBytes(), limits.requestDeadline()));
        // The messaging session (/connect, WebSocket) beside the API, when a reference service is served.
        server.setHandler(sessions == null ? api : SessionSockets.wrap(server, sessions, api));
        server.addBean(new org.eclipse.jetty.util.component.AbstractLifeCycle() {
            @Override
            protected void doStop() {
                memory.close();
            }
        });
        return started(server, connector, host, port);
    }

    private static Server newServer(Limits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2);
        threads.setName("chime-reference-http");
        threads.setDaemon(true);
        return new Server(threads);
    }

    /** The one connector: HTTP/1.1 with the limits' header size, idle timeout and connection bounds. */
    private static ServerConnector connect(Server server, String host, int port, Limits limits) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        // ARNs travel percent-encoded in path segments (%3A, %2F): what Jetty calls ambiguous is how this API
        // works. The dispatcher decodes each segment itself, strictly (HTTP-006).
        http.setUriCompliance(UriCompliance.UNSAFE);

        // The API's handler answers on the thread that reads the request (it never blocks, RestJsonHandler):
        // one selector per core then keeps every core at work, where Jetty's default is one per two cores.
        int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        connector.addBean(new ConnectionGuard(limits.requestDeadline(), limits.maxConnectionsPerAddress()));
        return connector;
    }

    private static ReferenceHttpServer started(Server server, ServerConnector connector, String host, int port) {
        // Closing means now: keep-alive connections of clients would otherwise hold a graceful stop.
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        URI uri = URI.create("http://" + shownHost + ":" + connector.getLocalPort());
        return new ReferenceHttpServer(server, uri);
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}: pass it to an SDK's endpoint override. */
    public URI uri() {
        return uri;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the reference HTTP server failed: " + e.getMessage(), e);
        }
    }
}
