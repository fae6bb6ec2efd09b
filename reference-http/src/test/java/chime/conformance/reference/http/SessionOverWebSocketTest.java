package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import chime.conformance.reference.ReferenceService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;

/**
 * {@code serve}'s messaging session on the wire, with a plain WebSocket client (java.net.http) and raw
 * requests: the endpoint is the bare host:port the client dialled, a presigned {@code /connect} is upgraded,
 * SESSION_ESTABLISHED comes first, events arrive as text frames with Headers and a string Payload, and a
 * refusal is an upgrade followed by close 4401.
 */
class SessionOverWebSocketTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 10;

    private ReferenceService service;
    private ReferenceHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String alice;
    private String bob;
    private String channel;

    @BeforeEach
    void start() {
        service = ReferenceService.create();
        server = ReferenceHttpServer.start(service, "127.0.0.1", 0);
        ChimeSdkIdentityClient identity = service.identityClient();
        ChimeSdkMessagingClient messaging = service.messagingClient();
        String app = identity.createAppInstance(r -> r.name("ws")).appInstanceArn();
        alice = identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("alice").name("Alice"))
                .appInstanceUserArn();
        bob = identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("bob").name("Bob"))
                .appInstanceUserArn();
        channel = messaging.createChannel(r -> r.chimeBearer(alice).appInstanceArn(app).name("c")).channelArn();
        messaging.createChannelMembership(r -> r.chimeBearer(alice).channelArn(channel).memberArn(bob).type("DEFAULT"));
    }

    @AfterEach
    void stop() {
        server.close();
        service.close();
    }

    /** A socket's frames and its close, as they come. */
    static final class Received implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<int[]> closed = new CompletableFuture<>();
        volatile String closeReason;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        JsonNode next() throws Exception {
            String frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat("a frame within " + WAIT_SECONDS + " s", frame, notNullValue());
            return JSON.readTree(frame);
        }
    }

    private String endpoint() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                server.uri().resolve("/endpoints/messaging-session")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(200));
        return JSON.readTree(response.body()).get("Endpoint").get("Url").asText();
    }

    /** A URL of the form a presigning client sends (the signature is not verified, its form is). */
    private static String connectQuery(String userArn, String sessionId, String extra) {
        return "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + enc("AKIDEXAMPLE/20261202/us-east-1/chime/aws4_request")
                + "&X-Amz-Date=20261202T063000Z&X-Amz-Expires=10&X-Amz-SignedHeaders=host"
                + "&X-Amzn-User-Agent=node-NaN&X-Amzn-Version=3.32.0" + extra
                + "&sessionId=" + enc(sessionId) + "&userArn=" + enc(userArn)
                + "&X-Amz-Signature=" + "0123456789abcdef".repeat(4);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Received connect(String host, String query) throws Exception {
        Received received = new Received();
        http.newWebSocketBuilder().buildAsync(URI.create("ws://" + host + "/connect?" + query), received)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return received;
    }

    @Test
    void theEndpointIsTheBareHostAndPortTheClientDialled() throws Exception {
        assertThat(endpoint(), equalTo("127.0.0.1:" + server.uri().getPort()));
    }

    @Test
    void aConnectedMemberReceivesSessionEstablishedThenTheMessage() throws Exception {
        Received bobSocket = connect(endpoint(), connectQuery(bob, "12345", ""));
        JsonNode first = bobSocket.next();
        assertThat(first.get("Headers").get("x-amz-chime-event-type").asText(), equalTo("SESSION_ESTABLISHED"));
        assertThat(first.has("Payload"), is(false));
        service.messagingClient().sendChannelMessage(r -> r.chimeBearer(alice).channelArn(channel)
                .content("Hello Bob").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT));
        JsonNode event = bobSocket.next();
        assertThat(event.get("Headers").get("x-amz-chime-event-type").asText(), equalTo("CREATE_CHANNEL_MESSAGE"));
        assertThat(event.get("Headers").get("x-amz-chime-message-type").asText(), equalTo("STANDARD"));
        assertThat(event.get("Payload").isTextual(), is(true));
        JsonNode message = JSON.readTree(event.get("Payload").asText());
        assertThat(message.get("Content").asText(), equalTo("Hello Bob"));
        assertThat(message.get("Sender").get("Arn").asText(), equalTo(alice));
    }

    @Test
    void everyOpenSessionOfAUserReceives() throws Exception {
        Received phone = connect(endpoint(), connectQuery(bob, "1", ""));
        Received laptop = connect(endpoint(), connectQuery(bob, "2", ""));
        phone.next();
        laptop.next();
        service.messagingClient().sendChannelMessage(r -> r.chimeBearer(alice).channelArn(channel)
                .content("both").type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
        assertThat(JSON.readTree(phone.next().get("Payload").asText()).get("Content").asText(), equalTo("both"));
        assertThat(JSON.readTree(laptop.next().get("Payload").asText()).get("Content").asText(), equalTo("both"));
    }

    @Test
    void prefetchOnConnectSendsChannelDetails() throws Exception {
        Received bobSocket = connect(endpoint(), connectQuery(bob, "3", "&prefetch-on=connect"));
        assertThat(bobSocket.next().get("Headers").get("x-amz-chime-event-type").asText(), equalTo("SESSION_ESTABLISHED"));
        JsonNode details = bobSocket.next();
        assertThat(details.get("Headers").get("x-amz-chime-event-type").asText(), equalTo("CHANNEL_DETAILS"));
        assertThat(JSON.readTree(details.get("Payload").asText()).get("Channel").get("ChannelArn").asText(),
                equalTo(channel));
    }

    @Test
    void anUnknownUserIsUpgradedThenClosedWith4401() throws Exception {
        Received socket = connect(endpoint(), connectQuery(bob + "-nobody", "4", ""));
        int[] code = socket.closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(code[0], equalTo(4401));
        assertThat(socket.closeReason, equalTo("Unauthorized"));
        assertThat(socket.frames.poll(), nullValue());
    }

    @Test
    void aMissingOrMalformedParameterIsClosedWith4401() throws Exception {
        String host = endpoint();
        String valid = connectQuery(bob, "5", "");
        for (String query : new String[] {
                valid.replace("&sessionId=5", ""),
                valid.replaceAll("&X-Amz-Signature=[0-9a-f]+", ""),
                valid.replace("X-Amz-Date=20261202T063000Z", "X-Amz-Date=yesterday"),
                valid.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"),
                valid.replace("%2Fchime%2F", "%2Fs3%2F")}) {
            Received socket = connect(host, query);
            assertThat(query, socket.closed.get(WAIT_SECONDS, TimeUnit.SECONDS)[0], equalTo(4401));
        }
    }

    @Test
    void aDeletedUserIsDisconnectedWith4003() throws Exception {
        Received bobSocket = connect(endpoint(), connectQuery(bob, "6", ""));
        bobSocket.next();
        service.identityClient().deleteAppInstanceUser(r -> r.appInstanceUserArn(bob));
        assertThat(bobSocket.closed.get(WAIT_SECONDS, TimeUnit.SECONDS)[0], equalTo(4003));
    }

    @Test
    void aPlainGetOfConnectIsNotAnOperation() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/connect")).GET()
                .timeout(Duration.ofSeconds(WAIT_SECONDS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() >= 400, is(true));
    }
}
