package chime.conformance.reference.core.state;

import chime.conformance.reference.core.paging.KeyCodec;

import java.time.Instant;
import java.util.Comparator;

/**
 * A message's position in its channel: creation time, then a per-channel sequence number. Edits never move
 * a message (MSG-022); ties cannot reorder between pages because the sequence breaks them.
 */
public record MessageKey(Instant createdTimestamp, long sequence) implements Comparable<MessageKey> {

    private static final Comparator<MessageKey> ORDER =
            Comparator.comparing(MessageKey::createdTimestamp).thenComparingLong(MessageKey::sequence);

    /** The smallest key at or after {@code instant}: an inclusive NotBefore bound (MSG-023). */
    public static MessageKey lowest(Instant instant) {
        return new MessageKey(instant, Long.MIN_VALUE);
    }

    /** The largest key at or before {@code instant}: an inclusive NotAfter bound (MSG-024). */
    public static MessageKey highest(Instant instant) {
        return new MessageKey(instant, Long.MAX_VALUE);
    }

    @Override
    public int compareTo(MessageKey other) {
        return ORDER.compare(this, other);
    }

    public static final KeyCodec<MessageKey> CODEC = new KeyCodec<>() {
        @Override
        public String write(MessageKey key) {
            return key.createdTimestamp().getEpochSecond() + ":" + key.createdTimestamp().getNano() + ":" + key.sequence();
        }

        @Override
        public MessageKey read(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                return null;
            }
            try {
                return new MessageKey(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    };
}
