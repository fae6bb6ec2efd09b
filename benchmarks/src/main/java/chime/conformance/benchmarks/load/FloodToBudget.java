package chime.conformance.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many maximum-size messages (4,096 bytes of content, 1,024 of metadata) a running {@code serve} holds
 * before its memory budget refuses them: sends them over a few pipelined keep-alive connections, into one
 * channel, until ServiceUnavailableException (503) answers, then checks that reads still work.
 *
 * <pre>java -cp benchmarks.jar chime.conformance.benchmarks.load.FloodToBudget --endpoint URL [--connections 3] [--then-delete] [--small N]</pre>
 *
 * {@code --then-delete} then deletes the channel and times how long until a write is admitted again (the
 * client keeps reading meanwhile, as clients of a full server would). {@code --small N} sends N small
 * messages instead and stops: 64 bytes of content each, every one different, no metadata, each with its own
 * ClientRequestToken, a random UUID as the SDKs fill it (for the resident memory of a long-running server).
 */
public final class FloodToBudget {

    private static final int PIPELINE = 32;

    private FloodToBudget() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = null;
        int connections = 3;
        boolean thenDelete = false;
        int small = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--then-delete" -> thenDelete = true;
                case "--small" -> small = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint URL is required");
        }
        String appInstance = member(request(endpoint, "POST", "/app-instances", null,
                "{\"Name\":\"flood\",\"ClientRequestToken\":\"flood-ai\"}"), "AppInstanceArn");
        String user = member(request(endpoint, "POST", "/app-instance-users", null,
                "{\"AppInstanceArn\":\"" + appInstance + "\",\"AppInstanceUserId\":\"flooder\",\"Name\":\"Flooder\","
                        + "\"ClientRequestToken\":\"flood-user\"}"), "AppInstanceUserArn");
        request(endpoint, "POST", "/app-instances/" + enc(appInstance) + "/admins", null,
                "{\"AppInstanceAdminArn\":\"" + user + "\"}");
        String channel = member(request(endpoint, "POST", "/channels", user,
                "{\"AppInstanceArn\":\"" + appInstance + "\",\"Name\":\"flood\",\"ClientRequestToken\":\"flood-c\"}"),
                "ChannelArn");
        request(endpoint, "POST", "/channels/" + enc(channel) + "/memberships", user,
                "{\"MemberArn\":\"" + user + "\",\"Type\":\"DEFAULT\"}");

        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong firstRefusal = new AtomicLong();
        String path = "/channels/" + enc(channel) + "/messages";
        String content = "c".repeat(4096);
        String metadata = "m".repeat(1024);
        int smallMessages = small;
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        URI target = endpoint;
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Socket socket = new Socket(target.getHost(), target.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    while (smallMessages > 0 ? sequence.get() < smallMessages : refused.get() < 100) {
                        ByteArrayOutputStream batch = new ByteArrayOutputStream();
                        for (int i = 0; i < PIPELINE; i++) {
                            int n = sequence.incrementAndGet();
                            String body = smallMessages > 0
                                    ? "{\"Content\":\"" + smallContent(n) + "\",\"Type\":\"STANDARD\","
                                            + "\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\""
                                            + UUID.randomUUID() + "\"}"
                                    : "{\"Content\":\"" + content + "\",\"Metadata\":\"" + metadata
                                    + "\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"t"
                                    + n + "\"}";
                            batch.write(head("POST", path, user, body.length()).getBytes(StandardCharsets.US_ASCII));
                            batch.write(body.getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(batch.toByteArray());
                        out.flush();
                        for (int i = 0; i < PIPELINE; i++) {
                            int status = read(in).status();
                            if (status == 201) {
                                created.incrementAndGet();
                            } else if (status == 503) {
                                firstRefusal.compareAndSet(0, System.nanoTime());
                                refused.incrementAndGet();
                            } else {
                                throw new IllegalStateException("unexpected status " + status);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "flood-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (smallMessages > 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "small messages stored: %d of 64 bytes (%.1f s, %.0f per s, %d connections"
                    + " pipelining %d); refused with 503: %d%n", created.get(), seconds, created.get() / seconds,
                    connections, PIPELINE, refused.get());
            return;
        }
        double seconds = (firstRefusal.get() - started) / 1e9;
        Reply list = request(endpoint, "GET", path + "?max-results=50", user, null);
        System.out.printf(Locale.ROOT, "maximum-size messages stored before the first 503: %d (%.1f s, %.0f per s,"
                + " %d connections pipelining %d)%n", created.get(), seconds, created.get() / seconds, connections,
                PIPELINE);
        System.out.printf(Locale.ROOT, "refused with 503 ServiceUnavailableException: %d; ListChannelMessages"
                + " afterwards: HTTP %d%n", refused.get(), list.status());
        if (thenDelete) {
            long deleting = System.nanoTime();
            int deleted = request(endpoint, "DELETE", "/channels/" + enc(channel), user, null).status();
            long until = deleting + 120_000_000_000L;
            int reads = 0;
            int status = 0;
            for (int attempt = 0; System.nanoTime() < until; attempt++) {
                status = request(endpoint, "POST", "/channels", user, "{\"AppInstanceArn\":\"" + appInstance
                        + "\",\"Name\":\"again\",\"ClientRequestToken\":\"again-" + attempt + "\"}").status();
                if (status == 201) {
                    break;
                }
                for (int r = 0; r < 20; r++, reads++) {
                    request(endpoint, "GET", "/app-instances/" + enc(appInstance), null, null);
                }
                Thread.sleep(50);
            }
            System.out.printf(Locale.ROOT, "DeleteChannel: HTTP %d; a write admitted again after %.1f s (CreateChannel:"
                    + " HTTP %d; %d reads meanwhile)%n", deleted, (System.nanoTime() - deleting) / 1e9, status, reads);
        }
    }

    /** 64 bytes of content, different for every message. */
    static String smallContent(int n) {
        String text = String.format(Locale.ROOT, "Message %09d of the flood, sixty-four bytes of text each.", n);
        return (text + "x".repeat(64)).substring(0, 64);
    }

    private static String head(String method, String path, String bearer, int length) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (bearer == null ? "" : "x-amz-chime-bearer: " + bearer + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private record Reply(int status, String body) {
    }

    /** One request on a connection of its own. */
    private static Reply request(URI endpoint, String method, String path, String bearer, String body)
            throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
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
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        return new Reply(code, new String(in.readNBytes(length), StandardCharsets.UTF_8));
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

    private static String member(Reply reply, String name) {
        String text = reply.body();
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing from " + text);
        }
        return m.group(1);
    }

    private static String enc(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }
}
