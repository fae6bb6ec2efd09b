package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.reference.ReferenceProcessors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

class ServeCommandTest {

    @Test
    void servesTheReferenceUntilInterruptedAndPrintsTheEndpointAndProcessors() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute("serve", "--port", "0")), "serve-test");
        serving.start();

        URI endpoint = awaitEndpoint(printed);
        assertThat(endpoint.getHost(), is("127.0.0.1"));
        for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
            assertThat(printed.toString(), containsString(ReferenceProcessors.arn(b)));
        }
        try (ChimeSdkMessagingClient client = ChimeSdkMessagingClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            // ENDP-003: a bare host, as the real service gives it: the host and port the client dialled, where
            // serve accepts the messaging session's WebSocket.
            assertThat(client.getMessagingSessionEndpoint(r -> { }).endpoint().url(),
                    is(endpoint.getHost() + ":" + endpoint.getPort()));
        }

        serving.interrupt();
        assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS), is(0));
        assertThat(printed.toString(), containsString("Stopped."));
    }

    private static URI awaitEndpoint(StringWriter printed) throws InterruptedException {
        Pattern url = Pattern.compile("(http://[^\\s/]+:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            // The banner is complete once it says how to stop.
            String text = printed.toString();
            Matcher m = url.matcher(text);
            if (text.contains("Press Ctrl+C to stop.") && m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve printed no endpoint: " + printed);
    }

    @Test
    void aNonLoopbackAddressIsWarnedAbout() {
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10", "2001:db8::1"}) {
            assertThat(host, ServeCommand.nonLoopbackWarning(host).orElse(""), containsString("not a loopback address"));
        }
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
            assertThat(host, ServeCommand.nonLoopbackWarning(host).isPresent(), is(false));
        }
    }

    @Test
    void servingOnLoopbackPrintsNoWarning() throws Exception {
        StringWriter printed = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(printed, true))
                .setErr(new PrintWriter(errors, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute("serve", "--port", "0", "--host", "localhost")),
                "serve-test");
        serving.start();
        awaitEndpoint(printed);
        serving.interrupt();
        assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS), is(0));
        assertThat(errors.toString(), not(containsString("Warning")));
    }
}
