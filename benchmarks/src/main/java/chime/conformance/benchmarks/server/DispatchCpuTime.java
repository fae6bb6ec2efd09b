package chime.conformance.benchmarks.server;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.RestJsonDispatcher;
import chime.conformance.reference.http.WireReply;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * DispatchBenchmark's two requests (SendChannelMessage; ListChannelMessages returning a page of 50), timed in
 * the calling thread's CPU time rather than in wall time: on a machine shared with other work, wall time per
 * call grows with everything else that runs, CPU time far less. Batches of each request alternate; the figure
 * is the median over the batches of CPU nanoseconds per call.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks.jar chime.conformance.benchmarks.server.DispatchCpuTime [batches] [calls per batch]
 * </pre>
 */
public final class DispatchCpuTime {

    private DispatchCpuTime() {
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ReferenceService service = ReferenceService.create();
        var identity = service.identityClient();
        var messaging = service.messagingClient();
        String appInstance = identity.createAppInstance(r -> r.name("bench")).appInstanceArn();
        String alice = identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance)
                .appInstanceUserId("alice").name("alice")).appInstanceUserArn();
        identity.createAppInstanceAdmin(r -> r.appInstanceArn(appInstance).appInstanceAdminArn(alice));
        Function<Integer, String> newChannel = n -> {
            String channel = messaging.createChannel(r -> r.chimeBearer(alice).appInstanceArn(appInstance)
                    .name("bench-" + n)).channelArn();
            messaging.createChannelMembership(r -> r.chimeBearer(alice).channelArn(channel).memberArn(alice)
                    .type("DEFAULT"));
            return channel;
        };
        // Sends go to one channel, pages are read from another that holds 100 messages.
        String sendChannel = newChannel.apply(1);
        String listChannel = newChannel.apply(2);
        for (int i = 0; i < 100; i++) {
            messaging.sendChannelMessage(r -> r.chimeBearer(alice).channelArn(listChannel)
                    .content("The quick brown fox jumps over the lazy dog, 64 bytes of content.")
                    .type("STANDARD").persistence("PERSISTENT"));
        }
        RestJsonDispatcher dispatcher = new RestJsonDispatcher(service.wireMessagingClient(),
                service.wireIdentityClient());
        String sendPath = "/channels/" + URLEncoder.encode(sendChannel, StandardCharsets.UTF_8) + "/messages";
        String listPath = "/channels/" + URLEncoder.encode(listChannel, StandardCharsets.UTF_8) + "/messages";
        Map<String, List<String>> h = Map.of("x-amz-chime-bearer", List.of(alice),
                "content-type", List.of("application/json"));
        Function<String, List<String>> headers = name -> h.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        long[] token = {0};
        Runnable send = () -> {
            byte[] body = ("{\"Content\":\"The quick brown fox jumps over the lazy dog, 64 bytes of content.\","
                    + "\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\""
                    + new java.util.UUID(0x5eed, ++token[0]) + "\"}").getBytes(StandardCharsets.UTF_8);
            check(dispatcher.dispatch("POST", sendPath, null, headers, body));
        };
        Runnable list = () -> check(dispatcher.dispatch("GET", listPath, "max-results=50", headers, new byte[0]));

        long[] sendNs = new long[batches];
        long[] listNs = new long[batches];
        int warmup = Math.max(2, batches / 4);
        for (int b = -warmup; b < batches; b++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                send.run();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                list.run();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            if (b >= 0) {
                sendNs[b] = (t1 - t0) / perBatch;
                listNs[b] = (t2 - t1) / perBatch;
            }
        }
        Arrays.sort(sendNs);
        Arrays.sort(listNs);
        System.out.printf(Locale.ROOT, "dispatch CPU µs per call, median (quartiles) of %d batches of %d after %d"
                + " warm-up batches: SendChannelMessage %.2f (%.2f-%.2f), ListChannelMessages page of 50 %.2f"
                + " (%.2f-%.2f)%n", batches, perBatch, warmup, sendNs[batches / 2] / 1e3, sendNs[batches / 4] / 1e3,
                sendNs[3 * batches / 4] / 1e3, listNs[batches / 2] / 1e3, listNs[batches / 4] / 1e3,
                listNs[3 * batches / 4] / 1e3);
        service.close();
    }

    private static void check(WireReply reply) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("status " + reply.status() + ": "
                    + new String(reply.body(), StandardCharsets.UTF_8));
        }
    }
}
