package chime.conformance.benchmarks.server;

import chime.conformance.reference.http.ReferenceHttpServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The physical neighbourhood of {@code serve}: a Jetty handler that answers every request with one fixed JSON
 * body (the size of a SendChannelMessage answer), on the same Jetty, thread pool, connector and connection
 * limits as the reference HTTP server ({@link ReferenceHttpServer#startBare}). What a request costs here is what
 * HTTP/1.1 on this machine costs before the server does any work of its own.
 *
 * <pre>
 * java -cp benchmarks.jar chime.conformance.benchmarks.server.BareJettyServer [--host 127.0.0.1] [--port 0]
 *     [--non-blocking]
 * </pre>
 *
 * Prints its endpoint ({@code http://127.0.0.1:PORT}) and serves until the process is stopped.
 */
public final class BareJettyServer {

    static final byte[] BODY = ("{\"ChannelArn\":\"arn:aws:chime:us-east-1:111122223333:app-instance/"
            + "0f0e0d0c-0b0a-0908-0706-050403020100/channel/00112233-4455-6677-8899-aabbccddeeff\","
            + "\"MessageId\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\","
            + "\"Status\":{\"Value\":\"SENT\"}}").getBytes(StandardCharsets.UTF_8);

    private BareJettyServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 0;
        boolean nonBlocking = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--non-blocking" -> nonBlocking = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Handler handler = nonBlocking ? new FixedNonBlocking() : new Fixed();
        ReferenceHttpServer server = ReferenceHttpServer.startBare(handler, host, port,
                ReferenceHttpServer.Limits.defaults());
        System.out.println("bare Jetty handler serving a fixed body at");
        System.out.println("  " + server.uri());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Every request: 200, Content-Type application/json, the fixed body. Declared blocking, as the server's API
     * handler is (an operation may wait, on a channel's lock or a processor), so Jetty dispatches both alike.
     */
    static final class Fixed extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
        }
    }

    /**
     * The same answer from a handler that declares it never blocks, which Jetty may then run on the thread that
     * read the request instead of handing it to another: what that hand-off costs.
     */
    static final class FixedNonBlocking extends Handler.Abstract.NonBlocking {
        private final Fixed fixed = new Fixed();

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            return fixed.handle(request, response, callback);
        }
    }
}
