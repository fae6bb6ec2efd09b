package chime.conformance.benchmarks.server;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.RestJsonDispatcher;
import chime.conformance.reference.http.WireReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP server's own work per request, without sockets or Jetty: route, bind the restJson1 request to
 * the SDK's request class, call the reference, write the response (RestJsonDispatcher). SendChannelMessage,
 * and ListChannelMessages returning a full page of 50 messages.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DispatchBenchmark {

    @State(Scope.Benchmark)
    public static class Server {
        ReferenceService service;
        RestJsonDispatcher dispatcher;
        String messagesPath;
        Function<String, List<String>> headers;
        final AtomicLong tokens = new AtomicLong();

        @Setup(Level.Iteration)
        public void start() {
            service = ReferenceService.create();
            var identity = service.identityClient();
            var messaging = service.messagingClient();
            String appInstance = identity.createAppInstance(r -> r.name("bench")).appInstanceArn();
            String alice = identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance)
                    .appInstanceUserId("alice").name("alice")).appInstanceUserArn();
            identity.createAppInstanceAdmin(r -> r.appInstanceArn(appInstance).appInstanceAdminArn(alice));
            String channel = messaging.createChannel(r -> r.chimeBearer(alice).appInstanceArn(appInstance)
                    .name("bench")).channelArn();
            messaging.createChannelMembership(r -> r.chimeBearer(alice).channelArn(channel).memberArn(alice)
                    .type("DEFAULT"));
            for (int i = 0; i < 100; i++) {
                messaging.sendChannelMessage(r -> r.chimeBearer(alice).channelArn(channel)
                        .content("The quick brown fox jumps over the lazy dog, 64 bytes of content.")
                        .type("STANDARD").persistence("PERSISTENT"));
            }
            dispatcher = new RestJsonDispatcher(service.wireMessagingClient(), service.wireIdentityClient());
            messagesPath = "/channels/" + URLEncoder.encode(channel, StandardCharsets.UTF_8) + "/messages";
            Map<String, List<String>> h = Map.of("x-amz-chime-bearer", List.of(alice),
                    "content-type", List.of("application/json"));
            headers = name -> h.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        @TearDown(Level.Iteration)
        public void stop() {
            service.close();
        }
    }

    @Benchmark
    public WireReply sendChannelMessage(Server s) {
        byte[] body = ("{\"Content\":\"The quick brown fox jumps over the lazy dog, 64 bytes of content.\","
                + "\"Type\":\"STANDARD\",\"Persistence\":\"PERSISTENT\",\"ClientRequestToken\":\""
                + new java.util.UUID(0x5eed, s.tokens.incrementAndGet()) + "\"}").getBytes(StandardCharsets.UTF_8);
        return s.dispatcher.dispatch("POST", s.messagesPath, null, s.headers, body);
    }

    @Benchmark
    public WireReply listChannelMessagesPageOf50(Server s) {
        return s.dispatcher.dispatch("GET", s.messagesPath, "max-results=50", s.headers, new byte[0]);
    }
}
