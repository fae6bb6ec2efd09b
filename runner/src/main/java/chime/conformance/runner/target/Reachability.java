package chime.conformance.runner.target;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Checks, before a run, that an endpoint answers HTTP at all: one request to its root, where any answer,
 * an error status included, will do. A run against an endpoint that refuses connections, or accepts them
 * and never answers, would otherwise turn every scenario into a wait and an ERROR.
 */
public final class Reachability {

    /** The longest the check waits for an answer, whatever the call timeout: it must take seconds. */
    public static final Duration MAX_ANSWER_WAIT = Duration.ofSeconds(10);

    private Reachability() {
    }

    /**
     * What is wrong with reaching {@code endpoint}, in words that say what to do, or empty when it answered.
     *
     * @param connect how long to wait for the connection
     * @param call    the call timeout: the check waits for an answer this long, at most {@link #MAX_ANSWER_WAIT}
     */
    public static Optional<String> problem(URI endpoint, Duration connect, Duration call) {
        Duration answer = call.compareTo(MAX_ANSWER_WAIT) < 0 ? call : MAX_ANSWER_WAIT;
        URI root = endpoint.resolve("/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(root).timeout(answer).GET().build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return Optional.empty();
        } catch (HttpConnectTimeoutException e) {
            return Optional.of("cannot reach the target " + endpoint + ": no connection within " + seconds(connect)
                    + ". Is the host right, and is a firewall in the way? (connectTimeout in the target config sets"
                    + " how long the kit waits)");
        } catch (HttpTimeoutException e) {
            return Optional.of("the target " + endpoint + " accepted a connection but sent no answer within "
                    + seconds(answer) + ". Is it an HTTP server that speaks the API, and is it still starting?"
                    + " (callTimeout in the target config sets how long the kit waits, up to "
                    + seconds(MAX_ANSWER_WAIT) + " for this check)");
        } catch (ConnectException e) {
            return Optional.of("cannot reach the target " + endpoint + ": connection refused (nothing listens on "
                    + hostAndPort(endpoint) + "). Start the emulator there, or give --target the address it"
                    + " listens on");
        } catch (IOException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof UnknownHostException) {
                return Optional.of("cannot reach the target " + endpoint + ": unknown host " + endpoint.getHost()
                        + ". Check the host name in --target");
            }
            if (cause instanceof SSLException) {
                return Optional.of("cannot reach the target " + endpoint + ": the TLS handshake failed ("
                        + cause.getMessage() + "). Is it an https endpoint? Use http:// for a plain HTTP server");
            }
            String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return Optional.of("cannot reach the target " + endpoint + ": " + what.toLowerCase(Locale.ROOT)
                    + ". Check that an emulator listens there and speaks HTTP");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the check that the target " + endpoint + " answers was interrupted");
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String hostAndPort(URI endpoint) {
        int port = endpoint.getPort() != -1 ? endpoint.getPort()
                : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        return endpoint.getHost() + ":" + port;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
