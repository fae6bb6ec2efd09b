package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A flood past a small heap is answered with the modeled refusal, and the server stays alive (the defect:
 * with {@code -Xmx256m} about 55,000 messages of 4,000 bytes were accepted, then the JVM spent its time
 * collecting garbage, answered nothing and ignored SIGTERM). Here {@code serve} runs in a child JVM with
 * {@code -Xmx256m}, as documented ({@code -XX:+ExitOnOutOfMemoryError}) and with its default memory budget;
 * maximum-size messages (4,096 bytes of content, 1,024 of metadata) are sent over a few pipelined
 * connections until ServiceUnavailableException (503) answers; then the server must still answer reads and
 * deletes, and stop within seconds of SIGTERM.
 */
class ServeMemoryFloodTest {

    private static final int CONNECTIONS = 3;
    private static final int PIPELINE = 32;
    /** Far more than 256 MiB can hold: the flood cannot end without a refusal. */
    private static final int MAX_MESSAGES = 200_000;
    private static final Duration MAX_FLOOD = Duration.ofSeconds(90);

    @Test
    void aFloodPastASmallHeapIsRefusedWith503AndTheServerStillReadsAndStops() throws Exception {
        Process serve = startServe();
        try {
            URI endpoint = awaitEndpoint(serve);
            Setup setup = setUp(endpoint);

            Counts counts = flood(endpoint, setup);
            assertThat("messages stored before the refusal", counts.created.get(), greaterThan(5_000));
            assertThat("the modeled refusal: ServiceUnavailableException", counts.refused.get(), greaterThan(0));
            assertThat("no other answers: " + counts.others, counts.others.isEmpty(), is(true));

            // Reads and deletes go on.
            Reply list = request(endpoint, "GET", "/channels/" + enc(setup.channel) + "/messages?max-results=50",
                    setup.user, null);
            assertThat(list.status, is(200));
            Matcher id = Pattern.compile("\"MessageId\":\"([^\"]+)\"").matcher(list.body);
            assertThat(id.find(), is(true));
            Reply delete = request(endpoint, "DELETE", "/channels/" + enc(setup.channel) + "/messages/" + id.group(1),
                    setup.user, null);
            assertThat(delete.status, is(204));
            Reply describe = request(endpoint, "GET", "/channels/" + enc(setup.channel), setup.user, null);
            assertThat(describe.status, is(200));

            long signalled = System.nanoTime();
            serve.destroy(); // SIGTERM
            assertThat("stopped within seconds of SIGTERM", serve.waitFor(15, TimeUnit.SECONDS), is(true));
            assertThat(Duration.ofNanos(System.nanoTime() - signalled), lessThan(Duration.ofSeconds(15)));
            System.out.printf(Locale.ROOT, "serve -Xmx256m: %d maximum-size messages stored, then %d refused with"
                    + " 503; stopped %d ms after SIGTERM%n", counts.created.get(), counts.refused.get(),
                    Duration.ofNanos(System.nanoTime() - signalled).toMillis());
        } finally {
            serve.destroyForcibly();
        }
    }

    private static Process startServe() throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static URI awaitEndpoint(Process serve) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
        URI endpoint = null;
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (endpoint == null && m.find()) {
                endpoint = URI.create(m.group(1));
            }
            if (line.contains("Press Ctrl+C to stop.")) {
                break;
            }
        }
        if (endpoint == null) {
            throw new AssertionError("serve printed no endpoint: " + seen);
        }
        assertThat(seen.toString(), containsString("Memory budget"));
        // Keep draining what it prints, so that it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "serve-output");
        drain.setDaemon(true);
        drain.start();
        return endpoint;
    }

    private record Setup(String appInstance, String user, String channel) {
    }

    private static Setup setUp(URI endpoint) throws IOException {
        String appInstance = member(request(endpoint, "POST", "/app-instances", null,
                "{\"Name\":\"flood\",\"ClientRequestToken\":\"flood-ai\"}"), 201, "AppInstanceArn");
        String user = member(request(endpoint, "POST", "/app-instance-users", null,
                "{\"AppInstanceArn\":\"" + appInstance + "\",\"AppInstanceUserId\":\"flooder\",\"Name\":\"Flooder\","
                        + "\"ClientRequestToken\":\"flood-user\"}"), 201, "AppInstanceUserArn");
        assertThat(request(endpoint, "POST", "/app-instances/" + enc(appInstance) + "/admins", null,
                "{\"AppInstanceAdminArn\":\"" + user + "\"}").status, is(201));
        String channel = member(request(endpoint, "POST", "/channels", user,
                "{\"AppInstanceArn\":\"" + appInstance + "\",\"Name\":\"flood\",\"ClientRequestToken\":\"flood-c\"}"),
                201, "ChannelArn");
        Reply membership = request(endpoint, "POST", "/channels/" + enc(channel) + "/memberships", user,
                "{\"MemberArn\":\"" + user + "\",\"Type\":\"DEFAULT\"}");
        assertThat(membership.body, membership.status, is(201));
        return new Setup(appInstance, user, channel);
    }

    private static final class Counts {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final ConcurrentHashMap<Integer, String> others = new ConcurrentHashMap<>();
    }

    /** Pipelined SendChannelMessage requests on a few connections until the server refuses (or a bound). */
    private static Counts flood(URI endpoint, Setup setup) throws Exception {
        Counts counts = new Counts();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + MAX_FLOOD.toNanos();
        String path = "/channels/" + enc(setup.channel) + "/messages";
        String content = "c".repeat(4096);
        String metadata = "m".repeat(1024);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread t = new Thread(() -> {
                try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                    socket.setSoTimeout(60_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    while (counts.refused.get() < 100 && sequence.get() < MAX_MESSAGES && System.nanoTime() < end) {
                        ByteArrayOutputStream batch = new ByteArrayOutputStream();
                        for (int i = 0; i < PIPELINE; i++) {
                            String body = "{\"Content\":\"" + content + "\",\"Metadata\":\"" + metadata
                                    + "\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"t"
                                    + sequence.incrementAndGet() + "\"}";
                            batch.write(head("POST", path, setup.user, body.length()).getBytes(StandardCharsets.US_ASCII));
                            batch.write(body.getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(batch.toByteArray());
                        out.flush();
                        for (int i = 0; i < PIPELINE; i++) {
                            Reply reply = read(in);
                            if (reply.status == 201) {
                                counts.created.incrementAndGet();
                            } else if (reply.status == 503 && "ServiceUnavailableException".equals(reply.errorType)) {
                                counts.refused.incrementAndGet();
                            } else {
                                counts.others.put(reply.status, reply.body);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "flood-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("the flood failed after " + counts.created.get() + " messages", failures.get(0));
        }
        return counts;
    }

    private record Reply(int status, String errorType, String body) {
    }

    private static String head(String method, String path, String bearer, int length) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (bearer == null ? "" : "x-amz-chime-bearer: " + bearer + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static Reply request(URI endpoint, String method, String path, String bearer, String body)
            throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, bearer, bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the server closed the connection");
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = 0;
        String errorType = null;
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            } else if (lower.startsWith("x-amzn-errortype:")) {
                errorType = l.substring(17).trim();
            }
        }
        return new Reply(code, errorType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return b.toString().endsWith("\r") ? b.substring(0, b.length() - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String member(Reply reply, int status, String name) {
        assertThat(reply.body, reply.status, is(status));
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(reply.body);
        if (!m.find()) {
            throw new AssertionError(name + " missing from " + reply.body);
        }
        return m.group(1);
    }

    private static String enc(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }
}
