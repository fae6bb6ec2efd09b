package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import chime.conformance.reference.ReferenceService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.services.chimesdkidentity.model.CreateAppInstanceRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.TagResourceRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelRequest;

/**
 * A generated corpus of malformed and hostile requests against the reference server on a free loopback
 * port: random bytes, deep JSON nesting, huge strings and numbers, invalid UTF-8, header floods, broken
 * framing, slow and stalled bodies, and mutations of valid requests. Every one must end in a 4xx in the AWS
 * error shape ({@code x-amzn-ErrorType} and a JSON body with {@code Code} and {@code Message}) or a closed
 * connection; never a 5xx, another shape, or no answer at all. Requests that may be valid after mutation
 * may also succeed. The heap the server retains afterwards stays bounded.
 *
 * <p>The corpus is generated from a fixed seed, so a failure is repeatable: it names the case.
 */
class HostileCorpusTest {

    private static final long SEED = 0x5EEDC0FFEEL;
    /**
     * What the corpus may have in use at once, garbage included: its requests, their answers and the
     * requests' strings in this JVM are a few tens of megabytes. A server that allocated what a request
     * claims would pass this by orders of magnitude, or run out of memory.
     */
    private static final long PEAK_HEAP_BOUND = 512L << 20;
    private static final Duration IDLE = Duration.ofMillis(800);
    private static final int CAP = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a mutation inserts: JSON and HTTP delimiters, an escape, a NUL. */
    private static final byte[] INSERTS = "{}\"\\:,[%\r\n\0".getBytes(StandardCharsets.US_ASCII);

    private static ReferenceService service;
    private static ReferenceHttpServer server;
    private static String bearer;
    private static String channelArn;
    private static String appInstanceArn;

    /** How a case is sent: all at once and half-closed, or stalled before it is complete. */
    enum Delivery { WHOLE, STALL, TRICKLE }

    record Case(String name, byte[] bytes, Delivery delivery, boolean mayBeValid) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Outcome(Case c, int status, Map<String, String> headers, byte[] body, String problem) {
    }

