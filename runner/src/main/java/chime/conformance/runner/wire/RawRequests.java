package chime.conformance.runner.wire;

import chime.conformance.runner.target.TargetConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * Raw HTTP requests to a target's endpoint, for wire-level rules the SDK cannot express (a missing header,
 * a bearer in the body, a wrong JSON type). Signed with SigV4 when the target has credentials, so they
 * are valid requests for a service that checks signatures; recorded into the scenario's {@link WireLog}
 * like the SDK's own.
 */
public final class RawRequests {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final HttpClient http;
    private final Duration callTimeout;

    /** {@code credentials} null: requests go unsigned. With the default timeouts of a target config. */
    public RawRequests(URI endpoint, AwsCredentialsProvider credentials, Region region) {
        this(endpoint, credentials, region, TargetConfig.DEFAULT_CONNECT, TargetConfig.DEFAULT_CALL);
    }

    /** As above, waiting at most {@code connectTimeout} for a connection and {@code callTimeout} for an answer. */
    public RawRequests(URI endpoint, AwsCredentialsProvider credentials, Region region, Duration connectTimeout,
                       Duration callTimeout) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.region = region;
        this.callTimeout = callTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Sends {@code method pathAndQuery} (already percent-encoded as it must travel) with the headers and
     * body, and returns the exchange, which is also added to the scenario's log if one is bound.
     */
    public WireExchange send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + pathAndQuery);
        byte[] payload = body == null ? new byte[0] : body;
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (credentials != null) {
            sent = sign(method, uri, sent, payload);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(callTimeout)
                .method(method, payload.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        sent.forEach((name, value) -> {
            if (!CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> responseHeaders.put(name, String.join(", ", values)));
        WireExchange exchange = new WireExchange(method, uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                response.statusCode(), Redaction.headers(sent), WireLog.bodyText(payload),
                Redaction.headers(responseHeaders), WireLog.bodyText(response.body()));
        WireLog log = WireCapture.current();
        if (log != null) {
            log.add(exchange);
        }
        return exchange;
    }

    private Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] payload) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "chime")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        Map<String, String> out = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> out.put(name, String.join(",", values)));
        return out;
    }

    /** Body text of a raw request as a DocString gives it. */
    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
