package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * serve --state FILE through raw HTTP: what a client reads back after a restart is what it read before the stop;
 * a file that cannot be loaded is an error that leaves it as it is; a missing file starts empty and is created.
 */
class ServeStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** A serve process in this JVM, stopped as Ctrl+C would (an interrupt of its thread). */
    private static final class Serving implements AutoCloseable {
        final StringWriter printed = new StringWriter();
        final StringWriter errors = new StringWriter();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final Thread thread;
        final URI uri;

        Serving(String... args) throws InterruptedException {
            CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(printed, true))
                    .setErr(new PrintWriter(errors, true));
            String[] all = Stream.concat(Stream.of("serve", "--port", "0"), Stream.of(args)).toArray(String[]::new);
            thread = new Thread(() -> exit.complete(cli.execute(all)), "serve-state-test");
            thread.start();
            uri = awaitEndpoint();
        }

        private URI awaitEndpoint() throws InterruptedException {
            Pattern url = Pattern.compile("(http://[^\\s/]+:\\d+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                String text = printed.toString();
                Matcher m = url.matcher(text);
                if (text.contains("Press Ctrl+C to stop.") && m.find()) {
                    return URI.create(m.group(1));
                }
                if (exit.isDone()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("serve printed no endpoint: " + printed + errors);
        }

        /** The ARN serve prints for one of its processors. */
        String processorArn(String key) {
            Matcher m = Pattern.compile("\\n\\s+" + Pattern.quote(key) + "\\s+(arn:\\S+)").matcher(printed.toString());
            assertTrue(m.find(), printed.toString());
            return m.group(1);
        }

        int stop() throws Exception {
            thread.interrupt();
            return exit.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!exit.isDone()) {
                stop();
            }
        }
    }

    private record Reply(int status, String body) {
    }

    private static Reply call(URI uri, String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("x-amz-chime-bearer", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static JsonNode ok(URI uri, String method, String path, String bearer, String body) throws Exception {
        Reply reply = call(uri, method, path, bearer, body);
        assertTrue(reply.status() / 100 == 2, method + " " + path + ": " + reply.status() + " " + reply.body());
        return reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The resources made through the API, by name. */
    private record Made(String app, String alice, String bob, String carol, String mallory, String club,
                        String secret, String flow, String kept, String held, String nextToken) {
    }

    private static Made make(Serving serving) throws Exception {
        URI u = serving.uri;
        String app = ok(u, "POST", "/app-instances", null,
                "{\"Name\":\"club\",\"Metadata\":\"m\",\"ClientRequestToken\":\"a-1\"}").get("AppInstanceArn").asText();
        Map<String, String> users = new LinkedHashMap<>();
        for (String id : new String[] {"alice", "bob", "carol", "mallory"}) {
            users.put(id, ok(u, "POST", "/app-instance-users", null, "{\"AppInstanceArn\":\"" + app
                    + "\",\"AppInstanceUserId\":\"" + id + "\",\"Name\":\"" + id.toUpperCase() + "\","
                    + "\"ClientRequestToken\":\"u-" + id + "\"}").get("AppInstanceUserArn").asText());
        }
        String alice = users.get("alice");
        String bob = users.get("bob");
        String carol = users.get("carol");
        String mallory = users.get("mallory");
        ok(u, "POST", "/app-instances/" + enc(app) + "/admins", null, "{\"AppInstanceAdminArn\":\"" + bob + "\"}");
        String club = ok(u, "POST", "/channels", alice, "{\"AppInstanceArn\":\"" + app + "\",\"Name\":\"club\","
                + "\"Metadata\":\"about books\",\"ClientRequestToken\":\"c-1\",\"Tags\":[{\"Key\":\"team\","
                + "\"Value\":\"blue\"}]}").get("ChannelArn").asText();
        String secret = ok(u, "POST", "/channels", alice, "{\"AppInstanceArn\":\"" + app + "\",\"Name\":\"secret\","
                + "\"Privacy\":\"PRIVATE\",\"Mode\":\"RESTRICTED\",\"ClientRequestToken\":\"c-2\"}")
                .get("ChannelArn").asText();
        String c = "/channels/" + enc(club);
        String s = "/channels/" + enc(secret);
        ok(u, "POST", c + "/memberships", alice, "{\"MemberArn\":\"" + carol + "\",\"Type\":\"DEFAULT\"}");
        ok(u, "POST", c + "/memberships", alice, "{\"MemberArn\":\"" + mallory + "\",\"Type\":\"DEFAULT\"}");
        ok(u, "POST", s + "/memberships", alice, "{\"MemberArn\":\"" + carol + "\",\"Type\":\"HIDDEN\"}");
        ok(u, "POST", c + "/moderators", alice, "{\"ChannelModeratorArn\":\"" + carol + "\"}");
        ok(u, "POST", c + "/bans", alice, "{\"MemberArn\":\"" + mallory + "\"}");
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ok(u, "POST", c + "/messages", alice, "{\"Content\":\"hello " + i + "\",\"Metadata\":\"md " + i
                    + "\",\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"m-" + i + "\"}")
                    .get("MessageId").asText();
        }
        ok(u, "PUT", c + "/messages/" + ids[1], alice, "{\"Content\":\"edited\",\"Metadata\":\"md edited\"}");
        ok(u, "POST", c + "/messages/" + ids[2] + "?operation=redact", alice, "{}");
        ok(u, "DELETE", c + "/messages/" + ids[3], bob, null);
        ok(u, "PUT", c + "/readMarker", carol, null);
        ok(u, "PUT", c, alice, "{\"Name\":\"Book club\",\"Mode\":\"UNRESTRICTED\",\"Metadata\":\"renamed\"}");
        ok(u, "POST", "/tags?operation=tag-resource", null, "{\"ResourceARN\":\"" + club + "\",\"Tags\":[{\"Key\":"
                + "\"floor\",\"Value\":\"2\"}]}");
        String flow = ok(u, "POST", "/channel-flows", null, "{\"AppInstanceArn\":\"" + app + "\",\"Name\":\"held\","
                + "\"ClientRequestToken\":\"f-1\",\"Processors\":[{\"Name\":\"p1\",\"Configuration\":{\"Lambda\":"
                + "{\"ResourceArn\":\"" + serving.processorArn("hold") + "\",\"InvocationType\":\"ASYNC\"}},"
                + "\"ExecutionOrder\":1,\"FallbackAction\":\"CONTINUE\"}],\"Tags\":[{\"Key\":\"kind\","
                + "\"Value\":\"hold\"}]}").get("ChannelFlowArn").asText();
        ok(u, "PUT", s + "/channel-flow", alice, "{\"ChannelFlowArn\":\"" + flow + "\"}");
        String held = ok(u, "POST", s + "/messages", alice, "{\"Content\":\"for the processor\",\"Type\":\"STANDARD\","
                + "\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"m-held\"}").get("MessageId").asText();
        String nextToken = ok(u, "GET", c + "/messages?max-results=2", carol, null).get("NextToken").asText();
        return new Made(app, alice, bob, carol, mallory, club, secret, flow, ids[0], held, nextToken);
    }

    /** Every read of the made resources: path and bearer to the raw body. */
    private static Map<String, String> readAll(URI u, Made m) throws Exception {
        Map<String, String> reads = new LinkedHashMap<>();
        String c = "/channels/" + enc(m.club());
        String s = "/channels/" + enc(m.secret());
        String[][] calls = {
                {"/app-instances", null},
                {"/app-instances/" + enc(m.app()), null},
                {"/app-instance-users?app-instance-arn=" + enc(m.app()), null},
                {"/app-instance-users/" + enc(m.carol()), null},
                {"/app-instances/" + enc(m.app()) + "/admins", null},
                {"/channels?app-instance-arn=" + enc(m.app()), m.bob()},
                {"/channels?app-instance-arn=" + enc(m.app()) + "&privacy=PRIVATE", m.bob()},
                {c, m.alice()},
                {s, m.alice()},
                {c + "/memberships", m.alice()},
                {s + "/memberships?type=HIDDEN", m.alice()},
                {c + "/memberships/" + enc(m.carol()), m.carol()},
                {c + "/moderators", m.alice()},
                {c + "/bans", m.alice()},
                {c + "/messages", m.carol()},
                {c + "/messages?sort-order=ASCENDING", m.carol()},
                {c + "/messages?max-results=2&next-token=" + enc(m.nextToken()), m.carol()},
                {c + "/messages/" + m.kept(), m.carol()},
                {c + "/messages/" + m.kept() + "?scope=message-status", m.alice()},
                {s + "/messages", m.alice()},
                {s + "/messages", m.carol()},
                {s + "/messages/" + m.held(), m.alice()},
                {"/channels?scope=app-instance-user-memberships&app-instance-user-arn=" + enc(m.carol()), m.carol()},
                {"/channels?scope=app-instance-user-moderated-channels&app-instance-user-arn=" + enc(m.carol()), m.carol()},
                {"/channel-flows?app-instance-arn=" + enc(m.app()), null},
                {"/channel-flows/" + enc(m.flow()), null},
                {"/channels?scope=channel-flow-associations&channel-flow-arn=" + enc(m.flow()), null},
                {"/tags?arn=" + enc(m.club()), null},
                {"/tags?arn=" + enc(m.flow()), null},
        };
        for (String[] call : calls) {
            Reply reply = call(u, "GET", call[0], call[1], null);
            assertEquals(200, reply.status(), call[0] + ": " + reply.body());
            reads.put(call[0] + " as " + call[1], reply.body());
        }
        return reads;
    }

    @Test
    void whatAClientReadsAfterARestartIsWhatItReadBeforeTheStop() throws Exception {
        Path state = dir.resolve("emulator").resolve("state.json");
        Made made;
        Map<String, String> before;
        try (Serving first = new Serving("--state", state.toString())) {
            assertThat(first.printed.toString(), containsString("does not exist yet"));
            made = make(first);
            before = readAll(first.uri, made);
            assertFalse(Files.exists(state), "saved only on stop");
            assertThat(first.stop(), is(0));
            assertThat(first.printed.toString(), containsString("State saved to " + state));
        }
        String saved = Files.readString(state);
        assertThat(saved, containsString("\"format\" : \"chime-conformance/state/v1\""));
        try (Serving second = new Serving("--state", state.toString())) {
            assertThat(second.printed.toString(), containsString("State: loaded from " + state));
            assertEquals(before, readAll(second.uri, made));

            // The clock goes on: a message sent now is not older than any read before the stop.
            String c = "/channels/" + enc(made.club());
            BigDecimal newestBefore = JSON.readTree(before.get(c + "/messages as " + made.carol()))
                    .get("ChannelMessages").get(0).get("CreatedTimestamp").decimalValue();
            String id = ok(second.uri, "POST", c + "/messages", made.alice(), "{\"Content\":\"after\","
                    + "\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"m-after\"}")
                    .get("MessageId").asText();
            JsonNode newest = ok(second.uri, "GET", c + "/messages?max-results=1", made.carol(), null)
                    .get("ChannelMessages").get(0);
            assertEquals(id, newest.get("MessageId").asText());
            assertTrue(newest.get("CreatedTimestamp").decimalValue().compareTo(newestBefore) > 0);
            assertThat(second.stop(), is(0));
        }
        // Saved again on the second stop, with the message sent meanwhile.
        assertThat(Files.readString(state), containsString("\"content\" : \"after\""));
        try (Stream<Path> files = Files.list(state.getParent())) {
            assertThat("no temporary file is left", files.filter(f -> !f.equals(state)).toList(), empty());
        }
    }

    @Test
    void afterAResetTheStateSavedIsTheCurrentOneEmpty() throws Exception {
        Path state = dir.resolve("reset.json");
        try (Serving serving = new Serving("--state", state.toString())) {
            ok(serving.uri, "POST", "/app-instances", null, "{\"Name\":\"gone\",\"ClientRequestToken\":\"g-1\"}");
            ok(serving.uri, "POST", "/_chime-conformance/v1/reset", null, null);
            String kept = ok(serving.uri, "POST", "/app-instances", null,
                    "{\"Name\":\"kept\",\"ClientRequestToken\":\"g-2\"}").get("AppInstanceArn").asText();
            assertThat(serving.stop(), is(0));
            JsonNode saved = JSON.readTree(state.toFile());
            assertEquals(1, saved.get("appInstances").size());
            assertEquals(kept, saved.get("appInstances").get(0).get("appInstance").get("appInstanceArn").asText());
        }
    }

    @Test
    void aMissingFileStartsEmptyAndIsCreatedOnStop() throws Exception {
        Path state = dir.resolve("new-state.json");
        try (Serving serving = new Serving("--state", state.toString())) {
            assertEquals(0, ok(serving.uri, "GET", "/app-instances", null, null).get("AppInstances").size());
            assertThat(serving.stop(), is(0));
        }
        JsonNode saved = JSON.readTree(state.toFile());
        assertEquals("chime-conformance/state/v1", saved.get("format").asText());
        assertEquals(0, saved.get("appInstances").size());
    }

    @Test
    void aCorruptTruncatedForeignOrUnknownVersionFileIsAClearErrorAndLeftUntouched() throws Exception {
        Path good = dir.resolve("good.json");
        try (Serving serving = new Serving("--state", good.toString())) {
            ok(serving.uri, "POST", "/app-instances", null, "{\"Name\":\"kept\",\"ClientRequestToken\":\"k-1\"}");
            serving.stop();
        }
        String text = Files.readString(good);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("corrupt.json", text.replace("\"appInstances\"", "\"appInstances\" ]"));
        files.put("truncated.json", text.substring(0, text.length() / 2));
        files.put("empty.json", "");
        files.put("foreign.json", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        files.put("unknown-version.json", text.replace("chime-conformance/state/v1", "chime-conformance/state/v9"));
        files.put("missing-part.json", text.replace("\"name\" : \"kept\",", ""));
        files.put("not-a-directory.txt", "a file where the state's directory would be");
        Map<String, String> problems = Map.of(
                "corrupt.json", "is not valid JSON",
                "truncated.json", "is not valid JSON",
                "empty.json", "is empty",
                "foreign.json", "is not a chime-conformance state file",
                "unknown-version.json", "has format version chime-conformance/state/v9",
                "missing-part.json", "does not hold a valid state: appInstances[0].appInstance.name is missing",
                "not-a-directory.txt/state.json", "cannot be saved: " + dir.resolve("not-a-directory.txt")
                        + " is not a directory");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.writeString(path, file.getValue());
            byte[] bytes = Files.readAllBytes(path);
            Path state = file.getKey().endsWith(".txt") ? path.resolve("state.json") : path;
            Cli cli = Cli.run("serve", "--port", "0", "--state", state.toString());
            assertEquals(2, cli.exit(), cli.describe());
            String problem = problems.get(file.getKey().endsWith(".txt") ? file.getKey() + "/state.json"
                    : file.getKey());
            assertThat(cli.err(), containsString("state file " + state + " " + problem));
            assertThat(cli.out(), not(containsString("Press Ctrl+C")));
            assertArrayEquals(bytes, Files.readAllBytes(path), file.getKey() + " is left as it was");
        }
    }
}
