package chime.conformance.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;

/**
 * A closed-loop load generator for the reference HTTP server ({@code chime-conformance.jar serve}): N clients,
 * each on its own keep-alive connection, send requests back to back for a bounded time and count, and the
 * figures are requests per second and latency percentiles over every request. Only loopback endpoints are
 * accepted.
 *
 * <pre>
 * java -cp benchmarks.jar chime.conformance.benchmarks.load.LoadGenerator --endpoint http://127.0.0.1:8080
 *     [--clients 1,8,64] [--operations SendChannelMessage,ListChannelMessages] [--seconds 5] [--warmup 2]
 *     [--max-requests 200000] [--prefill 1000] [--server-pid PID] [--client raw|sdk]
 * </pre>
 *
 * {@code --client sdk} sends through the AWS SDK for Java as the kit's HTTP target does, to show what a
 * call costs an SDK user; the default, {@code raw}, measures the server.
 *
 * <p>Setup (an AppInstance, an admin, one channel, a member per client, {@code prefill} messages so a list
 * returns full pages of 50) goes through the AWS SDK for Java, as any client's would. All clients share the
 * one channel: senders contend for its lock, as in a busy channel.
 */
public final class LoadGenerator {

    static final String SEND = "SendChannelMessage";
    static final String LIST = "ListChannelMessages";
    /**
     * For a server that answers every request alike (the bare Jetty handler): the ListChannelMessages request's
     * method, path, query and headers (to a channel named {@code bare} unless {@link #requestsOf} gave it another).
     */
    static final String FIXED = "Fixed";
    /**
     * For a server that answers every request alike: the SendChannelMessage request (a POST with its body), so that
     * a send is compared with a bare answer to the same bytes ({@link #requestsOf}).
     */
    static final String FIXED_POST = "FixedPost";

    private final URI endpoint;
    private final InetSocketAddress address;
    private final String hostHeader;
    private String channelArn;
    private final List<String> members = new ArrayList<>();
    /** The setup's AppInstance and its admin, who creates and deletes the channels. */
    private String appInstance;
    private String admin;
    private final AtomicLong setupTokens = new AtomicLong();

    private final boolean sdk;

    LoadGenerator(URI endpoint, boolean sdk) {
        this.endpoint = endpoint;
        this.sdk = sdk;
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        this.hostHeader = endpoint.getHost() + ":" + endpoint.getPort();
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = null;
        int[] clients = {1, 8, 64};
        List<String> operations = List.of(SEND, LIST);
        double seconds = 5;
        double warmup = 2;
        int maxRequests = 200_000;
        int prefill = 1_000;
        long serverPid = -1;
        String client = "raw";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(value);
                case "--clients" -> clients = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--operations" -> operations = List.of(value.split(","));
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--max-requests" -> maxRequests = Integer.parseInt(value);
                case "--prefill" -> prefill = Integer.parseInt(value);
                case "--server-pid" -> serverPid = Long.parseLong(value);
                case "--client" -> client = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (endpoint == null || !"http".equals(endpoint.getScheme()) || endpoint.getPort() < 1) {
            throw new IllegalArgumentException("--endpoint http://127.0.0.1:PORT is required");
        }
        // Load goes to this machine only.
        if (!InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--endpoint must be a loopback address, not " + endpoint.getHost());
        }
        if (seconds <= 0 || seconds > 120 || warmup < 0 || warmup > 60 || maxRequests < 1) {
            throw new IllegalArgumentException("--seconds must be in (0, 120], --warmup in [0, 60]");
        }
        if (!client.equals("raw") && !client.equals("sdk")) {
            throw new IllegalArgumentException("--client raw or sdk");
        }
        int most = Arrays.stream(clients).max().orElse(1);
        if (most > 120) {
            throw new IllegalArgumentException("at most 120 clients (serve takes 128 connections from one client"
                    + " address, and the generator's setup client needs some)");
        }
        for (String operation : operations) {
            if (!operation.equals(SEND) && !operation.equals(LIST)) {
                throw new IllegalArgumentException("operations: " + SEND + ", " + LIST);
            }
        }

        LoadGenerator generator = new LoadGenerator(endpoint, client.equals("sdk"));
        generator.setUp(most, prefill);
        System.out.println("client: " + (client.equals("sdk")
                ? "the AWS SDK for Java (URL-connection HTTP client, signed requests), as the kit's HTTP target"
                : "raw HTTP/1.1, one write per request"));
        ServerCpu cpu = new ServerCpu(serverPid);
        System.out.printf(Locale.ROOT, "%-20s %7s %9s %9s %9s %9s %9s %12s %7s%n", "operation", "clients",
                "requests", "req/s", "p50 ms", "p99 ms", "max ms", "server µs/req", "errors");
        for (String operation : operations) {
            for (int n : clients) {
                generator.run(operation, n, warmup, maxRequests);
                long cpuBefore = cpu.ticks();
                Result r = generator.run(operation, n, seconds, maxRequests);
                double cpuPerRequest = cpu.microsPerRequest(cpuBefore, cpu.ticks(), r.requests);
                System.out.printf(Locale.ROOT, "%-20s %7d %9d %9.0f %9.3f %9.3f %9.3f %12.0f %7d%n", operation, n,
                        r.requests, r.perSecond(), r.percentile(0.50), r.percentile(0.99), r.percentile(1.0),
                        cpuPerRequest, r.errors);
                System.out.printf(Locale.ROOT, "Load: operation=%s clients=%d requests=%d seconds=%.2f rps=%.0f"
                                + " p50_ms=%.3f p99_ms=%.3f max_ms=%.3f server_cpu_us_per_request=%.0f errors=%d%n",
                        operation, n, r.requests, r.nanos / 1e9, r.perSecond(), r.percentile(0.50),
                        r.percentile(0.99), r.percentile(1.0), cpuPerRequest, r.errors);
            }
        }
    }

