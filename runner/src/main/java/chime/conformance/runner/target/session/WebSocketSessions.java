package chime.conformance.runner.target.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * Sessions over WebSocket, as the Amazon Chime SDK clients open them (Developer Guide, "Using WebSockets to
 * receive messages"): GetMessagingSessionEndpoint, then {@code GET /connect?sessionId=..&userArn=..}
 * presigned with SigV4 (service {@code chime}, the target's region and credentials, 10 s expiry, the host
 * signed) through the AWS SDK's signer, upgraded to a WebSocket with {@code java.net.http}.
 *
 * <p>The endpoint is a bare host (AWS: {@code node001.ue1.ws-messaging.chime.aws}; serve: the
 * {@code host:port} the client dialled), to which the scheme is added: {@code wss} unless the API itself is
 * reached over plain HTTP ({@code serve}), then {@code ws}. An absolute URL is taken as it is.
 */
public final class WebSocketSessions implements SessionConnector {

    private final ChimeSdkMessagingClient messaging;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final boolean plain;
    private final Duration quiet;
    private final Duration bound;
    private final HttpClient http;

    /**
     * @param apiEndpoint the API's endpoint override, or null for AWS's own (its scheme picks ws or wss)
     * @param quiet       the quiet period of "receives nothing" steps
     * @param bound       how long an event may take to arrive
     */
    public WebSocketSessions(ChimeSdkMessagingClient messaging, AwsCredentialsProvider credentials, Region region,
                             URI apiEndpoint, Duration quiet, Duration bound) {
        this.messaging = messaging;
        this.credentials = credentials;
        this.region = region;
        this.plain = apiEndpoint != null && "http".equalsIgnoreCase(apiEndpoint.getScheme());
        this.quiet = quiet;
        this.bound = bound;
        this.http = HttpClient.newBuilder().connectTimeout(bound).build();
    }

    @Override
    public Duration quietPeriod() {
        return quiet;
    }

    @Override
    public Duration deliveryBound() {
        return bound;
    }

    @Override
    public SessionClient connect(String userArn, String sessionId, boolean prefetch) {
        String endpoint = messaging.getMessagingSessionEndpoint(r -> { }).endpoint().url();
        URI url = connectUrl(endpoint, userArn, sessionId, prefetch);
        SessionClient client = new SessionClient(userArn);
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().buildAsync(url, new Listener(client))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + redacted(url), e);
        } catch (Exception e) {
            // The handshake itself failed: what a client sees as close 1006 (abnormal closure).
            client.ended(1006, "the WebSocket handshake with " + redacted(url) + " failed: " + e.getMessage());
            return client;
        }
        client.attach(() -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(bound.toMillis(), TimeUnit.MILLISECONDS));
        return client;
    }

    /** The presigned connect URL: the same query the Amazon Chime SDK for JavaScript sends, signed. */
    URI connectUrl(String endpoint, String userArn, String sessionId, boolean prefetch) {
        String base = endpoint.contains("://") ? endpoint.replaceFirst("^wss?://", "https://")
                .replaceFirst("/+$", "") : "https://" + endpoint;
        String path = base.endsWith("/connect") ? "" : "/connect";
        StringBuilder query = new StringBuilder();
        if (prefetch) {
            query.append("prefetch-on=connect&");
        }
        query.append("sessionId=").append(encode(sessionId)).append("&userArn=").append(encode(userArn));
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(base + path + "?" + query)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "chime")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(10))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC()));
        String signedUri = signed.request().getUri().toString();
        return URI.create((plain && !endpoint.startsWith("wss://") ? "ws" : "wss") + signedUri.substring("https".length()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL without its signature and credentials, for messages. */
    private static String redacted(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?...";
    }

    /** Frames to the client as they complete; the close (or a failure, as 1006) ends it. */
    private static final class Listener implements WebSocket.Listener {
        private final SessionClient client;
        private final StringBuilder partial = new StringBuilder();

        Listener(SessionClient client) {
            this.client = client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                client.received(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.ended(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            client.ended(1006, String.valueOf(error.getMessage()));
        }
    }
}
