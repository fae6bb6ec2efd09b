package chime.conformance.benchmarks.core;

import chime.conformance.reference.core.MessagingCore;
import chime.conformance.reference.core.support.IdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Does a page of ListChannelMessages cost more in a bigger channel? Channels of 10^3, 10^5 and 10^6 messages
 * live in one reference core, and their pages (first and middle, newest and oldest first) are read in a
 * shuffled round-robin, one page at a time, so whatever else the machine is doing slows every size alike:
 * the ratio of medians between sizes is the figure, and it holds under load where separate benchmark runs
 * do not.
 *
 * <pre>java -Xmx4g -cp benchmarks.jar chime.conformance.benchmarks.core.PagingScale [rounds]</pre>
 */
public final class PagingScale {

    private static final int[] SIZES = {1_000, 100_000, 1_000_000};
    private static final String[] KINDS = {"first page, newest first", "middle page, newest first",
            "first page, oldest first", "middle page, oldest first"};

    private PagingScale() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        MessagingCore core = new MessagingCore(Clock.systemUTC(), IdGenerator.random(), "us-east-1",
                "111122223333", 1);
        CoreScene[] scenes = new CoreScene[SIZES.length];
        String[][] tokens = new String[SIZES.length][KINDS.length];
        for (int s = 0; s < SIZES.length; s++) {
            scenes[s] = new CoreScene(core, "scale" + s);
            scenes[s].fill(SIZES[s]);
            tokens[s][1] = scenes[s].messageTokenAfter("DESCENDING", SIZES[s] / 2);
            tokens[s][3] = scenes[s].messageTokenAfter("ASCENDING", SIZES[s] / 2);
        }
        List<int[]> cells = new ArrayList<>();
        for (int s = 0; s < SIZES.length; s++) {
            for (int k = 0; k < KINDS.length; k++) {
                cells.add(new int[] {s, k});
            }
        }
        long[][][] nanos = new long[SIZES.length][KINDS.length][rounds];
        Random random = new Random(42);
        long sink = 0;
        int warmup = rounds / 4;
        for (int round = -warmup; round < rounds; round++) {
            Collections.shuffle(cells, random);
            for (int[] cell : cells) {
                CoreScene scene = scenes[cell[0]];
                String order = cell[1] < 2 ? "DESCENDING" : "ASCENDING";
                String token = tokens[cell[0]][cell[1]];
                long t0 = System.nanoTime();
                sink += core.messages().list(scene.alice, scene.channelArn, order, null, null, 50, token)
                        .items().size();
                long took = System.nanoTime() - t0;
                if (round >= 0) {
                    nanos[cell[0]][cell[1]][round] = took;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d interleaved rounds (after %d warm-up rounds), pages of 50; %d items read%n",
                rounds, warmup, sink);
        System.out.printf(Locale.ROOT, "%-27s %12s %12s %12s %16s%n", "median µs per page", "10^3", "10^5", "10^6",
                "10^6 / 10^3");
        for (int k = 0; k < KINDS.length; k++) {
            double[] medians = new double[SIZES.length];
            for (int s = 0; s < SIZES.length; s++) {
                long[] sorted = nanos[s][k].clone();
                Arrays.sort(sorted);
                medians[s] = sorted[sorted.length / 2] / 1e3;
            }
            System.out.printf(Locale.ROOT, "%-27s %12.2f %12.2f %12.2f %15.2fx%n", KINDS[k], medians[0], medians[1],
                    medians[2], medians[2] / medians[0]);
        }
    }
}
