package chime.conformance.runner.target.sdk;

import chime.conformance.runner.target.ProcessorProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's side of the processor hooks, version 1 (docs/processor-hooks.md): sees the invocations of a
 * target's processors, and moves its clock, through plain HTTP requests to the hooks' base URL (for
 * {@code serve}, {@code http://HOST:PORT/_chime-conformance/v1}). Thread safe.
 */
public final class ProcessorHooksClient implements ProcessorProbe {

    /** A well-formed ARN of a function no flow names: what {@link #check} asks about. */
    static final String CHECK_ARN = "arn:aws:lambda:us-east-1:000000000000:function:chime-conformance-hooks-check";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public ProcessorHooksClient(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /**
     * Asks the hooks once, so that a wrong URL or a service without them stops the run before it starts
     * rather than failing every scenario that plays a processor.
     *
     * @throws IllegalArgumentException saying what answered instead
     */
    public void check() {
        try {
            invocations(CHECK_ARN, null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the processor hooks at " + base + " do not answer as version 1 of"
                    + " the protocol (docs/processor-hooks.md): " + e.getMessage(), e);
        }
    }

    @Override
    public List<Invocation> invocations(String processorArn, String channelArn) {
        String uri = base + "/processors/" + encode(processorArn) + "/invocations"
                + (channelArn == null ? "" : "?channel-arn=" + encode(channelArn));
        JsonNode body = send(HttpRequest.newBuilder(URI.create(uri)).GET());
        JsonNode list = body.get("Invocations");
        if (list == null || !list.isArray()) {
            throw new IllegalStateException("GET " + uri + " answered no Invocations list: " + body);
        }
        List<Invocation> invocations = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode event = item.path("Event");
            JsonNode message = event.path("ChannelMessage");
            JsonNode sender = message.path("Sender");
            invocations.add(new Invocation(item.path("Sequence").asLong(), text(item, "ProcessorArn"),
                    text(event, "EventType"), text(event, "CallbackId"), text(message, "ChannelArn"),
                    text(message, "MessageId"), text(message, "Content"), text(message, "Metadata"),
                    text(sender, "Arn"), text(sender, "Name"), text(message, "Persistence"), text(message, "Type"),
                    text(message, "CreatedTimestamp"), text(message, "LastEditedTimestamp")));
        }
        invocations.sort(java.util.Comparator.comparingLong(Invocation::sequence));
        return invocations;
    }

    /** Moves the service's clock forward by {@code by}, rounded up to whole seconds. */
    public void advanceClock(Duration by) {
        long seconds = by.toSeconds() + (by.toSecondsPart() == 0 && by.toNanosPart() == 0 ? 0 : 1);
        send(HttpRequest.newBuilder(URI.create(base + "/clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"AdvanceSeconds\":" + seconds + "}")));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered no JSON object: "
                        + abbreviate(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered no JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** Percent-encodes a value as one path segment or query value, as SDKs encode ARNs. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