    /** An AppInstance, an admin, a channel with {@code clients} members and {@code prefill} messages. */
    void setUp(int clients, int prefill) {
        withClients((identity, messaging) -> {
            String run = Long.toString(System.nanoTime(), 36);
            appInstance = identity.createAppInstance(r -> r.name("load-" + run)
                    .clientRequestToken(setupToken())).appInstanceArn();
            admin = identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance)
                    .appInstanceUserId("admin").name("admin")
                    .clientRequestToken(setupToken())).appInstanceUserArn();
            identity.createAppInstanceAdmin(r -> r.appInstanceArn(appInstance).appInstanceAdminArn(admin));
            for (int i = 0; i < clients; i++) {
                int n = i;
                members.add(identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance)
                        .appInstanceUserId("client-" + n).name("client-" + n)
                        .clientRequestToken(setupToken())).appInstanceUserArn());
            }
            channelArn = newChannel(messaging, prefill);
        });
    }

    /**
     * A new channel like the setup's (the same members, {@code prefill} messages), which the rows load from now
     * on; the channel before it is deleted, and with it the messages sent to it. So a server holds the messages
     * of one channel's life at a time, however long a run lasts and however fast the server is.
     */
    void renewChannel(int prefill) {
        withClients((identity, messaging) -> {
            String old = channelArn;
            channelArn = newChannel(messaging, prefill);
            messaging.deleteChannel(r -> r.chimeBearer(admin).channelArn(old));
        });
    }

    /** A channel with the setup's members and {@code prefill} messages; its ARN. */
    private String newChannel(ChimeSdkMessagingClient messaging, int prefill) {
        String arn = messaging.createChannel(r -> r.chimeBearer(admin).appInstanceArn(appInstance).name("load")
                .clientRequestToken(setupToken())).channelArn();
        for (int from = 0; from < members.size(); from += 100) {
            List<String> batch = List.copyOf(members.subList(from, Math.min(from + 100, members.size())));
            messaging.batchCreateChannelMembership(r -> r.chimeBearer(admin).channelArn(arn)
                    .type(ChannelMembershipType.DEFAULT).memberArns(batch));
        }
        for (int i = 0; i < prefill; i++) {
            messaging.sendChannelMessage(r -> r.chimeBearer(members.get(0)).channelArn(arn)
                    .content("prefill").type(ChannelMessageType.STANDARD)
                    .persistence(ChannelMessagePersistenceType.PERSISTENT)
                    .clientRequestToken(setupToken()));
        }
        return arn;
    }

    private String setupToken() {
        return "setup-" + setupTokens.incrementAndGet();
    }

    /** Runs {@code setup} with SDK clients of the endpoint, as any client's setup would go. */
    private void withClients(BiConsumer<ChimeSdkIdentityClient, ChimeSdkMessagingClient> setup) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOAD", "load-secret"));
        var overrides = ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
        try (ChimeSdkIdentityClient identity = ChimeSdkIdentityClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides)
                .endpointOverride(endpoint).build();
             ChimeSdkMessagingClient messaging = ChimeSdkMessagingClient.builder().region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides)
                     .endpointOverride(endpoint).build()) {
            setup.accept(identity, messaging);
        } finally {
            http.close();
        }
    }

    /** The channel of the setup; null before it, and for a bare handler. */
    String channelArn() {
        return channelArn;
    }

    /** The channel's members of the setup, one a client. */
    List<String> members() {
        return List.copyOf(members);
    }

    /**
     * For a bare handler's generator: the requests of {@code other}'s setup from now on (its channel in the path,
     * its members as bearers), so that the bare handler is loaded with the same bytes as that server.
     */
    void requestsOf(LoadGenerator other) {
        channelArn = other.channelArn;
        members.clear();
        members.addAll(other.members);
    }

    private static final AtomicLong RUNS = new AtomicLong();

    /** Every client sends back to back until {@code seconds} pass or {@code maxRequests} are done in all. */
    Result run(String operation, int clients, double seconds, int maxRequests) throws InterruptedException {
        long runId = RUNS.incrementAndGet();
        long[] latencies = new long[maxRequests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        String path = "/channels/" + URLEncoder.encode(channelArn == null ? "bare" : channelArn,
                StandardCharsets.UTF_8) + "/messages";
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String bearer = members.isEmpty() ? "bare" : members.get(c);
            // Tokens in the form AWS SDKs fill them, a UUID's canonical text, unique to the run and the client.
            long tokenHigh = java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ runId ^ c;
            Thread thread = new Thread(() -> {
                try (Exchange exchange = sdk ? sdkExchange(operation, bearer) : rawExchange(operation, path, bearer)) {
                    for (long seq = 0; System.nanoTime() < deadline; seq++) {
                        String token = new java.util.UUID(tokenHigh, seq).toString();
                        long t0 = System.nanoTime();
                        int status = exchange.call(token);
                        long took = System.nanoTime() - t0;
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                        int slot = next.getAndIncrement();
                        if (slot >= latencies.length) {
                            return;
                        }
                        latencies[slot] = took;
                    }
                }
            }, "load-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - started;
        int done = Math.min(next.get(), latencies.length);
        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        return new Result(done, elapsed, measured, errors.get());
    }

    /** One client's requests: the status of each, -1 for a failed exchange. */
    private interface Exchange extends AutoCloseable {
        int call(String token);

        @Override
        void close();
    }

    private Exchange rawExchange(String operation, String path, String bearer) {
        RawHttpConnection connection = new RawHttpConnection(address, 30_000);
        return new Exchange() {
            @Override
            public int call(String token) {
                byte[] request = operation.equals(SEND) || operation.equals(FIXED_POST) ? send(path, bearer, token)
                        : list(path, bearer);
                try {
                    return connection.exchange(request, false).status();
                } catch (IOException e) {
                    connection.close();
                    return -1;
                }
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    /** Requests through the SDK, as the kit's HTTP target sends them: signed, over the URL-connection client. */
    private Exchange sdkExchange(String operation, String bearer) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
        ChimeSdkMessagingClient messaging = ChimeSdkMessagingClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOAD",
                        "load-secret")))
                .httpClient(http).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .endpointOverride(endpoint).build();
        return new Exchange() {
            @Override
            public int call(String token) {
                try {
                    if (operation.equals(SEND)) {
                        return messaging.sendChannelMessage(r -> r.chimeBearer(bearer).channelArn(channelArn)
                                .content("load test message of about sixty-four bytes of content, ok")
                                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                                .clientRequestToken(token)).sdkHttpResponse().statusCode();
                    }
                    return messaging.listChannelMessages(r -> r.chimeBearer(bearer).channelArn(channelArn)
                            .maxResults(50)).sdkHttpResponse().statusCode();
                } catch (RuntimeException e) {
                    return -1;
                }
            }

            @Override
            public void close() {
                messaging.close();
                http.close();
            }
        };
    }

    private byte[] send(String path, String bearer, String token) {
        String body = "{\"Content\":\"load test message of about sixty-four bytes of content, ok\","
                + "\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\"" + token + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request("POST " + path, bearer, bytes);
    }

    private byte[] list(String path, String bearer) {
        return request("GET " + path + "?max-results=50", bearer, null);
    }

    private byte[] request(String line, String bearer, byte[] body) {
        StringBuilder head = new StringBuilder(512).append(line).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("x-amz-chime-bearer: ").append(bearer).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * The server process's CPU time (user + system) from /proc: divided by the requests served, a figure that
     * depends far less on what else the machine is doing than latency or throughput do. NaN without a pid.
     */
    record ServerCpu(long pid) {
        long ticks() {
            if (pid < 0) {
                return -1;
            }
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                // Fields after the command name, which is in parentheses and may contain spaces.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        double microsPerRequest(long before, long after, int requests) {
            if (before < 0 || after < 0 || requests == 0) {
                return Double.NaN;
            }
            return (after - before) * (1e6 / TICKS_PER_SECOND) / requests;
        }
    }

    /** USER_HZ: the unit of /proc CPU times, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Result(int requests, long nanos, long[] sorted, long errors) {
        double perSecond() {
            return requests / (nanos / 1e9);
        }

        double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