    @BeforeAll
    static void start() {
        service = ReferenceService.create();
        var identity = service.identityClient();
        var messaging = service.messagingClient();
        appInstanceArn = identity.createAppInstance(r -> r.name("hostile")).appInstanceArn();
        bearer = identity.createAppInstanceUser(r -> r.appInstanceArn(appInstanceArn).appInstanceUserId("alice")
                .name("alice")).appInstanceUserArn();
        identity.createAppInstanceAdmin(r -> r.appInstanceArn(appInstanceArn).appInstanceAdminArn(bearer));
        channelArn = messaging.createChannel(r -> r.chimeBearer(bearer).appInstanceArn(appInstanceArn).name("c"))
                .channelArn();
        messaging.createChannelMembership(r -> r.chimeBearer(bearer).channelArn(channelArn).memberArn(bearer)
                .type("DEFAULT"));
        ReferenceHttpServer.Limits limits = new ReferenceHttpServer.Limits(CAP, 16 * 1024, IDLE, Duration.ofSeconds(10), 64, 64, 16);
        server = ReferenceHttpServer.start(service.wireMessagingClient(), service.wireIdentityClient(), "127.0.0.1",
                0, limits);
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    @Test
    void everyHostileRequestGetsA4xxInTheAwsShapeOrAClosedConnection() throws Exception {
        List<Case> corpus = corpus(new Random(SEED));
        long retainedBefore = retainedHeap();

        // The heap in use while the corpus runs, garbage included, sampled: nothing it sends may make the server
        // hold memory in proportion to what a request claims (a Content-Length of 10^15, a 7fffffff-byte chunk).
        long inUseBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peakInUse = new AtomicLong(inUseBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakInUse.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Case c : corpus) {
            outcomes.add(pool.submit(() -> send(c)));
        }
        List<String> problems = new ArrayList<>();
        for (Future<Outcome> future : outcomes) {
            Outcome outcome = future.get(60, TimeUnit.SECONDS);
            if (outcome.problem() != null) {
                problems.add(outcome.c().name() + ": " + outcome.problem());
            }
        }
        pool.shutdown();
        sampling.set(false);
        sampler.join();
        assertThat(corpus.size() + " cases, these were answered wrongly", problems, empty());
        assertThat("heap in use at most, above where it was, in bytes", peakInUse.get() - inUseBefore,
                lessThan(PEAK_HEAP_BOUND));

        // And the server still serves: a plain valid request afterwards succeeds.
        Outcome after = send(new Case("a valid request after the corpus", get("/channels/" + encode(channelArn)
                + "/messages?max-results=1"), Delivery.WHOLE, true));
        assertThat(after.c().name() + ": status", after.status(), is(200));

        // Nothing the corpus sent is kept: the server's retained heap is back where it was (a margin for the
        // few messages a valid mutation may have stored).
        long retainedAfter = retainedHeap();
        assertThat("heap retained after the corpus, in bytes", retainedAfter - retainedBefore, lessThan(32L << 20));
    }

    // ---- the corpus -------------------------------------------------------------------------------

    private static List<Case> corpus(Random random) {
        List<Case> cases = new ArrayList<>();
        String messages = "/channels/" + encode(channelArn) + "/messages";
        String channels = "/channels";

        // Random bytes: as a whole request, and as the body of a well-framed one.
        for (int i = 0; i < 60; i++) {
            cases.add(whole("random bytes #" + i, randomBytes(random, 1 + random.nextInt(4096))));
        }
        for (int i = 0; i < 40; i++) {
            cases.add(whole("random body #" + i, post(messages, randomBytes(random, 1 + random.nextInt(8192)))));
        }
        // Random printable request lines and headers.
        for (int i = 0; i < 30; i++) {
            String method = pick(random, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "X" + i);
            String line = method + " /" + randomText(random, random.nextInt(200)).replace(" ", "%20") + " HTTP/1.1";
            cases.add(whole("random request line #" + i, (line + "\r\nHost: h\r\nx-amz-chime-bearer: " + bearer
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        }

        // Deep JSON nesting, closed and unclosed, in arrays and objects.
        for (int depth : new int[] {999, 1_001, 10_000, 60_000}) {
            cases.add(whole("nested arrays " + depth, post(messages, utf8("{\"Content\":" + "[".repeat(depth)
                    + "]".repeat(depth) + "}"))));
            cases.add(whole("nested objects " + depth, post(channels, utf8("{\"Name\":" + "{\"a\":".repeat(depth)
                    + "1" + "}".repeat(depth) + "}"))));
            cases.add(whole("unclosed nesting " + depth, post(messages, utf8("[".repeat(depth)))));
        }

        // Huge strings: over every limit, up to and over the body cap, in ASCII and multi-byte UTF-8.
        for (int size : new int[] {4_097, 40_000, CAP - 200, CAP + 1, 4 * CAP}) {
            cases.add(whole("huge Content " + size, post(messages, utf8(sendBody("x".repeat(size), "t" + size)))));
            cases.add(whole("huge multi-byte Content " + size,
                    post(messages, utf8(sendBody("é".repeat(size / 2 + 1), "u" + size)))));
            cases.add(whole("huge Name " + size, post(channels, utf8("{\"AppInstanceArn\":\"" + appInstanceArn
                    + "\",\"Name\":\"" + "n".repeat(size) + "\",\"ClientRequestToken\":\"tok-" + size + "\"}"))));
            cases.add(whole("huge member name " + size, post(messages, utf8("{\"" + "k".repeat(size) + "\":1}"))));
        }
        cases.add(whole("huge ClientRequestToken", post(messages, utf8(sendBody("hi", "t".repeat(10_000))))));
        cases.add(whole("huge path label", get("/channels/" + "a".repeat(20_000) + "/messages")));
        cases.add(whole("huge query value", get(messages + "?next-token=" + "A".repeat(20_000))));
        // Unknown query parameters are ignored, as unknown members are.
        cases.add(new Case("many query parameters", get(messages + "?" + "a=1&".repeat(3_000)), Delivery.WHOLE, true));

        // Huge and odd numbers, in query parameters and JSON bodies.
        for (String n : List.of("99999999999999999999", "-1", "0", "1e9999", "1e-9999", "-0", "0x10", "1_000",
                "9".repeat(900), "9".repeat(5_000), "NaN", "Infinity", "2147483648", "-2147483649")) {
            cases.add(whole("max-results=" + abbreviate(n), get(messages + "?max-results=" + n)));
            cases.add(whole("not-before=" + abbreviate(n), get(messages + "?not-before=" + n)));
            cases.add(whole("ExecutionOrder " + abbreviate(n), post("/channel-flows", utf8(
                    "{\"AppInstanceArn\":\"" + appInstanceArn + "\",\"Name\":\"f\",\"ClientRequestToken\":\"ft\","
                            + "\"Processors\":[{\"Name\":\"p\",\"ExecutionOrder\":" + n + ",\"FallbackAction\":"
                            + "\"CONTINUE\",\"Configuration\":{\"Lambda\":{\"ResourceArn\":\"arn:aws:lambda:"
                            + "us-east-1:111122223333:function:f\",\"InvocationType\":\"ASYNC\"}}}]}"))));
        }
        // Timestamps travel in the query string only (no request body of the API carries one).
        for (String t : List.of("1e-999999999", "1e999999999", "123456789012345678901234567890",
                "1.0000000000000000000000000000000000000001", "+1000000000-01-01T00:00:00Z", "2026-13-45T99:99:99Z",
                "2026-01-01T00:00:00" + "0".repeat(5_000) + "Z")) {
            cases.add(whole("timestamp " + abbreviate(t), get(messages + "?not-after=" + encode(t))));
        }
        // JSON escapes of lone surrogates are valid JSON syntax; mutated or not, never a 5xx.
        cases.add(new Case("escaped lone surrogate", post(messages, utf8(sendBody("a\\uD800b", "sur"))),
                Delivery.WHOLE, true));

        // Invalid UTF-8: in JSON strings, raw in the path and headers, percent-encoded in the path and query.
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            String hex = hex(bad);
            cases.add(whole("invalid UTF-8 in Content " + hex, post(messages, concat(utf8("{\"Content\":\""), bad,
                    utf8("\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"x1\"}")))));
            cases.add(whole("invalid UTF-8 in a member name " + hex, post(channels, concat(utf8("{\""), bad,
                    utf8("\":1}")))));
            cases.add(whole("percent-encoded invalid UTF-8 in the path " + hex, get("/channels/" + pct(bad))));
            cases.add(whole("percent-encoded invalid UTF-8 in the query " + hex, get(messages + "?next-token="
                    + pct(bad))));
            cases.add(whole("raw invalid UTF-8 in the path " + hex, concat(utf8("GET /channels/"), bad,
                    utf8(" HTTP/1.1\r\nHost: h\r\n\r\n"))));
            cases.add(whole("raw invalid UTF-8 in the bearer " + hex, concat(utf8("GET " + messages
                    + " HTTP/1.1\r\nHost: h\r\nx-amz-chime-bearer: "), bad, utf8("\r\n\r\n"))));
        }

        // Header floods: many headers, huge headers, repeated bearers, malformed header lines.
        for (int count : new int[] {100, 1_000, 5_000}) {
            StringBuilder head = new StringBuilder("GET " + messages + " HTTP/1.1\r\nHost: h\r\nx-amz-chime-bearer: "
                    + bearer + "\r\n");
            for (int i = 0; i < count; i++) {
                head.append("X-Flood-").append(i).append(": ").append(i).append("\r\n");
            }
            cases.add(new Case(count + " headers", utf8(head + "\r\n"), Delivery.WHOLE, true));
            cases.add(whole(count + " bearer headers", utf8("GET " + messages + " HTTP/1.1\r\nHost: h\r\n"
                    + ("x-amz-chime-bearer: " + bearer + "\r\n").repeat(count) + "\r\n")));
        }
        cases.add(whole("one 100 KB header", utf8("GET " + messages + " HTTP/1.1\r\nHost: h\r\nX-Big: "
                + "b".repeat(100_000) + "\r\n\r\n")));
        cases.add(whole("header without a colon", utf8("GET " + messages + " HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n")));
        cases.add(whole("obsolete folded header", utf8("GET " + messages + " HTTP/1.1\r\nHost: h\r\n"
                + "x-amz-chime-bearer: a\r\n b\r\n\r\n")));
        cases.add(whole("NUL in a header", utf8("GET " + messages + " HTTP/1.1\r\nHost: h\r\nX-A: a\0b\r\n\r\n")));
        cases.add(whole("bare LF line ends", utf8("GET " + messages + " HTTP/1.1\nHost: h\n\n")));
        cases.add(whole("no Host header", utf8("GET " + messages + " HTTP/1.1\r\n\r\n")));

        // Framing: lying, conflicting and absurd lengths, broken chunking.
        String json = sendBody("hello", "frame");
        cases.add(whole("negative Content-Length", head("POST", messages, "Content-Length: -5", json)));
        cases.add(whole("Content-Length 10^15", head("POST", messages, "Content-Length: 1000000000000000", json)));
        cases.add(whole("Content-Length beyond 64 bits", head("POST", messages,
                "Content-Length: 99999999999999999999999", json)));
        cases.add(whole("two different Content-Lengths", head("POST", messages,
                "Content-Length: 5\r\nContent-Length: 6", json)));
        cases.add(whole("Content-Length and chunked", head("POST", messages,
                "Content-Length: 5\r\nTransfer-Encoding: chunked", "5\r\nhello\r\n0\r\n\r\n")));
        cases.add(whole("chunk size not hex", head("POST", messages, "Transfer-Encoding: chunked", "zz\r\nhi\r\n0\r\n\r\n")));
        cases.add(whole("chunk size beyond 64 bits", head("POST", messages, "Transfer-Encoding: chunked",
                "fffffffffffffffffff\r\nhi\r\n0\r\n\r\n")));
        cases.add(whole("huge chunk, then EOF", head("POST", messages, "Transfer-Encoding: chunked",
                "7fffffff\r\n" + "x".repeat(1000))));
        cases.add(whole("unsupported transfer coding", head("POST", messages, "Transfer-Encoding: gzip", json)));
        cases.add(whole("body shorter than Content-Length, then EOF", head("POST", messages, "Content-Length: 500",
                json)));
        cases.add(whole("gzip body that is not gzip", head("POST", messages, "Content-Encoding: gzip\r\n"
                + "Content-Length: 10", "\u001f\u008b\u0008garbage")));

        // Protocol oddities.
        cases.add(whole("HTTP/2 preface", utf8("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")));
        cases.add(whole("HTTP/0.9 request", utf8("GET /channels\r\n\r\n")));
        cases.add(whole("HTTP/9.9", utf8("GET /channels HTTP/9.9\r\nHost: h\r\n\r\n")));
        cases.add(whole("absolute-form URI", utf8("GET http://elsewhere.invalid/channels HTTP/1.1\r\nHost: h\r\n\r\n")));
        cases.add(whole("CONNECT", utf8("CONNECT elsewhere.invalid:443 HTTP/1.1\r\nHost: h\r\n\r\n")));
        cases.add(whole("OPTIONS *", utf8("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")));
        cases.add(whole("TRACE", utf8("TRACE /channels HTTP/1.1\r\nHost: h\r\n\r\n")));
        cases.add(whole("dot segments", get("/channels/../../etc/passwd")));
        cases.add(whole("encoded dot segments", get("/channels/%2e%2e/%2e%2e/etc")));
        cases.add(whole("NUL in the path", get("/channels/%00")));
        cases.add(whole("empty segments", get("//////")));
        cases.add(whole("huge path", get("/" + "a/".repeat(30_000))));
        // The first request is valid and answered; what follows it is another (bad) request.
        cases.add(new Case("pipelined garbage after a request", concat(get(messages), randomBytes(random, 512)),
                Delivery.WHOLE, true));

        // Slow clients: bodies and headers that stall, and a body that trickles in.
        cases.add(new Case("stalled body", head("POST", messages, "Content-Length: 200", json), Delivery.STALL, false));
        cases.add(new Case("stalled headers", utf8("POST " + messages + " HTTP/1.1\r\nHost: h\r\nContent-Le"),
                Delivery.STALL, false));
        cases.add(new Case("stalled chunk", head("POST", messages, "Transfer-Encoding: chunked", "10\r\nabc"),
                Delivery.STALL, false));
        cases.add(new Case("trickled body", post(messages, utf8(sendBody("slowly", "trickle"))), Delivery.TRICKLE,
                true));

        // The members each request shape has, with values of random JSON types: the binder's conversions.
        String channel = "/channels/" + encode(channelArn);
        Map<String, List<SdkField<?>>> shapes = new LinkedHashMap<>();
        shapes.put("POST " + channels, CreateChannelRequest.builder().build().sdkFields());
        shapes.put("POST " + messages, SendChannelMessageRequest.builder().build().sdkFields());
        shapes.put("PUT " + channel, UpdateChannelRequest.builder().build().sdkFields());
        shapes.put("POST /channel-flows", CreateChannelFlowRequest.builder().build().sdkFields());
        shapes.put("POST " + channel + "/memberships?operation=batch-create",
                BatchCreateChannelMembershipRequest.builder().build().sdkFields());
        shapes.put("POST /tags?operation=tag-resource", TagResourceRequest.builder().build().sdkFields());
        shapes.put("POST " + channel + "?operation=channel-flow-callback",
                ChannelFlowCallbackRequest.builder().build().sdkFields());
        shapes.put("POST /app-instances", CreateAppInstanceRequest.builder().build().sdkFields());
        int shaped = 0;
        for (Map.Entry<String, List<SdkField<?>>> shape : shapes.entrySet()) {
            List<String> members = shape.getValue().stream().filter(f -> f.location() == MarshallLocation.PAYLOAD)
                    .map(SdkField::locationName).toList();
            String[] line = shape.getKey().split(" ", 2);
            for (int i = 0; i < 20; i++) {
                StringBuilder body = new StringBuilder("{");
                for (String member : members) {
                    if (random.nextInt(3) > 0) {
                        body.append(body.length() > 1 ? "," : "").append('"').append(member).append("\":");
                        randomJson(random, body, 0);
                    }
                }
                byte[] bytes = utf8(body.append('}').toString());
                cases.add(new Case("random member values #" + shaped++ + " for " + shape.getKey(),
                        concat(utf8(line[0] + " " + line[1] + " HTTP/1.1\r\nHost: h\r\nContent-Type: application/json"
                                + "\r\nx-amz-chime-bearer: " + bearer + "\r\nContent-Length: " + bytes.length
                                + "\r\n\r\n"), bytes), Delivery.WHOLE, true));
            }
        }

        // Mutations of valid requests: flipped, inserted and deleted bytes. These may still be valid.
        List<byte[]> valid = List.of(
                post(messages, utf8(sendBody("mutant", "m0"))),
                post(channels, utf8("{\"AppInstanceArn\":\"" + appInstanceArn + "\",\"Name\":\"m\",\"Mode\":"
                        + "\"UNRESTRICTED\",\"Privacy\":\"PUBLIC\",\"ClientRequestToken\":\"m1\"}")),
                get(messages + "?max-results=5&sort-order=ASCENDING"),
                get("/channels/" + encode(channelArn) + "/memberships?type=DEFAULT&max-results=3"));
        for (int i = 0; i < 120; i++) {
            byte[] mutant = mutate(random, valid.get(i % valid.size()));
            cases.add(new Case("mutation #" + i, mutant, Delivery.WHOLE, true));
        }
        return cases;
    }

    /** A random JSON value: any type, huge or odd numbers and strings, nested a few levels. */
    private static void randomJson(Random random, StringBuilder out, int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> out.append('"').append(pick(random, "", "x", "ARN", "arn:aws:chime:us-east-1:1:x", "DEFAULT",
                    "\\u0000", "\\uD800", "é".repeat(random.nextInt(3000)), "a".repeat(random.nextInt(5000)))).append('"');
            case 1 -> out.append(pick(random, "0", "-1", "1", "2147483648", "-9223372036854775809", "1e308", "1e-400",
                    "123456789012345678901234567890", "0.5", "-0.0", "9".repeat(990)));
            case 2 -> out.append(random.nextBoolean());
            case 3 -> out.append("null");
            case 4 -> out.append(random.nextInt(1 << 20));
            case 5 -> out.append('"').append(randomText(random, random.nextInt(100)).replace("\\", "")
                    .replace("\"", "")).append('"');
            case 6 -> {
                out.append('[');
                for (int i = random.nextInt(4); i > 0; i--) {
                    randomJson(random, out, depth + 1);
                    out.append(i > 1 ? "," : "");
                }
                out.append(']');
            }
            default -> {
                out.append('{');
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.append('"').append(pick(random, "Key", "Value", "Name", "Lambda", "ResourceArn", "Content", "k"))
                            .append(i).append("\":");
                    randomJson(random, out, depth + 1);
                    out.append(i > 1 ? "," : "");
                }
                out.append('}');
            }
        }
    }

    private static Case whole(String name, byte[] bytes) {
        return new Case(name, bytes, Delivery.WHOLE, false);
    }

    private static String sendBody(String content, String token) {
        return "{\"Content\":\"" + content + "\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\","
                + "\"ClientRequestToken\":\"" + token + "\"}";
    }

    private static byte[] post(String path, byte[] body) {
        return concat(utf8("POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
                + "x-amz-chime-bearer: " + bearer + "\r\nContent-Length: " + body.length + "\r\n\r\n"), body);
    }

    private static byte[] get(String target) {
        return utf8("GET " + target + " HTTP/1.1\r\nHost: h\r\nx-amz-chime-bearer: " + bearer + "\r\n\r\n");
    }

    private static byte[] head(String method, String path, String framing, String body) {
        return utf8(method + " " + path + " HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
                + "x-amz-chime-bearer: " + bearer + "\r\n" + framing + "\r\n\r\n" + body);
    }

    /** Flips, inserts or deletes a few bytes, anywhere in the request: line, headers or body. */
    private static byte[] mutate(Random random, byte[] original) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(3)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = concat(Arrays.copyOf(b, at), new byte[] {INSERTS[random.nextInt(INSERTS.length)]}, Arrays.copyOfRange(b, at, b.length));
                default -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1), b.length));
            }
        }
        return b;
    }

    // ---- sending and judging ------------------------------------------------------------------------

    private static Outcome send(Case c) {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            // No case may take longer than the idle timeout plus a margin to be answered or closed.
            socket.setSoTimeout((int) IDLE.toMillis() + 5_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            try {
                if (c.delivery() == Delivery.TRICKLE) {
                    for (int i = 0; i < c.bytes().length; i += 64) {
                        out.write(c.bytes(), i, Math.min(64, c.bytes().length - i));
                        out.flush();
                        Thread.sleep(20);
                    }
                } else {
                    out.write(c.bytes());
                    out.flush();
                }
                if (c.delivery() != Delivery.STALL) {
                    socket.shutdownOutput();
                }
            } catch (IOException serverStoppedReading) {
                // The server may answer, or close, before the whole request is sent.
            }
            return judge(c, socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Outcome(c, 0, Map.of(), new byte[0], "no answer and no close within the idle timeout");
        } catch (IOException e) {
            return new Outcome(c, 0, Map.of(), new byte[0], null); // reset: a closed connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(c, 0, Map.of(), new byte[0], "interrupted");
        }
    }

    private static Outcome judge(Case c, InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Outcome(c, 0, Map.of(), new byte[0], null); // closed without an answer
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            return new Outcome(c, 0, Map.of(), new byte[0], "not an HTTP/1.1 status line: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        byte[] body = headers.containsKey("content-length")
                ? in.readNBytes(Integer.parseInt(headers.get("content-length"))) : new byte[0];
        Outcome outcome = new Outcome(c, status, headers, body, null);
        if (status >= 200 && status < 300 && c.mayBeValid()) {
            return outcome;
        }
        if (status < 400 || status >= 500) {
            return withProblem(outcome, "status " + status + " " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        String type = headers.get("x-amzn-errortype");
        if (type == null || type.isBlank()) {
            return withProblem(outcome, "status " + status + " without x-amzn-ErrorType");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject() || !json.path("Code").isTextual()
                    || !json.path("Message").isTextual()) {
                return withProblem(outcome, "status " + status + " body is not {Code, Message}: "
                        + abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            return withProblem(outcome, "status " + status + " body is not JSON: "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        return outcome;
    }

    private static Outcome withProblem(Outcome o, String problem) {
        return new Outcome(o.c(), o.status(), o.headers(), o.body(), problem);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static long retainedHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    // ---- bytes ------------------------------------------------------------------------------------

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String randomText(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x21 + random.nextInt(0x5E)));
        }
        return s.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pct(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
        }
        return s.toString();
    }

    private static String hex(byte[] bytes) {
        return pct(bytes).replace("%", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "... (" + s.length() + " chars)";
    }
}
