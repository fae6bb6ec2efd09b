package chime.conformance.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of {@link LoadGenerator} sent by wrk (the C load generator, https://github.com/wg/wrk): an event
 * loop per thread over keep-alive connections, closed loop, a few µs of CPU per request where the JVM's blocking
 * client needs tens. On 2 cores the client shares the machine with the server it loads, so the lighter client
 * gives the server more of it, and the rates compare the servers rather than the client.
 *
 * <p>A Lua script per row builds the same requests as the raw client: SendChannelMessage with the same 64-byte
 * content and a fresh ClientRequestToken per request (a UUID's text, the form AWS SDKs fill it in), ListChannelMessages for a page of 50, and that request's
 * method, path and headers for a bare handler, or the send's request for a bare handler's POST row. Each wrk
 * thread sends as one member of the channel. wrk runs in {@code sh -c}, which reports its children's CPU time
 * (/proc/PID/stat, cutime and cstime) when wrk has exited: the client's CPU per request.
 */
final class WrkEngine {

    /** One row's figures, as wrk counts them. */
    record Figures(long requests, double seconds, double p50Millis, double p99Millis, long errors,
                   double clientMicrosPerRequest) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private final URI endpoint;
    private final int threads;
    private final Path work;

    WrkEngine(URI endpoint, int threads) throws IOException {
        this.endpoint = endpoint;
        this.threads = threads;
        this.work = Files.createTempDirectory("wrk-rows");
        work.toFile().deleteOnExit();
    }

    /** True when a wrk runs from the PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Loads the row with {@code connections} connections for {@code seconds}: {@code operation} is
     * {@link LoadGenerator#SEND}, {@link LoadGenerator#LIST}, {@link LoadGenerator#FIXED} or
     * {@link LoadGenerator#FIXED_POST}; {@code channelArn}
     * and {@code bearers} are the generator's setup (for a bare handler, those of the server it is compared with;
     * null and empty: a channel and a bearer named {@code bare}).
     */
    Figures run(String operation, String channelArn, List<String> bearers, int connections, double seconds)
            throws IOException, InterruptedException {
        Path script = work.resolve("row-" + RUNS.incrementAndGet() + ".lua");
        Files.writeString(script, lua(operation, channelArn, bearers));
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "wrk \"$@\"; status=$?; read -r stat < /proc/$$/stat; echo \"SHELL-STAT $stat\"; exit $status",
                "sh", "-t" + Math.min(threads, connections), "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "30s", "-s", script.toString(),
                endpoint.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.deleteIfExists(script);
        String summary = line(output, "WRK-ROW ");
        String stat = line(output, "SHELL-STAT ");
        if (exit != 0 || summary == null) {
            throw new IOException("wrk failed (exit " + exit + "): " + output.strip());
        }
        long requests = field(summary, "requests");
        double duration = field(summary, "duration_us") / 1e6;
        long errors = field(summary, "status_errors") + field(summary, "socket_errors");
        double clientMicros = Double.NaN;
        if (stat != null && requests > 0) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long childTicks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime
            clientMicros = childTicks * 1e4 / requests; // USER_HZ 100: a tick is 10,000 µs
        }
        return new Figures(requests, duration, field(summary, "p50_us") / 1e3, field(summary, "p99_us") / 1e3,
                errors, clientMicros);
    }

    private String lua(String operation, String channelArn, List<String> bearers) {
        String path = "/channels/" + URLEncoder.encode(channelArn == null ? "bare" : channelArn,
                StandardCharsets.UTF_8) + "/messages";
        StringBuilder list = new StringBuilder();
        for (String b : bearers.isEmpty() ? List.of("bare") : bearers) {
            list.append(list.length() == 0 ? "" : ", ").append(quoted(b));
        }
        // Tokens in the form AWS SDKs fill them, a UUID's canonical text, unique to this run and wrk thread:
        // 8-4 digits for the run, then the thread and the request's number.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String run = String.format("%08x-%04x", random.nextInt() & 0xFFFFFFFFL, random.nextInt(0x10000));
        return """
                local bearers = {%s}
                local path = %s
                local send = %s
                local threads = 0
                function setup(thread)
                  thread:set("id", threads)
                  threads = threads + 1
                end
                function init(args)
                  bearer = bearers[(id %% #bearers) + 1]
                  prefix = %s .. string.format("-4%%03x-8000-", id)
                  n = 0
                  headers = {["x-amz-chime-bearer"] = bearer}
                  page = wrk.format("GET", path .. "?max-results=50", headers)
                  post = {["x-amz-chime-bearer"] = bearer, ["Content-Type"] = "application/json"}
                end
                function request()
                  if not send then
                    return page
                  end
                  n = n + 1
                  return wrk.format("POST", path, post, '{"Content":"load test message of about sixty-four bytes'
                    .. ' of content, ok","Type":"STANDARD","Persistence":"PERSISTENT","ClientRequestToken":"'
                    .. prefix .. string.format("%%012x", n) .. '"}')
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("WRK-ROW requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d"
                    .. " status_errors=%%d socket_errors=%%d\\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(99), e.status,
                    e.connect + e.read + e.write + e.timeout))
                end
                """.formatted(list, quoted(path),
                operation.equals(LoadGenerator.SEND) || operation.equals(LoadGenerator.FIXED_POST), quoted(run));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String line(String output, String prefix) {
        for (String l : output.split("\n")) {
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    private static long field(String summary, String name) {
        for (String part : summary.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("wrk printed no " + name + ": " + summary);
    }
}
