package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and huge requests cannot hold the server: a stalled body is answered 408 in the AWS shape once the
 * idle timeout passes, stalled headers get the connection closed, a streamed body over the cap is refused
 * with 413 (read to its end first, so the client sees the answer, unless it is far over), and while a slow client stalls, other clients are served.
 */
class ServerLimitsTest {

    private static final Duration IDLE = Duration.ofMillis(700);
    private static final int CAP = 4096;
    private static final FakeClients FAKE = new FakeClients();
    private static ReferenceHttpServer server;

    @BeforeAll
    static void start() {
        ReferenceHttpServer.Limits limits = new ReferenceHttpServer.Limits(CAP, 8192, IDLE, Duration.ofSeconds(10), 16, 16, 8);
        server = ReferenceHttpServer.start(FAKE.messaging, FAKE.identity, "127.0.0.1", 0, limits);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStalledBodyIsAnswered408() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                socket.setSoTimeout(8000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /channels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"Name\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long started = System.nanoTime();
                RawHttp.Reply reply = RawHttp.read(socket.getInputStream());
                assertThat(reply.status(), is(408));
                assertThat(reply.header("x-amzn-ErrorType"), equalTo("BadRequestException"));
                assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(Duration.ofSeconds(6)));
            }
        });
        assertThat(FAKE.calls, is(List.of()));
    }

    @Test
    void stalledHeadersGetTheConnectionClosed() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                socket.setSoTimeout(8000);
                socket.getOutputStream().write("GET /channels HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                // Whatever Jetty says before closing (if anything), the connection ends.
                while (in.read() != -1) {
                    // drain
                }
            }
        });
    }

    @Test
    void aStreamedBodyOverTheCapIsReadToTheEndAndRefused413() throws Exception {
        RawHttp.Reply reply = sendChunked(CAP + 1, true);
        assertThat(reply.status(), is(413));
        assertThat(reply.header("x-amzn-ErrorType"), equalTo("BadRequestException"));
    }

    /** Past 16 times the cap the server stops reading and answers at once; the client need not finish. */
    @Test
    void aStreamedBodyFarOverTheCapIsRefusedWithoutWaitingForTheRest() throws Exception {
        RawHttp.Reply reply = sendChunked(16 * CAP + 1, false);
        assertThat(reply.status(), is(413));
        assertThat(reply.header("x-amzn-ErrorType"), equalTo("BadRequestException"));
    }

    private static RawHttp.Reply sendChunked(int bytes, boolean finish) throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(8000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /channels HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = " ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < bytes; sent += chunk.length) {
                out.write(("400\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (finish) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    @Test
    void otherClientsAreServedWhileSlowOnesStall() throws Exception {
        Socket[] stalled = new Socket[6];
        try {
            for (int i = 0; i < stalled.length; i++) {
                stalled[i] = new Socket(server.uri().getHost(), server.uri().getPort());
                stalled[i].getOutputStream().write(("POST /channels HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                stalled[i].getOutputStream().flush();
            }
            assertTimeoutPreemptively(Duration.ofMillis(600), () -> {
                RawHttp.Reply reply = RawHttp.send(server.uri(),
                        "GET /endpoints/messaging-session HTTP/1.1\r\nHost: x\r\nConnection: close", null, 500);
                assertThat(reply.status(), is(200));
            });
        } finally {
            for (Socket s : stalled) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
