package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.core.flow.ProcessorInvocation;
import chime.conformance.reference.core.model.ChannelMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The processor hooks, version 1 (docs/processor-hooks.md): what lets a conformance kit play a channel-flow
 * processor of a service reached over HTTP. Everything lives under {@value #PREFIX}, a path no operation of the
 * API can have (its paths start with {@code /channels}, {@code /channel-flows}, {@code /endpoints},
 * {@code /tags} and {@code /app-instance...}):
 * <ul>
 *   <li>{@code GET /_chime-conformance/v1/processors/{ProcessorArn}/invocations[?channel-arn=ARN][&after=N]}:
 *       the invocations of that processor, oldest first, each with the event the processor Lambda function
 *       received as the Developer Guide documents it;</li>
 *   <li>{@code POST /_chime-conformance/v1/clock} with {@code {"AdvanceSeconds": N}}: moves the service's clock
 *       forward (to observe the 48-hour callback window, FLOW-030, without waiting).</li>
 * </ul>
 * Like the API, the hooks check no signature. Independent of any HTTP server, as {@link RestJsonDispatcher} is.
 */
public final class ProcessorHooks implements ReservedEndpoints {

    /** The root of the hooks of version 1. */
    public static final String PREFIX = "/_chime-conformance/v1";
    static final String PROCESSORS = PREFIX + "/processors";
    static final String CLOCK = PREFIX + "/clock";

    /** A clock request is a few bytes; anything larger is not one. */
    static final int MAX_BODY_BYTES = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?");

    private final java.util.function.Supplier<ReferenceService> services;

    public ProcessorHooks(ReferenceService service) {
        this(() -> service);
    }

    /** The hooks of whichever service {@code services} gives at each request (one that can be reset). */
    public ProcessorHooks(java.util.function.Supplier<ReferenceService> services) {
        this.services = services;
    }

    @Override
    public boolean answers(String rawPath) {
        return handles(rawPath);
    }

    @Override
    public List<String> describe() {
        return List.of("GET " + PROCESSORS + "/{ProcessorArn}/invocations", "POST " + CLOCK);
    }

    /** Whether a raw (still encoded) path is one of the hooks'. Other paths are the API's. */
    public static boolean handles(String rawPath) {
        return rawPath != null && (rawPath.equals(PROCESSORS) || rawPath.startsWith(PROCESSORS + "/")
                || rawPath.equals(CLOCK) || rawPath.startsWith(CLOCK + "/"));
    }

    /** Answers one hook request; never throws: a failure is a reply in the AWS error shape. */
    @Override
    public WireReply answer(String method, String rawPath, String rawQuery, byte[] body) {
        WireReply reply;
        try {
            reply = route(method, rawPath, rawQuery, body);
        } catch (WireError e) {
            reply = WireReply.error(e);
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        return new WireReply(reply.status(), headers, reply.body());
    }

    private WireReply route(String method, String rawPath, String rawQuery, byte[] body) {
        if (rawPath.equals(CLOCK)) {
            requireMethod(method, "POST", rawPath);
            return advanceClock(body);
        }
        // /_chime-conformance/v1/processors/{ProcessorArn}/invocations
        List<String> segments = WireText.decodePath(rawPath);
        if (segments.size() == 5 && segments.get(4).equals("invocations")) {
            requireMethod(method, "GET", rawPath);
            return invocations(segments.get(3), WireText.decodeQuery(rawQuery));
        }
        throw ErrorCatalogue.unknownOperation("No processor hook at " + method + " " + rawPath
                + "; version 1 has GET " + PROCESSORS + "/{ProcessorArn}/invocations and POST " + CLOCK, List.of());
    }

    private static void requireMethod(String method, String expected, String rawPath) {
        if (!method.equals(expected)) {
            throw new WireError(405, ErrorCatalogue.UNKNOWN_OPERATION,
                    ModeledError.NOT_FOUND.code(),
                    "No processor hook at " + method + " " + rawPath + "; this path takes " + expected,
                    Map.of("Allow", expected));
        }
    }

    private WireReply invocations(String processorArn, Map<String, List<String>> query) {
        if (!LAMBDA_ARN.matcher(processorArn).matches()) {
            throw WireError.badRequest("The path names no processor: expected the Lambda function ARN of a"
                    + " processor, percent-encoded as one segment");
        }
        for (String key : query.keySet()) {
            if (!key.equals("channel-arn") && !key.equals("after")) {
                throw WireError.badRequest("Unknown query parameter '" + key + "'; expected channel-arn or after");
            }
        }
        String channelArn = single(query, "channel-arn");
        String afterText = single(query, "after");
        long after = 0;
        if (afterText != null) {
            try {
                after = Long.parseLong(afterText);
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < 0) {
                throw WireError.badRequest("after must be the Sequence of an invocation (an integer of 0 or more)");
            }
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("Invocations");
        for (ProcessorInvocation invocation : services.get().processors().invocations(processorArn, channelArn, after)) {
            list.add(invocation(invocation));
        }
        return json(200, root);
    }

    /** One invocation: the event the processor received, and around it what the service knows of it. */
    static ObjectNode invocation(ProcessorInvocation invocation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Sequence", invocation.sequence());
        node.put("ProcessorArn", invocation.processor().lambdaResourceArn());
        node.put("InvokedTimestamp", timestamp(invocation.invokedAt()));
        ObjectNode event = node.putObject("Event");
        event.put("EventType", invocation.eventType());
        event.put("CallbackId", invocation.callbackId());
        ChannelMessage m = invocation.channelMessage();
        ObjectNode message = event.putObject("ChannelMessage");
        message.put("MessageId", m.messageId());
        message.put("ChannelArn", m.channelArn());
        putIfPresent(message, "Content", m.content());
        putIfPresent(message, "Metadata", m.metadata());
        if (m.sender() != null) {
            ObjectNode sender = message.putObject("Sender");
            putIfPresent(sender, "Arn", m.sender().arn());
            putIfPresent(sender, "Name", m.sender().name());
        }
        putIfPresent(message, "Persistence", m.persistence() == null ? null : m.persistence().name());
        putIfPresent(message, "LastEditedTimestamp", timestamp(m.lastEditedTimestamp()));
        putIfPresent(message, "Type", m.type() == null ? null : m.type().name());
        putIfPresent(message, "CreatedTimestamp", timestamp(m.createdTimestamp()));
        return node;
    }

    private WireReply advanceClock(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw WireError.badRequest("The body is not JSON: expected {\"AdvanceSeconds\": N}");
        }
        JsonNode seconds = request == null ? null : request.get("AdvanceSeconds");
        if (seconds == null || !seconds.isIntegralNumber() || seconds.asLong() < 0 || request.size() != 1) {
            throw WireError.badRequest("Expected {\"AdvanceSeconds\": N}, N a whole number of seconds, 0 or more:"
                    + " the clock only moves forward");
        }
        services.get().advanceClock(Duration.ofSeconds(seconds.asLong()));
        return json(200, JSON.createObjectNode().put("AdvancedSeconds", seconds.asLong()));
    }

    private static String single(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw WireError.badRequest("The query parameter " + key + " is given more than once");
        }
        return values.get(0);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2024-05-01T12:00:00.123Z}. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static WireReply json(int status, JsonNode body) {
        try {
            return new WireReply(status, Map.of("Content-Type", WireReply.JSON),
                    JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
