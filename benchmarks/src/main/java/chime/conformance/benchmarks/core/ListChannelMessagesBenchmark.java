package chime.conformance.benchmarks.core;

import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.paging.Page;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ListChannelMessages latency for one page of 50 (the model's maximum) in a channel of 10^3, 10^5 and 10^6
 * messages: the first page and a page from the middle of the channel (a NextToken issued there), newest
 * first (the default) and oldest first. Paging must not cost more as the channel grows (PAGE-003).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ListChannelMessagesBenchmark {

    @State(Scope.Benchmark)
    public static class FilledChannel {
        @Param({"1000", "100000", "1000000"})
        int messages;

        CoreScene scene;
        String deepDescending;
        String deepAscending;

        @Setup(Level.Trial)
        public void fill() {
            scene = new CoreScene();
            scene.fill(messages);
            deepDescending = scene.messageTokenAfter("DESCENDING", messages / 2);
            deepAscending = scene.messageTokenAfter("ASCENDING", messages / 2);
        }

        @TearDown(Level.Trial)
        public void close() {
            scene.close();
        }

        Page<ChannelMessage> page(String sortOrder, String nextToken) {
            return scene.core.messages().list(scene.alice, scene.channelArn, sortOrder, null, null, 50, nextToken);
        }
    }

    @Benchmark
    public Page<ChannelMessage> firstPageNewestFirst(FilledChannel c) {
        return c.page(null, null);
    }

    @Benchmark
    public Page<ChannelMessage> deepPageNewestFirst(FilledChannel c) {
        return c.page(null, c.deepDescending);
    }

    @Benchmark
    public Page<ChannelMessage> firstPageOldestFirst(FilledChannel c) {
        return c.page("ASCENDING", null);
    }

    @Benchmark
    public Page<ChannelMessage> deepPageOldestFirst(FilledChannel c) {
        return c.page("ASCENDING", c.deepAscending);
    }
}
