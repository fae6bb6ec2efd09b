package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;

/**
 * Bad input on the wire, request by request: each must get a 4xx in the AWS error shape (ERR-009: an
 * {@code x-amzn-ErrorType} header and a JSON body with an ErrorCode {@code Code} and a {@code Message}
 * saying what was wrong), never a 5xx, a hang or a stack trace; and none may reach the service.
 *
 * <p>Expected types: BadRequestException (400) is the model's error for input that does not fit it; a body
 * over the cap is 413 with the same type, so SDKs still map it to their modeled class; a method and path
 * that name no operation get UnknownOperationException (404, or 405 with {@code Allow} when the path exists
 * with other methods), the name AWS front ends use, because a modeled NotFoundException would claim a
 * resource is missing.
 */
class BadWireInputTest {

    private static final String CHANNEL = "arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fai%2Fchannel%2Fc1";
    private static final String BEARER = "arn:aws:chime:us-east-1:111122223333:app-instance/ai/user/alice";
    private static final String BAD_REQUEST = "BadRequestException";
    private static final String UNKNOWN_OPERATION = "UnknownOperationException";
    private static final int CAP = ReferenceHttpServer.Limits.defaults().maxBodyBytes();
    private static final Set<String> ERROR_CODES = ErrorCode.knownValues().stream().map(ErrorCode::toString)
            .collect(Collectors.toSet());

    private static final FakeClients FAKE = new FakeClients();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReferenceHttpServer server;

