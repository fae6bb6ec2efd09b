package chime.conformance.reference.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What users of emulators (LocalStack's {@code /_localstack/health}, moto's {@code /moto-api/reset}) expect of a
 * server they start for tests:
 * <ul>
 *   <li>{@code GET /_chime-conformance/v1/health}: 200 with {@code {"Status": "running", "Service", "Region",
 *       "AccountId", "Version"}}: a script waits for it before it runs its tests;</li>
 *   <li>{@code POST /_chime-conformance/v1/reset}: 200 with {@code {"Status": "reset"}}: every AppInstance, user,
 *       channel, message, flow, tag and idempotency record is gone, as on a fresh start (same region, account
 *       and processors).</li>
 * </ul>
 * Like the API, they check no signature.
 */
public final class EmulatorEndpoints implements ReservedEndpoints {

    static final String HEALTH = PREFIX + "/health";
    static final String RESET = PREFIX + "/reset";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResettableService service;
    private final String version;

    /** @param version the server's version, shown by the health endpoint */
    public EmulatorEndpoints(ResettableService service, String version) {
        this.service = service;
        this.version = version;
    }

    @Override
    public boolean answers(String rawPath) {
        return HEALTH.equals(rawPath) || RESET.equals(rawPath);
    }

    @Override
    public List<String> describe() {
        return List.of("GET " + HEALTH, "POST " + RESET);
    }

    @Override
    public WireReply answer(String method, String rawPath, String rawQuery, byte[] body) {
        WireReply reply;
        try {
            if (HEALTH.equals(rawPath)) {
                requireMethod(method, "GET", rawPath);
                ObjectNode health = JSON.createObjectNode();
                health.put("Status", "running");
                health.put("Service", "chime-sdk-messaging");
                health.put("Region", service.current().region());
                health.put("AccountId", service.current().accountId());
                health.put("Version", version);
                reply = json(health);
            } else {
                requireMethod(method, "POST", rawPath);
                service.reset();
                reply = json(JSON.createObjectNode().put("Status", "reset"));
            }
        } catch (WireError e) {
            reply = WireReply.error(e);
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        return new WireReply(reply.status(), headers, reply.body());
    }

    private static void requireMethod(String method, String expected, String rawPath) {
        if (!method.equals(expected)) {
            throw ErrorCatalogue.unknownOperation("No endpoint at " + method + " " + rawPath + "; this path takes "
                    + expected, List.of(expected));
        }
    }

    private static WireReply json(ObjectNode node) {
        return new WireReply(200, Map.of("Content-Type", WireReply.JSON),
                node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
