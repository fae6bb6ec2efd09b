package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot lock everyone out (the defect: 260 connections each sending a header byte a second
 * filled the 256-connection cap, and since the idle timeout restarts with every byte, nobody else was
 * answered for as long as they kept trickling). Here, on loopback only and for a few seconds, attackers from
 * other loopback addresses (127.0.0.2 to 127.0.0.5) keep opening connections and trickle one byte every
 * 100 ms, far inside the 30 s idle timeout, while a normal client on 127.0.0.1 sends requests one after
 * another: every one of them must be answered, each within the request deadline plus a margin.
 */
class SlowClientFloodTest {

    private static final Duration DEADLINE = Duration.ofMillis(1000);
    private static final Duration FLOOD = Duration.ofMillis(3500);
    private static final String SLOW_HEAD = "GET /endpoints/messaging-session HTTP/1.1\r\nHost: x\r\nX-Slow: "
            + "z".repeat(4000);

    private static ReferenceHttpServer start(int maxConnections, int perAddress) {
        FakeClients fake = new FakeClients();
        ReferenceHttpServer.Limits limits = ReferenceHttpServer.Limits.defaults()
                .withRequestDeadline(DEADLINE)
                .withConnections(maxConnections, perAddress);
        return ReferenceHttpServer.start(fake.messaging, fake.identity, "127.0.0.1", 0, limits);
    }

    /**
     * Four addresses of attackers, together past the server's connection cap: the deadline closes each slow
     * connection about a second after its first byte, so the normal client waits at most about that long.
     */
    @Test
    void slowHeadersFromManyAddressesAreClosedAtTheDeadlineAndOthersAreServed() throws Exception {
        try (ReferenceHttpServer server = start(24, 8)) {
            Flood flood = new Flood(server.uri(), List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"), 10);
            flood.start();
            try {
                Thread.sleep(300); // the attackers hold every connection before the first normal request
                List<Long> latencies = normalClient(server.uri(), FLOOD);
                assertThat("normal requests answered", latencies.size(), greaterThanOrEqualTo(3));
                assertThat("every normal request answered within the deadline and a margin", latencies,
                        everyItem(lessThan(DEADLINE.toMillis() + 2500)));
            } finally {
                flood.stop();
            }
            assertThat(flood.failures, is(empty()));
            // Without the deadline none would be closed: they send a byte every 100 ms, the idle timeout is 30 s.
            assertThat("slow connections the server closed", flood.closedByServer.size(), greaterThan(24));
        }
    }

    /** One address opening more connections than the server has: it gets its share, the rest are refused. */
    @Test
    void oneAddressCannotTakeEveryConnection() throws Exception {
        try (ReferenceHttpServer server = start(24, 8)) {
            Flood flood = new Flood(server.uri(), List.of("127.0.0.2"), 40);
            flood.start();
            try {
                Thread.sleep(300);
                List<Long> latencies = normalClient(server.uri(), Duration.ofMillis(1500));
                assertThat(latencies.size(), greaterThanOrEqualTo(3));
                assertThat("served at once: the attacker holds at most 8 of 24 connections", latencies,
                        everyItem(lessThan(700L)));
            } finally {
                flood.stop();
            }
            assertThat(flood.failures, is(empty()));
            assertThat("connections past the address's share were answered 429", flood.throttled.get() > 0, is(true));
        }
    }

    @Test
    void tricklingHeadersAreClosedAtTheDeadline() throws Exception {
        try (ReferenceHttpServer server = start(24, 8)) {
            warmUp(server);
            Slow slow = new Slow("127.0.0.1", server.uri());
            try {
                while (slow.sendNextByte()) {
                    assertThat("still open long after the deadline", slow.age(), lessThan(DEADLINE.toMillis() + 1500));
                    Thread.sleep(100);
                }
                assertThat("closed at the deadline, not before", slow.age(),
                        greaterThanOrEqualTo(DEADLINE.toMillis() - 100));
                assertThat(slow.throttled(), is(false));
            } finally {
                slow.close();
            }
        }
    }

    @Test
    void aTricklingBodyIsAnswered408AtTheDeadline() throws Exception {
        try (ReferenceHttpServer server = start(24, 8); Socket socket = new Socket()) {
            warmUp(server);
            socket.connect(server.address());
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write(("POST /channels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicBoolean stop = new AtomicBoolean();
            Thread trickle = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server answered and closed
                }
            });
            trickle.start();
            try {
                RawHttp.Reply reply = RawHttp.read(socket.getInputStream());
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertThat(reply.status(), is(408));
                assertThat(reply.header("x-amzn-ErrorType"), equalTo("BadRequestException"));
                assertThat(reply.header("Connection"), equalTo("close"));
                assertThat(millis, lessThan(DEADLINE.toMillis() + 1500));
                assertThat(millis, greaterThanOrEqualTo(DEADLINE.toMillis() - 50));
            } finally {
                stop.set(true);
                trickle.join(2000);
            }
        }
    }