    /**
     * One raw request and what must come back. {@code raw} requests go over a plain socket because
     * HttpClient refuses to send them; {@code mentions} is the member or part of the request the message
     * must name, so a client can tell what to fix.
     */
    record Case(String name, boolean raw, String method, String target, Map<String, String> headers, byte[] body,
                int status, String errorType, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case json(String name, String method, String target, String body, String mentions) {
        return new Case(name, false, method, target, Map.of("x-amz-chime-bearer", BEARER,
                "Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), 400, BAD_REQUEST, mentions);
    }

    private static Case get(String name, String target, int status, String type, String mentions) {
        return new Case(name, false, "GET", target, Map.of("x-amz-chime-bearer", BEARER), null, status, type, mentions);
    }

    private static Case raw(String name, String method, String target, int status, String type, String mentions) {
        return new Case(name, true, method, target, Map.of("x-amz-chime-bearer", BEARER), null, status, type, mentions);
    }

    /** A request whose whole head (request line and headers) is given as is. */
    private static Case rawHead(String name, String head, int status, String mentions) {
        return new Case(name, true, "", head, Map.of(), null, status, BAD_REQUEST, mentions);
    }

    static Stream<Case> cases() {
        byte[] invalidUtf8 = {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String deep = "[".repeat(200) + "]".repeat(200);
        byte[] overCap = new byte[CAP + 1];
        Arrays.fill(overCap, (byte) ' ');
        return Stream.of(
                // Body: not JSON, or not a JSON object
                json("truncated JSON", "POST", "/channels", "{\"Name\": \"x\"", "JSON"),
                json("JSON array as body", "POST", "/channels", "[]", "object"),
                json("JSON string as body", "POST", "/channels", "\"channel\"", "object"),
                json("trailing content after the object", "POST", "/channels", "{} {}", "JSON"),
                json("duplicate member", "POST", "/channels", "{\"Name\":\"a\",\"Name\":\"b\"}", "Name"),
                new Case("invalid UTF-8 in the body", false, "POST", "/channels", Map.of("x-amz-chime-bearer", BEARER),
                        invalidUtf8, 400, BAD_REQUEST, "JSON"),
                json("nesting deeper than any shape", "POST", "/channels", "{\"Unknown\":" + deep + "}", "JSON"),
                // Body: wrong JSON types, top level and nested
                json("number for a string", "POST", "/channels", "{\"Name\": 5}", "Name"),
                json("array for a string", "POST", "/channels", "{\"Name\": [\"x\"]}", "Name"),
                json("string for a list", "POST", "/channels", "{\"Tags\": \"k=v\"}", "Tags"),
                json("number inside a nested structure", "POST", "/channels", "{\"Tags\": [{\"Key\": 1}]}", "Tags[0].Key"),
                json("null inside a list", "POST", "/channels", "{\"Tags\": [null]}", "Tags[0]"),
                json("object for a list", "POST", "/channel-flows", "{\"Processors\": {}}", "Processors"),
                json("string for an integer", "POST", "/channel-flows",
                        "{\"Processors\": [{\"ExecutionOrder\": \"1\"}]}", "Processors[0].ExecutionOrder"),
                json("decimal for an integer", "POST", "/channel-flows",
                        "{\"Processors\": [{\"ExecutionOrder\": 1.5}]}", "ExecutionOrder"),
                json("integer beyond 32 bits", "POST", "/channel-flows",
                        "{\"Processors\": [{\"ExecutionOrder\": 99999999999}]}", "ExecutionOrder"),
                json("integer one past 32 bits (2^31)", "POST", "/channel-flows",
                        "{\"Processors\": [{\"ExecutionOrder\": 2147483648}]}", "from -2147483648 to 2147483647"),
                json("string for a boolean", "POST", "/channels/" + CHANNEL + "?operation=channel-flow-callback",
                        "{\"DeleteResource\": \"true\"}", "DeleteResource"),
                json("string for a structure", "POST", "/channels/" + CHANNEL + "/messages",
                        "{\"Content\": \"hi\", \"PushNotification\": \"yes\"}", "PushNotification"),
                json("identity: object for a string", "POST", "/app-instances",
                        "{\"Name\": \"n\", \"Tags\": [{\"Key\": \"k\", \"Value\": {}}]}", "Tags[0].Value"),
                // Lone UTF-16 surrogates, which JSON escapes can carry and UTF-8 cannot: not Unicode text
                json("lone high surrogate in a member", "POST", "/channels/" + CHANNEL + "/messages",
                        "{\"Content\": \"a\\ud800b\", \"Type\": \"STANDARD\", \"Persistence\": \"PERSISTENT\","
                                + " \"ClientRequestToken\": \"t1\"}", "Content"),
                json("lone surrogate at the end of a member", "POST", "/channels", "{\"Name\": \"abc\\ud83d\"}",
                        "Name"),
                json("surrogates in the wrong order", "POST", "/channels", "{\"Name\": \"\\udc00\\ud800\"}",
                        "Name"),
                json("lone low surrogate in a nested member", "POST", "/channels",
                        "{\"Name\": \"n\", \"Tags\": [{\"Key\": \"k\", \"Value\": \"\\udc00\"}]}", "Tags[0].Value"),
                json("lone surrogate in a map key", "POST", "/channels/" + CHANNEL + "/messages",
                        "{\"Content\": \"hi\", \"MessageAttributes\": {\"\\ud800\": {\"StringValues\": [\"x\"]}}}",
                        "MessageAttributes"),
                json("identity: lone surrogate in a member", "POST", "/app-instances",
                        "{\"Name\": \"n\", \"Metadata\": \"\\udfff\", \"ClientRequestToken\": \"t\"}", "Metadata"),
                get("UTF-8-encoded surrogate in a path label", "/channels/arn%ED%A0%80/messages", 400, BAD_REQUEST,
                        "UTF-8"),
                // Query string
                get("integer parameter not a number", "/channels/" + CHANNEL + "/messages?max-results=ten", 400,
                        BAD_REQUEST, "max-results"),
                get("integer parameter a decimal", "/channels/" + CHANNEL + "/messages?max-results=1.5", 400,
                        BAD_REQUEST, "max-results"),
                get("timestamp parameter not ISO-8601", "/channels/" + CHANNEL + "/messages?not-before=yesterday",
                        400, BAD_REQUEST, "not-before"),
                get("timestamp parameter in epoch seconds (HTTP-007)",
                        "/channels/" + CHANNEL + "/messages?not-after=1700000000", 400, BAD_REQUEST, "not-after"),
                get("scalar parameter given twice", "/channels/" + CHANNEL + "/messages?max-results=1&max-results=2",
                        400, BAD_REQUEST, "max-results"),
                raw("malformed percent-encoding in the query", "GET", "/channels/" + CHANNEL + "/messages?next-token=%zz",
                        400, BAD_REQUEST, "percent-encoding"),
                // Path
                raw("malformed percent-encoding in the path", "GET", "/channels/arn%zzaws", 400, BAD_REQUEST,
                        "percent-encoding"),
                raw("truncated percent-encoding in the path", "GET", "/channels/arn%3", 400, BAD_REQUEST,
                        "percent-encoding"),
                get("percent-encoded bytes that are not UTF-8", "/channels/arn%C3%28x", 400, BAD_REQUEST, "UTF-8"),
                get("empty path label", "/channels//messages", 400, BAD_REQUEST, "channelArn"),
                // Routes and methods
                get("unknown path", "/conversations", 404, UNKNOWN_OPERATION, "/conversations"),
                get("root path", "/", 404, UNKNOWN_OPERATION, "GET"),
                get("unknown path below a known one", "/channels/" + CHANNEL + "/reactions", 404, UNKNOWN_OPERATION,
                        "reactions"),
                new Case("static query missing on a query-only route", false, "POST", "/tags",
                        Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8),
                        404, UNKNOWN_OPERATION, "operation=tag-resource"),
                new Case("method the path does not take", false, "PATCH", "/channels/" + CHANNEL,
                        Map.of("x-amz-chime-bearer", BEARER), "{}".getBytes(StandardCharsets.UTF_8),
                        405, UNKNOWN_OPERATION, "PATCH"),
                new Case("DELETE on a collection", false, "DELETE", "/channels", Map.of("x-amz-chime-bearer", BEARER),
                        null, 405, UNKNOWN_OPERATION, "DELETE"),
                raw("unknown method token", "BREW", "/channels", 405, UNKNOWN_OPERATION, "BREW"),
                // Sizes
                new Case("body over the cap, declared", false, "POST", "/channels", Map.of("x-amz-chime-bearer", BEARER),
                        overCap, 413, BAD_REQUEST, String.valueOf(CAP)),
                new Case("headers over the limit", false, "GET", "/channels", Map.of("x-amz-chime-bearer", BEARER,
                        "x-padding", "p".repeat(40 * 1024)), null, 431, BAD_REQUEST, "limit"),
                // Not HTTP at all
                rawHead("garbage request line", "HELLO THERE HTTP/1.1\r\nHost: x", 400, "request line"),
                rawHead("Content-Length not a number", "POST /channels HTTP/1.1\r\nHost: x\r\nContent-Length: lots",
                        400, "headers"),
                // Headers
                new Case("bearer header sent twice", true, "GET", "/channels/" + CHANNEL,
                        Map.of("x-amz-chime-bearer", BEARER + "\r\nX-Amz-Chime-Bearer: " + BEARER), null,
                        400, BAD_REQUEST, "x-amz-chime-bearer"));
    }

    @BeforeAll
    static void start() {
        server = ReferenceHttpServer.start(FAKE.messaging, FAKE.identity, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        FAKE.calls.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheAwsErrorShape(Case c) throws Exception {
        RawHttp.Reply reply = c.raw() ? sendRaw(c) : sendWithHttpClient(c);

        assertThat(c.name() + ": status", reply.status(), is(c.status()));
        assertThat(c.name() + ": x-amzn-ErrorType", reply.header("x-amzn-ErrorType"), equalTo(c.errorType()));
        assertThat(c.name() + ": content type", reply.header("Content-Type"), startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(reply.body(), LinkedHashMap.class);
        assertThat(c.name() + ": body members", body, aMapWithSize(2));
        assertThat(body, hasKey("Code"));
        assertThat(c.name() + ": Code is an ErrorCode", String.valueOf(body.get("Code")), is(in(ERROR_CODES)));
        String message = String.valueOf(body.get("Message"));
        assertThat(c.name() + ": Message", message, not(emptyString()));
        assertThat(c.name() + ": says what was wrong", message.toLowerCase(Locale.ROOT),
                containsString(c.mentions().toLowerCase(Locale.ROOT)));
        for (String stackTraceMark : List.of("\tat ", "at java.", "at org.", "Exception:", "Caused by")) {
            assertThat(c.name() + ": no stack trace", reply.body(), not(containsString(stackTraceMark)));
        }
        assertApiWordsOnly(c.name(), message);
        assertThat(c.name() + ": Code fits the type and status", String.valueOf(body.get("Code")),
                equalTo(expectedCode(c.status(), c.errorType())));
        assertThat(c.name() + ": never reached the service", FAKE.calls, is(List.of()));
    }

    /** The message speaks of the request and the API, never of the libraries that serve it. */
    static void assertApiWordsOnly(String what, String message) {
        for (String internal : List.of("com.fasterxml", "jackson", "JsonNode", "DeserializationFeature",
                "StreamReadConstraints", "StreamReadFeature", "org.eclipse", "jetty", "java.", "software.amazon",
                "SdkField", "MarshallingType")) {
            assertThat(what + ": no library words", message.toLowerCase(Locale.ROOT),
                    not(containsString(internal.toLowerCase(Locale.ROOT))));
        }
        assertThat(what + ": no self-contradiction", message, not(containsString("must be an integer (32-bit), not an integer")));
    }

    /**
     * One Code per situation: the shape's own for modeled errors (BadRequest), NotFound for nothing at a path,
     * BadRequest for a method the path does not take.
     */
    static String expectedCode(int status, String errorType) {
        if (UNKNOWN_OPERATION.equals(errorType)) {
            return status == 404 ? "NotFound" : "BadRequest";
        }
        return "BadRequest";
    }

    /** A chunked body whose chunk size is not hexadecimal: the client's malformed framing, a 400 (not a 408). */
    @org.junit.jupiter.api.Test
    void aMalformedChunkedBodyIs400() throws Exception {
        RawHttp.Reply reply = RawHttp.send(server.uri(), "POST /channels HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "x-amz-chime-bearer: " + BEARER + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 20_000);
        assertThat(reply.status(), is(400));
        assertThat(reply.header("x-amzn-ErrorType"), equalTo(BAD_REQUEST));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(reply.body(), LinkedHashMap.class);
        assertThat(body.get("Code"), equalTo("BadRequest"));
        assertApiWordsOnly("malformed chunked body", String.valueOf(body.get("Message")));
        assertThat(FAKE.calls, is(List.of()));
    }

    private static RawHttp.Reply sendWithHttpClient(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + c.target()))
                .timeout(Duration.ofSeconds(20))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers().forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        return new RawHttp.Reply(response.statusCode(), headers, response.body());
    }

    private static RawHttp.Reply sendRaw(Case c) throws Exception {
        if (c.method().isEmpty()) {
            return RawHttp.send(server.uri(), c.target(), null, 20_000);
        }
        StringBuilder head = new StringBuilder(c.method() + " " + c.target() + " HTTP/1.1\r\n")
                .append("Host: ").append(server.uri().getHost()).append("\r\n")
                .append("Connection: close");
        c.headers().forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
        if (c.body() != null) {
            head.append("\r\nContent-Length: ").append(c.body().length);
        }
        return RawHttp.send(server.uri(), head.toString(), c.body(), 20_000);
    }
}
