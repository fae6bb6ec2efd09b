package chime.conformance.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Servers side by side under one client: each target (a {@code serve} of some build) gets the same setup as
 * {@link LoadGenerator}'s, then every round loads each target's SendChannelMessage and ListChannelMessages (a
 * page of 50) and each bare target's fixed answer to the same two requests, byte for byte those of the first
 * target (its channel's ARN in the path, its members' as bearers; a send is compared with the bare
 * answer to its POST, a page with the bare answer to its GET), one row after another, the order rotated from
 * round to round, so that what else the machine does slows every server alike. The summary gives each row's
 * median over the rounds and the ratios between targets.
 *
 * <pre>
 * java -cp benchmarks.jar chime.conformance.benchmarks.load.ServeThroughput
 *     --target before=http://127.0.0.1:P1@PID1 --target after=http://127.0.0.1:P2@PID2
 *     --bare bare=http://127.0.0.1:P3@PID3 [--clients 16] [--rounds 5] [--seconds 5] [--warmup 1]
 *     [--prefill 1000] [--max-requests 1000000] [--engine java|wrk] [--wrk-threads 2] [--channel one|per-round]
 * </pre>
 *
 * <p>{@code --engine wrk} sends the rows' requests with wrk ({@link WrkEngine}) instead of this JVM's raw
 * client; the setup is the same. Every row reports the client's CPU per request beside the server's.
 *
 * <p>{@code --channel per-round} gives each target a new channel (its members, {@code --prefill} messages) at the
 * start of every round and deletes the one before, so that a server holds one round's messages rather than all
 * the run's: a faster server otherwise stores more in the same time, and its collections grow with that store
 * (as does what they cost the rounds they fall in). The default, {@code one}, loads one channel all run.
 *
 * {@code @PID} (optional) is the server's process id, for its CPU time per request. The first target is the
 * one the others are compared with.
 */
public final class ServeThroughput {

    private record Target(String name, URI endpoint, long pid, boolean bare) {
    }

    private record Row(Target target, String operation) {
        String label() {
            if (!target.bare) {
                return target.name + " " + operation;
            }
            return target.name + (operation.equals(LoadGenerator.FIXED_POST) ? " fixed body, POST"
                    : " fixed body, GET");
        }
    }

    /** One measured row: what the client counted, and the client's own CPU per request. */
    private record Measured(long requests, double perSecond, double p50, double p99, long errors,
                            double clientMicros) {
    }

