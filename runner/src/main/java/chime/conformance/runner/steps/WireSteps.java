package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.world.World;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.sdk.SdkTarget;
import chime.conformance.runner.wire.RawRequests;
import chime.conformance.runner.wire.WireExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;

/**
 * Wire-level steps (area HTTP, and ERR-009): raw HTTP requests to the target's endpoint, and assertions on
 * the raw response or on the last exchange the scenario made. They need a wire: scenarios using them are
 * tagged {@code @requires:wire}.
 *
 * <p>In a raw request, {@code {{channel:NAME}}}, {@code {{user:NAME}}}, {@code {{flow:NAME}}} and
 * {@code {{message:LABEL}}} stand for the ARN or ID of what the scenario created under that name,
 * {@code {{app-instance}}} for its AppInstance, {@code {{processor:KEY}}} for the target's processor of that
 * behaviour, {@code {{callback:LABEL}}} for the CallbackId the processor received for that message and
 * {@code {{token}}} for a new client request token. They are percent-encoded in the request line (path
 * and query string) and inserted as they are in a body. "When Alice sends" puts Alice's ARN in the
 * {@code x-amz-chime-bearer} header; "the developer" sends no bearer.
 */
public class WireSteps extends Steps {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)(?::([^}]*))?}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_CODES = ErrorCode.knownValues().stream().map(ErrorCode::toString)
            .collect(Collectors.toSet());

    private WireExchange raw;
    /** Channels named in the request being expanded: where a {{callback:...}} is looked up. */
    private final List<String> channelsInRequest = new ArrayList<>();

    public WireSteps(Driver api) {
        super(api);
    }

    // ------------------------------------------------------------------------------------------ requests

    @When("{caller} sends the raw request {string}")
    public void sendsTheRawRequest(String caller, String requestLine) {
        send(requestLine, caller, "x-amz-chime-bearer", null);
    }

    @When("{caller} sends the raw request {string} with the body:")
    public void sendsTheRawRequestWithTheBody(String caller, String requestLine, String body) {
        send(requestLine, caller, "x-amz-chime-bearer", body);
    }

    /** HTTP-008: header names are case-insensitive. */
    @When("{actor} sends the raw request {string} with the bearer header spelled {string}")
    public void sendsTheRawRequestWithTheBearerHeaderSpelled(String actor, String requestLine, String headerName) {
        send(requestLine, actor, headerName, null);
    }

    private void send(String requestLine, String sender, String bearerHeader, String body) {
        channelsInRequest.clear();
        String bearer = World.DEVELOPER.equals(sender) ? null : world.actor(sender);
        String[] parts = requestLine.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new HarnessException("a raw request is written \"METHOD /path?query\", not \"" + requestLine + "\"");
        }
        String target = expand(parts[1], true);
        String payload = body == null ? null : expand(body, false);
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearer != null) {
            headers.put(bearerHeader, bearer);
        }
        if (payload != null) {
            headers.put("Content-Type", "application/json");
        }
        try {
            raw = rawRequests().send(parts[0], target, headers, RawRequests.utf8(payload));
        } catch (IOException e) {
            throw new HarnessException("the raw request " + parts[0] + " " + target + " could not be sent: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while sending a raw request", e);
        }
    }

    private RawRequests rawRequests() {
        Target target = world.target();
        if (target instanceof SdkTarget sdk) {
            return sdk.raw();
        }
        URI endpoint = target.endpoint().orElseThrow(() -> new HarnessException("target " + target.name()
                + " has no HTTP endpoint; scenarios sending raw requests must be tagged @requires:wire"));
        // A third-party target without the kit's SDK clients: its requests go unsigned.
        return new RawRequests(endpoint, null, null);
    }

    /** Replaces the placeholders; {@code encode}: percent-encoded, for the request line. */
    String expand(String text, boolean encode) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = resolve(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(encode ? percentEncode(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String resolve(String kind, String name) {
        return switch (kind) {
            case "channel" -> {
                channelsInRequest.add(world.channel(required(kind, name)));
                yield world.channel(name);
            }
            case "user" -> world.actor(required(kind, name));
            case "flow" -> world.flow(required(kind, name));
            case "message" -> world.message(required(kind, name));
            case "app-instance" -> world.appInstanceArn();
            case "token" -> "wire-" + world.ids().token();
            // As in every flow step: the target's processor where the scenario requires the behaviour.
            case "processor" -> flows.processorArn(ProcessorBehaviour.fromKey(required(kind, name)));
            case "callback" -> callbackIdOf(required(kind, name));
            default -> throw new HarnessException("unknown placeholder {{" + kind + "}} in a raw request; known:"
                    + " channel, user, flow, message, app-instance, processor, callback, token");
        };
    }

    private static String required(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new HarnessException("the placeholder {{" + kind + ":NAME}} needs a name");
        }
        return name;
    }

    /** The CallbackId the processor got for the message, looked up in the channels this request names. */
    private String callbackIdOf(String messageLabel) {
        String messageId = world.message(messageLabel);
        if (world.target().processorProbe().isEmpty()) {
            throw new HarnessException("{{callback:...}} needs a target that sees processor invocations: tag the"
                    + " scenario @requires:processor-inspection");
        }
        for (String channel : channelsInRequest) {
            for (ProcessorProbe.Invocation i : flows.invocationsIn(channel)) {
                if (messageId.equals(i.messageId())) {
                    return i.callbackId();
                }
            }
        }
        throw new HarnessException("no processor invocation for message \"" + messageLabel + "\" in the channels"
                + " this request names (the {{channel:...}} placeholder must come before {{callback:...}})");
    }

    private static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    // -------------------------------------------------------------------------------------- raw response

    private WireExchange raw() {
        if (raw == null) {
            throw new HarnessException("a step asserts on the raw response but no raw request was sent");
        }
        return raw;
    }

    @Then("the raw response status is {int}")
    public void theRawResponseStatusIs(int status) {
        assertThat(raw() + ": " + raw().responseBody(), raw().status(), is(status));
    }

    /** ERR-009: SDKs find the exception by this header; a body on its own would not map to it. */
    @Then("the raw response names the error type {string}")
    public void theRawResponseNamesTheErrorType(String type) {
        assertThat(raw() + ": x-amzn-ErrorType", errorType(raw()), equalTo(type));
    }

    @Then("the raw response body has a documented error code under {string} and a {string}")
    public void theRawResponseBodyHasADocumentedErrorCode(String codeMember, String messageMember) {
        JsonNode body = json(raw());
        JsonNode code = body.get(codeMember);
        assertThat(raw() + ": " + codeMember + " in " + raw().responseBody(), code != null && code.isTextual(), is(true));
        assertThat(raw() + ": " + codeMember + " is one of the documented ErrorCode values", code.asText(), is(in(ERROR_CODES)));
        JsonNode message = body.get(messageMember);
        assertThat(raw() + ": " + messageMember + " in " + raw().responseBody(),
                message != null && message.isTextual(), is(true));
    }

    /** An operation with no output may answer with an empty body or an empty JSON object: both say nothing. */
    @Then("the raw response body carries no output")
    public void theRawResponseBodyCarriesNoOutput() {
        assertNoOutput(raw());
    }

    @Then("the raw response body has the member {string}")
    public void theRawResponseBodyHasTheMember(String path) {
        member(path, node -> node != null && !node.isNull());
    }

    @Then("the raw response body has no member {string}")
    public void theRawResponseBodyHasNoMember(String path) {
        member(path, node -> node == null || node.isNull());
    }

    @Then("the raw response body lists {int} item(s) under {string}")
    public void theRawResponseBodyListsItemsUnder(int count, String path) {
        assertThat(raw() + ": items under " + path, member(path, node -> node != null && node.isArray()).size(), is(count));
    }

    @Then("the raw response body has {string} equal to {string}")
    public void theRawResponseBodyHasEqualTo(String path, String expected) {
        assertThat(raw() + ": " + path, member(path, node -> node != null && node.isValueNode()).asText(),
                equalTo(expand(expected, false)));
    }

    /** HTTP-007: timestamps in a body are epoch seconds, JSON numbers. */
    @Then("the raw response body has {string} as a JSON number")
    public void theRawResponseBodyHasAsAJsonNumber(String path) {
        member(path, node -> node != null && node.isNumber());
    }

    /** The member of the raw response body at the path, asserted to be as {@code wanted} says. */
    private JsonNode member(String path, java.util.function.Predicate<JsonNode> wanted) {
        JsonNode node = at(json(raw()), path);
        assertThat(raw() + ": " + path + " in " + raw().responseBody(), wanted.test(node), is(true));
        return node;
    }

    // ------------------------------------------------------------------------ the last exchange, any kind

    /** The status of the last HTTP exchange of the scenario, whether an SDK call or a raw request. */
    @Then("the service answered HTTP {int}")
    public void theServiceAnsweredHttp(int status) {
        WireExchange last = lastExchange();
        assertThat(last + ": " + last.responseBody(), last.status(), is(status));
    }

    @Then("the service answered with no output")
    public void theServiceAnsweredWithNoOutput() {
        assertNoOutput(lastExchange());
    }

    /**
     * HTTP-002, HTTP-003: the body of an answer without output members is empty, or a JSON object with no
     * members ({@code {}}); restJson1 services send either, and neither carries anything.
     */
    static void assertNoOutput(WireExchange exchange) {
        String body = exchange.responseBody() == null ? "" : exchange.responseBody().strip();
        if (body.isEmpty()) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(exchange + ": the body is neither empty nor JSON: " + body);
        }
        assertThat(exchange + ": the body is empty or {}, not " + body, json != null && json.isObject() && json.isEmpty(),
                is(true));
    }

    private WireExchange lastExchange() {
        if (!world.target().has(Capability.WIRE)) {
            throw new HarnessException("target " + world.target().name() + " has no wire to observe: the scenario"
                    + " must be tagged @requires:wire");
        }
        return world.wire().last().orElseThrow(() -> new HarnessException(
                "a step asserts on the last HTTP exchange but the scenario made none"));
    }

    // -------------------------------------------------------------------------------------------- helpers

    static String errorType(WireExchange exchange) {
        String header = exchange.responseHeader("x-amzn-ErrorType");
        // AWS front ends may append ":<namespace URL>" to the shape name.
        return header == null ? null : header.split(":", 2)[0].trim();
    }

    private static JsonNode json(WireExchange exchange) {
        try {
            return JSON.readTree(exchange.responseBody());
        } catch (IOException e) {
            throw new AssertionError(exchange + ": the body is not JSON: " + exchange.responseBody());
        }
    }

    /** A member by a dotted path; numeric segments index lists ("Channels.0.ChannelArn"). */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }
}
