package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import chime.conformance.reports.RunStoppedException;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.plugin.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that cannot be reached ends a run in seconds, with exit code 2 and a message saying what to
 * do, before any scenario runs; one that goes away during a run makes its scenarios ERROR, never FAIL, and
 * the run stops once enough of them in a row erred.
 */
class UnreachableEndpointTest {

    @TempDir
    Path dir;

    private static final long SECONDS = 1_000_000_000L;

    @Test
    void anEndpointThatRefusesConnectionsStopsTheRunAtOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long t0 = System.nanoTime();
        Cli run = Cli.run("run", "--target", "http://127.0.0.1:" + port, "--report", dir.resolve("r").toString());
        long took = System.nanoTime() - t0;
        assertThat(run.describe(), run.exit(), is(2));
        assertThat(run.err(), allOf(containsString("cannot reach the target http://127.0.0.1:" + port),
                containsString("connection refused"), containsString("Start the emulator")));
        assertThat("no scenario ran", run.out(), not(containsString("FAIL ")));
        assertThat(Files.exists(dir.resolve("r").resolve("results.json")), is(false));
        assertThat("seconds, not minutes", took, lessThan(5 * SECONDS));
    }

    @Test
    void anEndpointThatNeverAnswersStopsTheRunInSeconds() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long t0 = System.nanoTime();
            Cli run = Cli.run("run", "--target", silent.uri(), "--report", dir.resolve("r").toString());
            long took = System.nanoTime() - t0;
            assertThat(run.describe(), run.exit(), is(2));
            assertThat(run.err(), allOf(containsString("accepted a connection but sent no answer within 10 s"),
                    containsString("callTimeout")));
            assertThat("the default wait is bounded: seconds, not the call timeout's retries", took,
                    lessThan(20 * SECONDS));
            assertThat(silent.accepted(), greaterThan(0));
        }
    }

    @Test
    void theCallTimeoutOfTheConfigShortensTheWait() throws Exception {
        Path config = dir.resolve("target.yaml");
        Files.writeString(config, "callTimeout: 1s\nconnectTimeout: PT2S\n");
        try (SilentServer silent = new SilentServer()) {
            long t0 = System.nanoTime();
            Cli run = Cli.run("run", "--target", silent.uri(), "--target-config", config.toString(), "--report",
                    dir.resolve("r").toString());
            long took = System.nanoTime() - t0;
            assertThat(run.describe(), run.exit(), is(2));
            assertThat(run.err(), containsString("sent no answer within 1 s"));
            assertThat(took, lessThan(6 * SECONDS));
        }
    }

    /**
     * The server answers the check and then goes away: every call is refused. The scenarios that call it are
     * ERROR (the target could not be judged), none FAIL, and the run stops after the limit of errors in a row.
     */
    @Test
    void transportErrorsAreErrorsAndEnoughOfThemInARowStopTheRun() throws Exception {
        Path report = dir.resolve("gone");
        Cli run;
        try (AnswersOnce once = new AnswersOnce()) {
            run = Cli.run("run", "--target", once.uri(), "--tags", "@area:ENDP or @area:CHAN", "--threads", "1",
                    "--stop-after-errors", "3", "--report", report.toString());
        }
        assertThat(run.describe(), run.exit(), is(2));
        assertThat(run.err(), allOf(containsString("Stopping: 3 scenarios in a row ended in ERROR"),
                containsString("incomplete run: the run stopped after 3 scenarios in a row ended in ERROR")));
        RunResults results = ResultsFile.read(report);
        List<ScenarioResult> ran = new ArrayList<>();
        List<ScenarioResult> notRun = new ArrayList<>();
        for (ScenarioResult s : results.scenarios()) {
            if (s.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            (RunStoppedException.class.getName().equals(s.errorType()) ? notRun : ran).add(s);
        }
        assertThat(results.counts().scenarios(Status.FAIL), is(0));
        assertThat(ran.stream().map(ScenarioResult::status).toList(), everyItem(is(Status.ERROR)));
        assertThat("the limit, and perhaps one more finishing", ran.size(), is(3));
        assertThat(notRun.size(), greaterThan(10));
        assertThat(notRun.stream().map(ScenarioResult::status).toList(), everyItem(is(Status.ERROR)));
        assertThat(notRun.get(0).errorMessage(), startsWith("Not run: the run stopped after 3 scenarios"));
        assertThat(results.warnings().toString(), containsString("Incomplete: the run stopped after 3"));
    }

    /** The two scenarios that once counted "connection refused" against the target are ERROR now. */
    @Test
    void theEndpointScenariosAreErrorsWhenTheTargetIsGone() throws Exception {
        Path report = dir.resolve("endp");
        Cli run;
        try (AnswersOnce once = new AnswersOnce()) {
            run = Cli.run("run", "--target", once.uri(), "--tags", "@area:ENDP", "--threads", "1",
                    "--report", report.toString());
        }
        assertThat(run.describe(), run.exit(), is(1));
        assertThat("an endpoint without a target config runs no processor, and the run says so", run.err(),
                allOf(containsString("warning: no --target-config"), containsString("NOT_APPLICABLE")));
        RunResults results = ResultsFile.read(report);
        assertThat(results.scenarios().size(), is(3));
        for (ScenarioResult s : results.scenarios()) {
            assertThat(s.id(), s.status(), is(Status.ERROR));
            assertThat(s.errorMessage(), startsWith(Classifier.TRANSPORT_PREFIX + "connection refused"));
        }
    }

    /** Accepts connections on loopback, reads nothing and never answers, until closed. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    /** Answers the first request with 404, then stops listening: every later connection is refused. */
    static final class AnswersOnce implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread;

        AnswersOnce() throws IOException {
            thread = new Thread(() -> {
                try (server; Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    // Read the request head, up to the blank line.
                    int state = 0;
                    while (state < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                                ? state + 1 : 0;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException ignored) {
                    // closed
                }
            }, "answers-once");
            thread.setDaemon(true);
            thread.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
