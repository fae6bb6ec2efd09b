package chime.conformance.benchmarks.session;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ReferenceHttpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;

/**
 * The messaging session under load, on loopback: one channel with 100 members, each connected over
 * WebSocket to the reference server (java.net.http clients in the same JVM, so send and receive times share
 * one clock).
 *
 * <ol>
 * <li><b>Fan-out:</b> messages are posted in windows of {@code window} (below the sessions' queue of 1,024)
 *     and each window is awaited at all 100 sessions; figures: events delivered per second over the whole
 *     run, and the p50/p99 delay from the return of SendChannelMessage to the frame's arrival.</li>
 * <li><b>Send throughput:</b> SendChannelMessage calls per second in a service with the same 100 sessions
 *     open, against an identical service with none, in interleaved rounds (so machine load slows both
 *     alike); only the send loop is timed, each round's deliveries are awaited outside it.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks.jar chime.conformance.benchmarks.session.SessionFanOut [members]
 * [messages] [rounds]}, defaults 100, 5000, 10.
 */
public final class SessionFanOut {

    private static final Pattern SENT_AT = Pattern.compile("\\\\?\"Content\\\\?\":\\\\?\"m(\\d+)-(\\d+)");

    private record Scene(ReferenceService service, ReferenceHttpServer server, ChimeSdkMessagingClient messaging,
                         String sender, String channel, List<String> members) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            service.close();
        }
    }

    private static Scene scene(int members) {
        ReferenceService service = ReferenceService.create();
        ReferenceHttpServer server = ReferenceHttpServer.start(service, "127.0.0.1", 0,
                ReferenceHttpServer.Limits.defaults().withConnections(1024, 1024));
        ChimeSdkIdentityClient identity = service.identityClient();
        ChimeSdkMessagingClient messaging = service.messagingClient();
        String app = identity.createAppInstance(r -> r.name("fan-out")).appInstanceArn();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int n = i;
            users.add(identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("u" + n)
                    .name("User " + n)).appInstanceUserArn());
        }
        String sender = users.get(0);
        String channel = messaging.createChannel(r -> r.chimeBearer(sender).appInstanceArn(app).name("all"))
                .channelArn();
        for (int from = 1; from < users.size(); from += 100) {
            List<String> batch = users.subList(from, Math.min(users.size(), from + 100));
            messaging.batchCreateChannelMembership(r -> r.chimeBearer(sender).channelArn(channel).memberArns(batch));
        }
        return new Scene(service, server, messaging, sender, channel, users);
    }

    /** Every session counts the message frames it received and records each one's delay. */
    private static final class Listener implements WebSocket.Listener {
        final AtomicInteger messages = new AtomicInteger();
        final long[] delays;
        private final StringBuilder partial = new StringBuilder();
        private final long[] sentAt;

        Listener(long[] sentAt) {
            this.sentAt = sentAt;
            this.delays = new long[sentAt.length];
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                Matcher m = SENT_AT.matcher(partial);
                if (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    delays[index] = now - Long.parseLong(m.group(2));
                    messages.incrementAndGet();
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private static List<Listener> connect(Scene scene, long[] sentAt, HttpClient http) throws Exception {
        String host = scene.server().uri().getAuthority();
        List<Listener> listeners = new ArrayList<>();
        int id = 0;
        for (String user : scene.members()) {
            Listener listener = new Listener(sentAt);
            String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                    + URLEncoder.encode("AKIDBENCH/20261202/us-east-1/chime/aws4_request", StandardCharsets.UTF_8)
                    + "&X-Amz-Date=20261202T000000Z&X-Amz-Expires=10&X-Amz-SignedHeaders=host&sessionId=" + (++id)
                    + "&userArn=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&X-Amz-Signature=" + "ab".repeat(32);
            http.newWebSocketBuilder().buildAsync(URI.create("ws://" + host + "/connect?" + query), listener)
                    .get(10, TimeUnit.SECONDS);
            listeners.add(listener);
        }
        return listeners;
    }

    private static void send(Scene scene, int index, long[] sentAt) {
        long at = System.nanoTime();
        sentAt[index] = at;
        scene.messaging().sendChannelMessage(r -> r.chimeBearer(scene.sender()).channelArn(scene.channel())
                .content("m" + index + "-" + at).type(ChannelMessageType.STANDARD)
                .persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
    }

    private static void await(List<Listener> listeners, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Listener l : listeners) {
            while (l.messages.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a session received " + l.messages.get() + " of " + count);
                }
                Thread.sleep(1);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int window = 200;
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("members %d, messages %d (windows of %d), send rounds %d; load %.2f%n", members, messages,
                window, rounds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        try (Scene connected = scene(members); Scene alone = scene(members)) {
            long[] sentAt = new long[messages + rounds * 2000 + 10];
            List<Listener> listeners = connect(connected, sentAt, http);
            // Warm up both paths.
            AtomicLong next = new AtomicLong();
            for (int i = 0; i < 500; i++) {
                send(connected, (int) next.getAndIncrement(), sentAt);
                send(alone, 0, new long[1]);
            }
            await(listeners, 500);

            // 1. Fan-out.
            int base = (int) next.get();
            long start = System.nanoTime();
            for (int sent = 0; sent < messages; sent += window) {
                int upTo = Math.min(messages, sent + window);
                for (int i = sent; i < upTo; i++) {
                    send(connected, base + i, sentAt);
                }
                await(listeners, 500 + upTo);
            }
            long elapsed = System.nanoTime() - start;
            long[] all = new long[messages * listeners.size()];
            int k = 0;
            for (Listener l : listeners) {
                for (int i = 0; i < messages; i++) {
                    all[k++] = l.delays[base + i];
                }
            }
            Arrays.sort(all);
            System.out.printf("fan-out: %d events to %d sessions in %.2f s: %.0f events/s; delay p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms%n", all.length, listeners.size(), elapsed / 1e9, all.length / (elapsed / 1e9),
                    all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);

            // 2. Send throughput, interleaved rounds of 1,000 (under the queue of 1,024: no session falls behind).
            int perRound = 1000;
            next.set(base + messages);
            long withTime = 0;
            long withoutTime = 0;
            long withCpu = 0;
            long withoutCpu = 0;
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] withRates = new double[rounds];
            double[] withoutRates = new double[rounds];
            int received = 500 + messages;
            long[] scratch = new long[1];
            for (int r = 0; r < rounds; r++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    send(connected, (int) next.getAndIncrement(), sentAt);
                }
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    send(alone, 0, scratch);
                }
                long t2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                withCpu += c1 - c0;
                withoutCpu += c2 - c1;
                withTime += t1 - t0;
                withoutTime += t2 - t1;
                withRates[r] = perRound / ((t1 - t0) / 1e9);
                withoutRates[r] = perRound / ((t2 - t1) / 1e9);
                received += perRound;
                await(listeners, received);
            }
            Arrays.sort(withRates);
            Arrays.sort(withoutRates);
            System.out.printf("SendChannelMessage: with %d sessions open %.0f calls/s (median round %.0f); with none"
                            + " %.0f calls/s (median round %.0f); ratio %.2f%n", listeners.size(),
                    rounds * perRound / (withTime / 1e9), withRates[rounds / 2],
                    rounds * perRound / (withoutTime / 1e9), withoutRates[rounds / 2],
                    (double) withTime / withoutTime);
            System.out.printf("SendChannelMessage CPU time of the sending thread: %.1f us per call with %d sessions,"
                            + " %.1f us with none (ratio %.2f): the rest of the wall-time difference is the 2 cores"
                            + " shared with the delivery and the 100 receiving clients%n",
                    withCpu / 1e3 / (rounds * perRound), listeners.size(), withoutCpu / 1e3 / (rounds * perRound),
                    (double) withCpu / withoutCpu);
            System.out.printf("sessions closed for falling behind: %d; load %.2f%n",
                    connected.service().sessions().hub().openSessions() == listeners.size() ? 0
                            : listeners.size() - connected.service().sessions().hub().openSessions(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
    }
}
