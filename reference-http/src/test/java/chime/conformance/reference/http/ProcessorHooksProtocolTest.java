package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.reference.ReferenceService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processor hooks as docs/processor-hooks.md describes them, driven as someone who has read only that
 * page and the API would drive them: plain {@link HttpClient} requests, unsigned, JSON read with Jackson, and
 * nothing of the kit. The API calls that set the stage are raw restJson1 requests too. The example answer of
 * the page has the very fields the server answers.
 */
class ProcessorHooksProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOLD = "arn:aws:lambda:us-east-1:111122223333:function:chime-conformance-hold";
    private static final String HOOKS = "/_chime-conformance/v1";

    @RegisterExtension
    static final ServedReference SERVED = new ServedReference();
    private static String base;
    private static String alice;
    private static String channel;

    @BeforeAll
    static void aChannelWhoseFlowRunsTheHoldProcessor() throws Exception {
        base = SERVED.uri().toString();
        String app = call("POST", "/app-instances", null, "{\"Name\":\"hooks\",\"ClientRequestToken\":\"" + token() + "\"}")
                .get("AppInstanceArn").asText();
        alice = call("POST", "/app-instance-users", null, "{\"AppInstanceArn\":\"" + app + "\",\"AppInstanceUserId\":"
                + "\"alice\",\"Name\":\"Alice\",\"ClientRequestToken\":\"" + token() + "\"}").get("AppInstanceUserArn").asText();
        channel = call("POST", "/channels", alice, "{\"AppInstanceArn\":\"" + app + "\",\"Name\":\"support\","
                + "\"ClientRequestToken\":\"" + token() + "\"}").get("ChannelArn").asText();
        String flow = call("POST", "/channel-flows", null, "{\"AppInstanceArn\":\"" + app + "\",\"Name\":\"played\","
                + "\"Processors\":[{\"Name\":\"hold\",\"Configuration\":{\"Lambda\":{\"ResourceArn\":\"" + HOLD + "\","
                + "\"InvocationType\":\"ASYNC\"}},\"ExecutionOrder\":1,\"FallbackAction\":\"ABORT\"}],"
                + "\"ClientRequestToken\":\"" + token() + "\"}").get("ChannelFlowArn").asText();
        // The creator of a channel is its moderator: she may associate it with a flow.
        call("PUT", "/channels/" + encode(channel) + "/channel-flow", alice, "{\"ChannelFlowArn\":\"" + flow + "\"}");
    }


    @Test
    void anInvocationCarriesTheEventTheDeveloperGuideDocuments() throws Exception {
        JsonNode sent = post("This darn printer", "{\"ticket\":42}", "PERSISTENT");
        assertThat(sent.path("Status").path("Value").asText(), equalTo("PENDING"));

        JsonNode invocation = only(hooks("GET", "/processors/" + encode(HOLD) + "/invocations?channel-arn="
                + encode(channel), null), sent.get("MessageId").asText());
        assertThat(invocation.get("Sequence").isIntegralNumber(), is(true));
        assertThat(invocation.get("ProcessorArn").asText(), equalTo(HOLD));
        assertThat(Instant.parse(invocation.get("InvokedTimestamp").asText()), notNullValue());
        JsonNode event = invocation.get("Event");
        assertThat(event.get("EventType").asText(), equalTo("CHANNEL_MESSAGE_EVENT"));
        assertThat(event.get("CallbackId").asText().length(), greaterThan(31));
        JsonNode message = event.get("ChannelMessage");
        assertThat(message.get("ChannelArn").asText(), equalTo(channel));
        assertThat(message.get("Content").asText(), equalTo("This darn printer"));
        assertThat(message.get("Metadata").asText(), equalTo("{\"ticket\":42}"));
        assertThat(message.get("Sender").get("Arn").asText(), equalTo(alice));
        assertThat(message.get("Sender").get("Name").asText(), equalTo("Alice"));
        assertThat(message.get("Persistence").asText(), equalTo("PERSISTENT"));
        assertThat(message.get("Type").asText(), equalTo("STANDARD"));
        assertThat(message.has("LastEditedTimestamp"), is(false));
        assertThat(Instant.parse(message.get("CreatedTimestamp").asText()), notNullValue());

        // The processor answers through the API, quoting the CallbackId: the member reads what it said.
        call("POST", "/channels/" + encode(channel) + "?operation=channel-flow-callback", null,
                "{\"CallbackId\":\"" + event.get("CallbackId").asText() + "\",\"ChannelMessage\":{\"MessageId\":\""
                        + message.get("MessageId").asText() + "\",\"Content\":\"This d*** printer\"}}");
        JsonNode read = call("GET", "/channels/" + encode(channel) + "/messages/" + message.get("MessageId").asText(),
                alice, null).get("ChannelMessage");
        assertThat(read.get("Content").asText(), equalTo("This d*** printer"));
        assertThat(read.path("Status").path("Value").asText(), equalTo("SENT"));
    }

    @Test
    void anEditIsInvokedWithItsLastEditedTimestamp() throws Exception {
        JsonNode sent = post("Helo", null, "PERSISTENT");
        String id = sent.get("MessageId").asText();
        JsonNode first = only(hooks("GET", "/processors/" + encode(HOLD) + "/invocations?channel-arn="
                + encode(channel), null), id);
        call("POST", "/channels/" + encode(channel) + "?operation=channel-flow-callback", null,
                "{\"CallbackId\":\"" + first.at("/Event/CallbackId").asText() + "\",\"ChannelMessage\":{\"MessageId\":\""
                        + id + "\"}}");
        call("PUT", "/channels/" + encode(channel) + "/messages/" + id, alice, "{\"Content\":\"Hello\"}");

        // Only what is new since the first invocation.
        JsonNode later = hooks("GET", "/processors/" + encode(HOLD) + "/invocations?channel-arn=" + encode(channel)
                + "&after=" + first.get("Sequence").asLong(), null);
        JsonNode edit = only(later, id);
        assertThat(edit.get("Sequence").asLong(), greaterThan(first.get("Sequence").asLong()));
        assertThat(edit.at("/Event/EventType").asText(), equalTo("CHANNEL_MESSAGE_EVENT"));
        assertThat(edit.at("/Event/ChannelMessage/Content").asText(), equalTo("Hello"));
        assertThat(Instant.parse(edit.at("/Event/ChannelMessage/LastEditedTimestamp").asText()), notNullValue());
    }

    @Test
    void aNonPersistentMessageSaysSo() throws Exception {
        String id = post("typing a long answer", null, "NON_PERSISTENT").get("MessageId").asText();
        JsonNode invocation = only(hooks("GET", "/processors/" + encode(HOLD) + "/invocations?channel-arn="
                + encode(channel), null), id);
        assertThat(invocation.at("/Event/ChannelMessage/Persistence").asText(), equalTo("NON_PERSISTENT"));
        assertThat(invocation.at("/Event/ChannelMessage/Metadata").isMissingNode(), is(true));
    }

    @Test
    void aProcessorNobodyInvokedHasNoInvocations() throws Exception {
        JsonNode none = hooks("GET", "/processors/" + encode("arn:aws:lambda:us-east-1:111122223333:function:nobody")
                + "/invocations", null);
        assertThat(none.get("Invocations").size(), is(0));
    }

    @Test
    void mistakesAreClientErrorsInTheApisErrorShape() throws Exception {
        assertError("GET", "/processors/not-an-arn/invocations", null, 400, "BadRequestException");
        assertError("GET", "/processors/" + encode(HOLD) + "/invocations?after=-1", null, 400, "BadRequestException");
        assertError("GET", "/processors/" + encode(HOLD) + "/invocations?after=x", null, 400, "BadRequestException");
        assertError("GET", "/processors/" + encode(HOLD) + "/invocations?channel=" + encode(channel), null, 400,
                "BadRequestException");
        HttpResponse<String> post = send("POST", base + HOOKS + "/processors/" + encode(HOLD) + "/invocations", "{}");
        assertThat(post.statusCode(), is(405));
        assertThat(post.headers().firstValue("Allow").orElse(""), equalTo("GET"));
        assertError("GET", "/processors", null, 404, "UnknownOperationException");
        assertError("POST", "/clock", "{\"AdvanceSeconds\":-5}", 400, "BadRequestException");
        assertError("POST", "/clock", "{\"AdvanceSeconds\":1.5}", 400, "BadRequestException");
        assertError("POST", "/clock", "not json", 400, "BadRequestException");
        // Beside the hooks, the reserved prefix answers as a path without an operation.
        HttpResponse<String> elsewhere = send("GET", base + "/_chime-conformance/v1/somewhere-else", null);
        assertThat(elsewhere.statusCode(), is(404));
    }

    @Test
    void theClockMovesForward() throws Exception {
        // Its own service: moving the clock changes every later timestamp.
        try (ReferenceService own = ReferenceService.create();
             ReferenceHttpServer ownServer = ReferenceHttpServer.start(own, "127.0.0.1", 0)) {
            Instant before = Instant.now();
            HttpResponse<String> moved = send("POST", ownServer.uri() + HOOKS + "/clock", "{\"AdvanceSeconds\":172860}");
            assertThat(moved.body(), moved.statusCode(), is(200));
            assertThat(JSON.readTree(moved.body()).get("AdvancedSeconds").asLong(), is(172860L));
            String app = own.identityClient().createAppInstance(r -> r.name("later")).appInstanceArn();
            Instant created = own.identityClient().describeAppInstance(r -> r.appInstanceArn(app)).appInstance()
                    .createdTimestamp();
            assertThat(created.isAfter(before.plus(Duration.ofHours(48))), is(true));
        }
    }

    /** The page's example answer has exactly the fields the server answers, at every level. */
    @Test
    void theDocumentedExampleHasTheFieldsTheServerAnswers() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "processor-hooks.md"));
        Matcher example = Pattern.compile("(?s)```\\nHTTP/1\\.1 200 OK\\nContent-Type: application/json\\n\\n(\\{\\n  \"Invocations\".*?)\\n```")
                .matcher(page);
        assertThat("the page shows an answer listing invocations", example.find(), is(true));
        JsonNode documented = JSON.readTree(example.group(1));

        String id = post("This darn printer", "{\"ticket\":42}", "PERSISTENT").get("MessageId").asText();
        JsonNode live = only(hooks("GET", "/processors/" + encode(HOLD) + "/invocations?channel-arn="
                + encode(channel), null), id);
        assertThat(fields(documented.get("Invocations").get(0)), equalTo(fields(live)));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static JsonNode post(String content, String metadata, String persistence) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("Content", content).put("Type", "STANDARD")
                .put("Persistence", persistence).put("ClientRequestToken", token());
        if (metadata != null) {
            body.put("Metadata", metadata);
        }
        return call("POST", "/channels/" + encode(channel) + "/messages", alice, body.toString());
    }

    /** The one invocation for that message in an answer. */
    private static JsonNode only(JsonNode answer, String messageId) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        answer.get("Invocations").forEach(i -> {
            if (i.at("/Event/ChannelMessage/MessageId").asText().equals(messageId)) {
                found.add(i);
            }
        });
        assertThat(answer.toString(), found, hasSize(1));
        return found.get(0);
    }

    /** Every field path of a JSON document, e.g. Event.ChannelMessage.Sender.Arn. */
    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.add(path);
            collect(node.get(name), path, paths);
        }
    }

    private static JsonNode hooks(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, base + HOOKS + path, body);
        assertThat(method + " " + path + ": " + response.body(), response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), equalTo("application/json"));
        return JSON.readTree(response.body());
    }

    private static void assertError(String method, String path, String body, int status, String type) throws Exception {
        HttpResponse<String> response = send(method, base + HOOKS + path, body);
        assertThat(method + " " + path + ": " + response.body(), response.statusCode(), is(status));
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElse(""), equalTo(type));
        assertThat(JSON.readTree(response.body()).has("Message"), is(true));
    }

    /** An API call, restJson1, unsigned (the reference checks no signature). */
    private static JsonNode call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("x-amz-chime-bearer", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method + " " + path + ": " + response.body(), response.statusCode() / 100, is(2));
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }
}
