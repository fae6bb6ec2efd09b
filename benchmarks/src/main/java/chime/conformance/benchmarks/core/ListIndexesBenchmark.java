package chime.conformance.benchmarks.core;

import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelMembership;
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
 * ListChannels over an AppInstance with 10^5 public channels and ListChannelMemberships over a channel with
 * 10^5 members: one page of 50, first and from the middle of the list.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ListIndexesBenchmark {

    @State(Scope.Benchmark)
    public static class ManyChannels {
        @Param({"100000"})
        int channels;

        CoreScene scene;
        String middle;

        @Setup(Level.Trial)
        public void fill() {
            scene = new CoreScene();
            scene.addChannels(channels - 1);
            String token = null;
            for (int seen = 0; seen < channels / 2; seen += 50) {
                token = page(token).nextToken();
            }
            middle = token;
        }

        @TearDown(Level.Trial)
        public void close() {
            scene.close();
        }

        Page<Channel> page(String nextToken) {
            return scene.core.channels().list(scene.alice, scene.appInstanceArn, null, 50, nextToken);
        }
    }

    @State(Scope.Benchmark)
    public static class ManyMembers {
        @Param({"100000"})
        int members;

        CoreScene scene;
        String middle;

        @Setup(Level.Trial)
        public void fill() {
            scene = new CoreScene();
            scene.addMembers(members - 1);
            String token = null;
            for (int seen = 0; seen < members / 2; seen += 50) {
                token = page(token).nextToken();
            }
            middle = token;
        }

        @TearDown(Level.Trial)
        public void close() {
            scene.close();
        }

        Page<ChannelMembership> page(String nextToken) {
            return scene.core.memberships().list(scene.alice, scene.channelArn, null, 50, nextToken);
        }
    }

    @Benchmark
    public Page<Channel> listChannelsFirstPage(ManyChannels s) {
        return s.page(null);
    }

    @Benchmark
    public Page<Channel> listChannelsMiddlePage(ManyChannels s) {
        return s.page(s.middle);
    }

    @Benchmark
    public Page<ChannelMembership> listChannelMembershipsFirstPage(ManyMembers s) {
        return s.page(null);
    }

    @Benchmark
    public Page<ChannelMembership> listChannelMembershipsMiddlePage(ManyMembers s) {
        return s.page(s.middle);
    }
}
