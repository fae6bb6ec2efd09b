package chime.conformance.reference.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reference.ReferenceService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** serve as a developer's emulator, through raw HTTP: health, reset, region and account, CORS, the request log. */
class EmulatorEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private ResettableService service;
    private ReferenceHttpServer server;

    private URI start(boolean cors) {
        service = new ResettableService(() -> ReferenceService.builder().region("eu-west-1").accountId("444455556666")
                .build());
        server = ReferenceHttpServer.start(service, "127.0.0.1", 0, ReferenceHttpServer.Limits.defaults(),
                MemoryBudget.unlimited(), new ReferenceHttpServer.EmulatorOptions("9.9.9", cors, log::add));
        return server.uri();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private static RawHttp.Reply send(URI uri, String method, String path, String body, String... headers)
            throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nConnection: close\r\nContent-Length: " + bytes.length
                + (body == null ? "" : "\r\nContent-Type: application/json")
                + Arrays.stream(headers).map(h -> "\r\n" + h).collect(Collectors.joining());
        return RawHttp.send(uri, head, bytes, 10_000);
    }

    private static String createAppInstance(URI uri) throws Exception {
        RawHttp.Reply created = send(uri, "POST", "/app-instances", "{\"Name\":\"club\",\"ClientRequestToken\":\"t-1\"}");
        assertEquals(201, created.status(), created.body());
        return JSON.readTree(created.body()).get("AppInstanceArn").asText();
    }

    private static int appInstances(URI uri) throws Exception {
        RawHttp.Reply listed = send(uri, "GET", "/app-instances", null);
        assertEquals(200, listed.status(), listed.body());
        return JSON.readTree(listed.body()).get("AppInstances").size();
    }

    @Test
    void healthSaysRunningWithTheRegionAndAccount() throws Exception {
        URI uri = start(false);
        RawHttp.Reply health = send(uri, "GET", "/_chime-conformance/v1/health", null);
        assertEquals(200, health.status());
        assertTrue(health.header("content-type").startsWith("application/json"));
        JsonNode body = JSON.readTree(health.body());
        assertEquals("running", body.get("Status").asText());
        assertEquals("eu-west-1", body.get("Region").asText());
        assertEquals("444455556666", body.get("AccountId").asText());
        assertEquals("9.9.9", body.get("Version").asText());
    }

    @Test
    void theArnsCarryTheRegionAndAccountServeWasGiven() throws Exception {
        URI uri = start(false);
        assertTrue(createAppInstance(uri).startsWith("arn:aws:chime:eu-west-1:444455556666:app-instance/"));
        assertTrue(service.current().processors().passThroughArn()
                .startsWith("arn:aws:lambda:eu-west-1:444455556666:function:"));
    }

    @Test
    void resetEmptiesTheServiceAndTheServerGoesOn() throws Exception {
        URI uri = start(false);
        String before = createAppInstance(uri);
        assertEquals(1, appInstances(uri));

        RawHttp.Reply reset = send(uri, "POST", "/_chime-conformance/v1/reset", "");
        assertEquals(200, reset.status());
        assertEquals("reset", JSON.readTree(reset.body()).get("Status").asText());

        assertEquals(0, appInstances(uri));
        assertEquals(404, send(uri, "GET", "/app-instances/" + before.replace(":", "%3A").replace("/", "%2F"), null)
                .status());
        String after = createAppInstance(uri); // the same ClientRequestToken is a new request after a reset
        assertNotEquals(before, after);
        assertEquals(1, appInstances(uri));
    }

    @Test
    void theReservedPathsAnswerOnlyTheirMethodsAndNameWhatThereIs() throws Exception {
        URI uri = start(false);
        RawHttp.Reply wrongMethod = send(uri, "GET", "/_chime-conformance/v1/reset", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("POST", wrongMethod.header("allow"));
        RawHttp.Reply nothing = send(uri, "GET", "/_chime-conformance/v1/snapshot", null);
        assertEquals(404, nothing.status());
        assertTrue(nothing.body().contains("/_chime-conformance/v1/health"), nothing.body());
        assertEquals("UnknownOperationException", nothing.header("x-amzn-errortype"));
    }

    @Test
    void aPreflightIsAnsweredWithTheHeadersTheJavaScriptSdksSend() throws Exception {
        URI uri = start(true);
        RawHttp.Reply preflight = send(uri, "OPTIONS", "/channels", null, "Origin: http://localhost:3000",
                "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: authorization,content-type,x-amz-chime-bearer,x-amz-date");
        assertEquals(204, preflight.status());
        assertEquals("*", preflight.header("access-control-allow-origin"));
        Set<String> methods = split(preflight.header("access-control-allow-methods"));
        assertTrue(methods.containsAll(Set.of("GET", "POST", "PUT", "DELETE")), methods.toString());
        Set<String> allowed = split(preflight.header("access-control-allow-headers"));
        for (String header : List.of("authorization", "content-type", "x-amz-date", "x-amz-security-token",
                "x-amz-content-sha256", "x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request",
                "x-amz-chime-bearer")) {
            assertTrue(allowed.contains(header), header + " not in " + allowed);
        }

        RawHttp.Reply call = send(uri, "POST", "/app-instances", "{\"Name\":\"club\",\"ClientRequestToken\":\"t-2\"}",
                "Origin: http://localhost:3000");
        assertEquals(201, call.status());
        assertEquals("*", call.header("access-control-allow-origin"));
        assertTrue(split(call.header("access-control-expose-headers")).contains("x-amzn-requestid"));
    }

    @Test
    void withoutCorsAPreflightIsNotAllowed() throws Exception {
        URI uri = start(false);
        RawHttp.Reply preflight = send(uri, "OPTIONS", "/channels", null, "Origin: http://localhost:3000",
                "Access-Control-Request-Method: POST");
        assertNotEquals(204, preflight.status());
        assertNull(preflight.header("access-control-allow-origin"));
    }

    @Test
    void everyRequestIsLoggedOnOneLine() throws Exception {
        URI uri = start(false);
        createAppInstance(uri);
        send(uri, "GET", "/nowhere", null);
        send(uri, "GET", "/_chime-conformance/v1/health", null);
        // The line is written as the answer completes, which may be just after the client has read it.
        for (int i = 0; i < 100 && log.size() < 3; i++) {
            Thread.sleep(20);
        }
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).matches("\\S+Z POST /app-instances CreateAppInstance 201 \\d+ ms"), log.get(0));
        assertTrue(log.get(1).matches("\\S+Z GET /nowhere - 404 \\d+ ms"), log.get(1));
        assertTrue(log.get(2).matches("\\S+Z GET /_chime-conformance/v1/health health 200 \\d+ ms"), log.get(2));
    }

    private static Set<String> split(String header) {
        return Arrays.stream(header.split(",")).map(String::trim).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet()).stream()
                .map(s -> s.equals("get") || s.equals("post") || s.equals("put") || s.equals("delete")
                        ? s.toUpperCase(Locale.ROOT) : s)
                .collect(Collectors.toSet());
    }
}
