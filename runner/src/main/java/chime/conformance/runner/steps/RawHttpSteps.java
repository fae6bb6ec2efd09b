package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;

/**
 * Raw HTTP requests to the target's endpoint (capability WIRE), for the rules that live on the wire: status
 * codes, routing by fixed query parameters, percent-encoded ARNs, timestamps, the bearer header and the
 * shape of errors. A request is written "METHOD /path?query" with placeholders in double braces:
 * {{channel:NAME}}, {{user:NAME}}, {{flow:NAME}}, {{message:TEXT}}, {{callback:TEXT}}, {{app-instance}},
 * {{processor:BEHAVIOUR}} and {{token}}. In the path and the query string their values are
 * percent-encoded; in a body they are written as they are.
 */
public class RawHttpSteps {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)(?::([^}]+))?}}");
    private static final String BEARER_HEADER = "x-amz-chime-bearer";
    private static final String RESPONSE = "raw.response";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final World world;

    public RawHttpSteps(World world) {
        this.world = world;
    }

    // ---------------------------------------------------------------- sending

    @When("{actor} sends the raw request {string}")
    public void sendsTheRawRequest(String actor, String request) {
        send(request, null, BEARER_HEADER, world.actor(actor));
        world.actor(actor);
    }

    @When("{actor} sends the raw request {string} with the body:")
    public void sendsTheRawRequestWithTheBody(String actor, String request, String body) {
        send(request, body, BEARER_HEADER, world.actor(actor));
        world.actor(actor);
    }

    @When("{actor} sends the raw request {string} with the bearer header spelled {string}")
    public void sendsWithTheBearerHeaderSpelled(String actor, String request, String headerName) {
        send(request, null, headerName, world.actor(actor));
        world.actor(actor);
    }

    @When("the developer sends the raw request {string}")
    public void theDeveloperSendsTheRawRequest(String request) {
        send(request, null, null, null);
    }

    @When("the developer sends the raw request {string} with the body:")
    public void theDeveloperSendsTheRawRequestWithTheBody(String request, String body) {
        send(request, body, null, null);
    }

    // ---------------------------------------------------------------- the response

    @Then("the raw response status is {int}")
    public void theStatusIs(int status) {
        RawResponse response = response();
        assertThat(response.describe(), response.status(), is(status));
    }

    @Then("the raw response body is empty")
    public void theBodyIsEmpty() {
        RawResponse response = response();
        assertThat(response.describe(), response.body().isEmpty(), is(true));
    }

    /** The x-amzn-ErrorType header names the exception (SDKs map it to the modeled class); ":..." may follow. */
    @Then("the raw response names the error type {string}")
    public void namesTheErrorType(String exception) {
        RawResponse response = response();
        String header = response.header("x-amzn-ErrorType");
        assertThat("x-amzn-ErrorType in " + response.describe(), header, notNullValue());
        assertThat("x-amzn-ErrorType", header.split(":", 2)[0].trim(), is(exception));
    }

    @Then("the raw response body has the member {string}")
    public void hasTheMember(String path) {
        RawResponse response = response();
        assertThat(path + " in " + response.describe(), at(response, path).isMissingNode(), is(false));
    }

    @Then("the raw response body has no member {string}")
    public void hasNoMember(String path) {
        RawResponse response = response();
        assertThat(path + " in " + response.describe(), at(response, path).isMissingNode(), is(true));
    }

    @Then("the raw response body has {string} equal to {string}")
    public void hasEqualTo(String path, String expected) {
        RawResponse response = response();
        JsonNode node = at(response, path);
        assertThat(path + " in " + response.describe(), node.isValueNode(), is(true));
        assertThat(path, node.asText(), is(resolve(expected, false)));
    }

    @Then("the raw response body has {string} as a JSON number")
    public void hasAsAJsonNumber(String path) {
        RawResponse response = response();
        JsonNode node = at(response, path);
        assertThat(path + " in " + response.describe() + " is a " + node.getNodeType(), node.isNumber(), is(true));
    }

    /** An absent list counts as empty, as an SDK reads it. */
    @Then("the raw response body lists {int} item(s) under {string}")
    public void listsItemsUnder(int count, String path) {
        RawResponse response = response();
        JsonNode node = at(response, path);
        List<JsonNode> items = new ArrayList<>();
        if (!node.isMissingNode() && !node.isNull()) {
            assertThat(path + " in " + response.describe() + " is a list", node.isArray(), is(true));
            node.forEach(items::add);
        }
        assertThat(path + " in " + response.describe(), items, hasSize(count));
    }

    @Then("the raw response body has a documented error code under {string} and a {string}")
    public void hasADocumentedErrorCode(String codePath, String messagePath) {
        RawResponse response = response();
        JsonNode code = at(response, codePath);
        assertThat(codePath + " in " + response.describe(), code.isTextual(), is(true));
        List<String> documented = ErrorCode.knownValues().stream().map(ErrorCode::toString).toList();
        assertThat(codePath, code.asText(), is(oneOf(documented.toArray())));
        JsonNode message = at(response, messagePath);
        assertThat(messagePath + " in " + response.describe(), message.isTextual(), is(true));
        assertThat(messagePath, message.asText(), not(is("")));
    }

    // ---------------------------------------------------------------- helpers

    /** What came back: the status, the headers and the body as text. */
    record RawResponse(String request, int status, java.net.http.HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String describe() {
            return request + " -> HTTP " + status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    private void send(String request, String body, String bearerHeader, String bearer) {
        URI endpoint = world.target().endpoint().orElseThrow(() -> new HarnessException("target "
                + world.target().name() + " has no HTTP endpoint; the scenario should require the capability wire"));
        String[] parts = request.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new HarnessException("a raw request is written \"METHOD /path?query\", not \"" + request + "\"");
        }
        String method = parts[0];
        String target = resolve(parts[1], true);
        String base = endpoint.toString().replaceAll("/+$", "");
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + target))
                .timeout(Duration.ofSeconds(30));
        if (bearerHeader != null) {
            http.header(bearerHeader, bearer);
        }
        if (body == null) {
            http.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            http.header("Content-Type", "application/json");
            http.method(method, HttpRequest.BodyPublishers.ofString(resolve(body, false), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HarnessException("the raw request " + method + " " + target + " could not be sent: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while sending " + method + " " + target, e);
        }
        world.note(RESPONSE, new RawResponse(method + " " + target, response.statusCode(), response.headers(),
                response.body()));
    }

    private RawResponse response() {
        RawResponse response = world.note(RESPONSE);
        if (response == null) {
            throw new HarnessException("a Then step reads the raw response, but no raw request was sent");
        }
        return response;
    }

    /** The JSON value at a dotted path ("Channels.0.ChannelArn"), or a missing node. */
    private static JsonNode at(RawResponse response, String path) {
        JsonNode node;
        try {
            node = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + response.describe(), e);
        }
        for (String segment : path.split("\\.")) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = segment.matches("\\d+") && node.isArray() ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Replaces the placeholders, percent-encoding their values in a path or a query string. */
    private String resolve(String text, boolean encode) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(m.group(1), m.group(2));
            String written = encode ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
            m.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String kind, String name) {
        return switch (kind) {
            case "channel" -> world.channel(name);
            case "user" -> world.actor(name);
            case "flow" -> world.flow(name);
            case "message" -> world.message(name);
            case "callback" -> ChannelFlowFixtures.invocationOf(world, name).callbackId();
            case "app-instance" -> world.appInstanceArn();
            case "processor" -> ChannelFlowFixtures.processorArn(world, ProcessorBehaviour.fromKey(name));
            case "token" -> UUID.randomUUID().toString();
            default -> throw new HarnessException("unknown placeholder {{" + kind + (name == null ? "" : ":" + name)
                    + "}} in a raw request");
        };
    }
}
