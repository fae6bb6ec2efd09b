package chime.conformance.benchmarks.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * SendChannelMessage and ListChannelMessages in CPU time of the calling thread, a figure that depends far
 * less on other load than wall-clock time does: for comparing two builds on a busy machine. A channel of
 * {@code messages} messages ({@link CoreScene}), then 7 rounds of {@code calls} sends and {@code calls} pages
 * of 50 of each kind (first page and the page after 50,000 messages, newest and oldest first); the median of
 * rounds 3 to 7 per operation. Garbage collection runs on other threads and is not counted.
 *
 * <pre>java -Xms2g -Xmx2g -cp benchmarks.jar chime.conformance.benchmarks.core.CpuPerOperation [messages] [calls]</pre>
 *
 * It uses only {@link CoreScene} and the core's send and list, so the same class runs against an older
 * build's benchmarks jar (compile it against that jar).
 */
public final class CpuPerOperation {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 7;
    private static final int WARM_UP_ROUNDS = 2;

    private CpuPerOperation() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (CoreScene scene = new CoreScene()) {
            scene.fill(messages);
            String deepNewest = scene.messageTokenAfter("DESCENDING", messages / 2);
            String deepOldest = scene.messageTokenAfter("ASCENDING", messages / 2);
            String[] names = {"SendChannelMessage", "first page, newest first", "first page, oldest first",
                    "page after " + messages / 2 + ", newest", "page after " + messages / 2 + ", oldest"};
            Runnable[] operations = {
                () -> scene.send(CoreScene.CONTENT),
                () -> scene.core.messages().list(scene.alice, scene.channelArn, null, null, null, 50, null),
                () -> scene.core.messages().list(scene.alice, scene.channelArn, "ASCENDING", null, null, 50, null),
                () -> scene.core.messages().list(scene.alice, scene.channelArn, null, null, null, 50, deepNewest),
                () -> scene.core.messages().list(scene.alice, scene.channelArn, "ASCENDING", null, null, 50,
                        deepOldest),
            };
            double[][] micros = new double[operations.length][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int op = 0; op < operations.length; op++) {
                    micros[op][round] = cpuMicros(operations[op], calls);
                }
            }
            System.out.printf(Locale.ROOT, "channel of %d messages, %d calls per operation and round%n", messages, calls);
            for (int op = 0; op < operations.length; op++) {
                double[] measured = Arrays.copyOfRange(micros[op], WARM_UP_ROUNDS, ROUNDS);
                Arrays.sort(measured);
                System.out.printf(Locale.ROOT, "%-28s median CPU µs/op %.2f (%.2f to %.2f)%n", names[op],
                        measured[measured.length / 2], measured[0], measured[measured.length - 1]);
            }
        }
    }

    private static double cpuMicros(Runnable operation, int calls) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            operation.run();
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
    }
}