    private ServeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<Target> targets = new ArrayList<>();
        int clients = 16;
        int rounds = 5;
        double seconds = 5;
        double warmup = 1;
        int prefill = 1_000;
        int maxRequests = 1_000_000;
        String engine = "java";
        int wrkThreads = 2;
        String channel = "one";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--target" -> targets.add(target(value, false));
                case "--bare" -> targets.add(target(value, true));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--prefill" -> prefill = Integer.parseInt(value);
                case "--max-requests" -> maxRequests = Integer.parseInt(value);
                case "--engine" -> engine = value;
                case "--wrk-threads" -> wrkThreads = Integer.parseInt(value);
                case "--channel" -> channel = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty() || targets.get(0).bare) {
            throw new IllegalArgumentException("--target NAME=http://127.0.0.1:PORT[@PID] first, then more targets"
                    + " or --bare NAME=URL[@PID]");
        }
        if (clients < 1 || clients > 120 || rounds < 1 || seconds <= 0 || seconds > 120 || warmup < 0) {
            throw new IllegalArgumentException("--clients 1 to 120, --rounds at least 1, --seconds in (0, 120]");
        }

        if (!channel.equals("one") && !channel.equals("per-round")) {
            throw new IllegalArgumentException("--channel one (one channel all run) or per-round (a new channel each"
                    + " round, the one before deleted)");
        }
        if (!engine.equals("java") && !engine.equals("wrk")) {
            throw new IllegalArgumentException("--engine java (the JVM's raw HTTP client) or wrk");
        }
        if (engine.equals("wrk") && !WrkEngine.available()) {
            throw new IllegalArgumentException("--engine wrk needs wrk on the PATH (Debian: apt-get install wrk)");
        }

        Map<Target, LoadGenerator> generators = new LinkedHashMap<>();
        Map<Target, WrkEngine> wrks = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Target t : targets) {
            LoadGenerator generator = new LoadGenerator(t.endpoint, false);
            if (!t.bare) {
                generator.setUp(clients, prefill);
                rows.add(new Row(t, LoadGenerator.SEND));
                rows.add(new Row(t, LoadGenerator.LIST));
            } else {
                rows.add(new Row(t, LoadGenerator.FIXED));
                rows.add(new Row(t, LoadGenerator.FIXED_POST));
            }
            generators.put(t, generator);
            if (engine.equals("wrk")) {
                wrks.put(t, new WrkEngine(t.endpoint, wrkThreads));
            }
        }
        int finalClients = clients;
        int finalMaxRequests = maxRequests;
        LoadGenerator firstTarget = generators.get(targets.get(0));
        RowRunner runner = (row, secs) -> {
            LoadGenerator generator = generators.get(row.target);
            if (row.target.bare) {
                // The same bytes as the first target's rows: its channel's ARN in the path, its members' ARNs as
                // bearers (the channel of the current round with --channel per-round).
                generator.requestsOf(firstTarget);
            }
            WrkEngine wrk = wrks.get(row.target);
            if (wrk != null) {
                WrkEngine.Figures f = wrk.run(row.operation, generator.channelArn(), generator.members(),
                        finalClients, secs);
                return new Measured(f.requests(), f.perSecond(), f.p50Millis(), f.p99Millis(), f.errors(),
                        f.clientMicrosPerRequest());
            }
            long cpuBefore = ownCpuNanos();
            LoadGenerator.Result r = generator.run(row.operation, finalClients, secs, finalMaxRequests);
            double clientMicros = r.requests() == 0 ? Double.NaN
                    : (ownCpuNanos() - cpuBefore) / 1e3 / r.requests();
            return new Measured(r.requests(), r.perSecond(), r.percentile(0.5), r.percentile(0.99), r.errors(),
                    clientMicros);
        };

        System.out.println("client: " + (engine.equals("wrk")
                ? "wrk -t" + Math.min(wrkThreads, clients) + " -c" + clients + " (Lua script per row)"
                : "the JVM's raw HTTP/1.1 client, one write per request, a thread per connection") + ", " + clients
                + " keep-alive connections, closed loop; " + rounds + " rounds of " + seconds + " s per row after "
                + warmup + " s of warm-up; " + (channel.equals("one") ? "one channel per target all run"
                : "a new channel per target each round (" + prefill + " messages), the one before deleted"));
        // One round unmeasured first: every server's JIT warms up on every row before any row counts.
        for (Row row : rows) {
            runner.run(row, Math.max(warmup, 2));
        }
        System.out.printf(Locale.ROOT, "%5s  %-36s %9s %9s %8s %8s %13s %13s %6s %6s%n", "round", "row", "requests",
                "req/s", "p50 ms", "p99 ms", "server µs/req", "client µs/req", "errors", "load1");
        Map<Row, List<Double>> rates = new LinkedHashMap<>();
        Map<Row, List<Double>> cpu = new LinkedHashMap<>();
        Map<Row, List<Double>> clientCpu = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            if (channel.equals("per-round")) {
                for (Target t : targets) {
                    if (!t.bare) {
                        generators.get(t).renewChannel(prefill);
                    }
                }
            }
            for (int k = 0; k < rows.size(); k++) {
                Row row = rows.get((k + round - 1) % rows.size());
                if (warmup > 0) {
                    runner.run(row, warmup);
                }
                LoadGenerator.ServerCpu serverCpu = new LoadGenerator.ServerCpu(row.target.pid);
                long before = serverCpu.ticks();
                Measured r = runner.run(row, seconds);
                double perRequest = serverCpu.microsPerRequest(before, serverCpu.ticks(), (int) r.requests());
                rates.computeIfAbsent(row, x -> new ArrayList<>()).add(r.perSecond());
                cpu.computeIfAbsent(row, x -> new ArrayList<>()).add(perRequest);
                clientCpu.computeIfAbsent(row, x -> new ArrayList<>()).add(r.clientMicros());
                System.out.printf(Locale.ROOT, "%5d  %-36s %9d %9.0f %8.3f %8.3f %13.0f %13.0f %6d %6s%n", round,
                        row.label(), r.requests(), r.perSecond(), r.p50(), r.p99(), perRequest, r.clientMicros(),
                        r.errors(), load1());
            }
        }

        System.out.println();
        System.out.println("medians over " + rounds + " round(s)");
        System.out.printf(Locale.ROOT, "%-36s %9s %13s %13s%n", "row", "req/s", "server µs/req", "client µs/req");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-36s %9.0f %13.0f %13.0f%n", row.label(), median(rates.get(row)),
                    median(cpu.get(row)), median(clientCpu.get(row)));
        }
        System.out.println();
        System.out.println("ratios of medians (req/s)");
        Target first = targets.get(0);
        for (Target t : targets) {
            if (t.bare) {
                continue;
            }
            for (String op : List.of(LoadGenerator.SEND, LoadGenerator.LIST)) {
                double rate = median(rates.get(new Row(t, op)));
                if (t != first) {
                    System.out.printf(Locale.ROOT, "%-20s %s / %s: %.2fx%n", op, t.name, first.name,
                            rate / median(rates.get(new Row(first, op))));
                }
                for (Target bare : targets) {
                    if (bare.bare) {
                        System.out.printf(Locale.ROOT, "%-20s %s / %s: %.2f%n", op, t.name, bare.name,
                                rate / median(rates.get(new Row(bare, bareRowFor(op)))));
                    }
                }
            }
        }
        System.out.println("ratios per round, each against the same round's row (req/s):");
        for (Target t : targets) {
            if (t.bare || t == first) {
                continue;
            }
            for (String op : List.of(LoadGenerator.SEND, LoadGenerator.LIST)) {
                List<Double> mine = rates.get(new Row(t, op));
                List<Double> theirs = rates.get(new Row(first, op));
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < mine.size(); i++) {
                    line.append(String.format(Locale.ROOT, " %.2fx", mine.get(i) / theirs.get(i)));
                }
                System.out.printf(Locale.ROOT, "%-20s %s / %s:%s%n", op, t.name, first.name, line);
            }
        }
    }

    /**
     * The bare row an operation is compared with: the one loaded with the same request bytes (a send's POST
     * with its body, a page's GET).
     */
    private static String bareRowFor(String operation) {
        return operation.equals(LoadGenerator.SEND) ? LoadGenerator.FIXED_POST : LoadGenerator.FIXED;
    }

    /** Loads one row for a number of seconds. */
    private interface RowRunner {
        Measured run(Row row, double seconds) throws Exception;
    }

    /** This process's CPU time: the JVM client's, its compiler and collector included. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Target target(String spec, boolean bare) throws IOException {
        int eq = spec.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("a target is NAME=http://127.0.0.1:PORT[@PID], not " + spec);
        }
        String name = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        long pid = -1;
        int at = rest.lastIndexOf('@');
        if (at > 0) {
            pid = Long.parseLong(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        URI endpoint = URI.create(rest);
        if (!"http".equals(endpoint.getScheme()) || endpoint.getPort() < 1
                || !InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("a target's endpoint is http://127.0.0.1:PORT (loopback only), not "
                    + rest);
        }
        return new Target(name, endpoint, pid, bare);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
