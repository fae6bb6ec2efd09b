package chime.conformance.benchmarks.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap per stored message, two ways: the reachable object graph of the reference core counted object by
 * object (JOL; exact for this JVM's layout, independent of load and GC timing), and the used heap after a
 * full collection (what the JVM reports; a cross-check). Each message is a 64-byte STANDARD PERSISTENT
 * message sent with its own ClientRequestToken, so the idempotency record counts too.
 *
 * <pre>java -cp benchmarks.jar chime.conformance.benchmarks.core.HeapPerMessage [messages] [--wire] [--max-size] [--classes]</pre>
 *
 * {@code --wire} sends each message with its own copies of the bearer, channel ARN and content, as the HTTP
 * server does; {@code --max-size} sends maximum-size messages (4,096 bytes of content and 1,024 of metadata,
 * SIZE-001 and SIZE-002, ASCII) from the wire; {@code --classes} prints the footprint by class.
 */
public final class HeapPerMessage {

    private HeapPerMessage() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean maxSize = List.of(args).contains("--max-size");
        boolean wire = maxSize || List.of(args).contains("--wire");
        String content = maxSize ? "c".repeat(4096) : CoreScene.CONTENT;
        String metadata = maxSize ? "m".repeat(1024) : null;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CoreScene scene = new CoreScene()) {
            scene.fill(1_000); // classes loaded, maps past their initial sizes
            long graphBefore = GraphLayout.parseInstance(scene.core).totalSize();
            long heapBefore = usedAfterGc(memory);

            if (wire) {
                scene.fillFromWire(messages, content, metadata);
            } else {
                scene.fill(messages);
            }

            long heapAfter = usedAfterGc(memory);
            GraphLayout after = GraphLayout.parseInstance(scene.core);
            long graphAfter = after.totalSize();
            System.out.printf(Locale.ROOT, "messages stored: %d (%d-byte content, %d-byte metadata%s)%n", messages,
                    content.length(), metadata == null ? 0 : metadata.length(),
                    wire ? ", each request with its own strings, as from the wire" : "");
            System.out.printf(Locale.ROOT, "object graph (JOL): %.1f bytes per message%n",
                    (graphAfter - graphBefore) / (double) messages);
            System.out.printf(Locale.ROOT, "used heap after full GC: %.1f bytes per message%n",
                    (heapAfter - heapBefore) / (double) messages);
            if (List.of(args).contains("--classes")) {
                System.out.println(after.toFootprint());
            }
            // Keep the scene reachable until both measures are taken.
            if (scene.core.region() == null) {
                throw new IllegalStateException();
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
