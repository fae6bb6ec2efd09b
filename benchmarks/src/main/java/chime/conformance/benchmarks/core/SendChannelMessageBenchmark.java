package chime.conformance.benchmarks.core;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SendChannelMessage throughput through the reference core: validation, bearer and membership checks, the
 * idempotency record, the channel lock and the timeline insert. A fresh channel every iteration keeps the
 * heap bounded (an iteration stores a few hundred thousand messages at most).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SendChannelMessageBenchmark {

    @State(Scope.Benchmark)
    public static class Channel {
        CoreScene scene;

        @Setup(Level.Iteration)
        public void open() {
            scene = new CoreScene();
        }

        @TearDown(Level.Iteration)
        public void close() {
            scene.close();
            scene = null;
        }
    }

    /** One sender. */
    @Benchmark
    @Threads(1)
    public String oneSender(Channel channel) {
        return channel.scene.send(CoreScene.CONTENT);
    }

    /** Two senders racing on the same channel (its lock serialises them). */
    @Benchmark
    @Threads(2)
    public String twoSendersOneChannel(Channel channel) {
        return channel.scene.send(CoreScene.CONTENT);
    }
}