    /** The server's error path loaded and compiled, so a loaded machine's first-use delays do not count. */
    private static void warmUp(ReferenceHttpServer server) throws IOException {
        RawHttp.send(server.uri(), "POST /channels HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close",
                "[]".getBytes(StandardCharsets.US_ASCII), 5000);
    }

    /** Sequential requests from 127.0.0.1 for {@code duration}; returns each one's time to its answer (ms). */
    private static List<Long> normalClient(URI server, Duration duration) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            RawHttp.Reply reply = RawHttp.send(server, "GET /endpoints/messaging-session HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close", null, 8000);
            assertThat(reply.status(), is(200));
            latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            Thread.sleep(100);
        }
        return latencies;
    }

    /**
     * Attackers: for each source address a thread keeps {@code perAddress} connections open, writes one byte
     * of an endless request head to each every 100 ms, and replaces each connection the server closes.
     */
    private static final class Flood {
        private final URI server;
        private final List<String> addresses;
        private final int perAddress;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        /** Lifetimes (ms from connect) of connections the server closed while they were still sending. */
        final List<Long> closedByServer = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();

        Flood(URI server, List<String> addresses, int perAddress) {
            this.server = server;
            this.addresses = addresses;
            this.perAddress = perAddress;
        }

        void start() {
            for (String address : addresses) {
                Thread t = new Thread(() -> attack(address), "slow-client-" + address);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
        }

        private void attack(String address) {
            Slow[] slow = new Slow[perAddress];
            try {
                while (!stop.get()) {
                    for (int i = 0; i < slow.length && !stop.get(); i++) {
                        if (slow[i] == null) {
                            slow[i] = new Slow(address, server);
                        }
                        if (!slow[i].sendNextByte()) {
                            if (slow[i].throttled()) {
                                throttled.incrementAndGet();
                            } else {
                                closedByServer.add(slow[i].age());
                            }
                            slow[i].close();
                            slow[i] = null;
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Throwable e) {
                if (!stop.get()) {
                    failures.add(e);
                }
            } finally {
                for (Slow s : slow) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
        }
    }

    /** One slow connection from a given loopback address. */
    private static final class Slow {
        private final Socket socket = new Socket();
        private final long opened = System.nanoTime();
        private int sent;
        private boolean throttled;

        Slow(String address, URI server) throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 2000);
            socket.setSoTimeout(1);
            socket.setTcpNoDelay(true);
        }

        /** False once the server has closed the connection (or answered it: a 429). */
        boolean sendNextByte() {
            try {
                InputStream in = socket.getInputStream();
                int first;
                try {
                    first = in.read();
                } catch (java.net.SocketTimeoutException nothingYet) {
                    first = -2;
                }
                if (first == -1) {
                    return false;
                }
                if (first >= 0) {
                    // An answer before the request is complete: the 429 of a connection past the address's share.
                    byte[] rest = in.readNBytes(11);
                    throttled = ((char) first + new String(rest, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 429");
                    return false;
                }
                socket.getOutputStream().write(SLOW_HEAD.charAt(sent++ % SLOW_HEAD.length()));
                socket.getOutputStream().flush();
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        boolean throttled() {
            return throttled;
        }

        long age() {
            return Duration.ofNanos(System.nanoTime() - opened).toMillis();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
