package chime.conformance.reference.core.state;

import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.paging.Paging;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The persistent messages of one channel, in the order of their {@link MessageKey}: one structure serves
 * both orders, the lookup by MessageId and the windows of ListChannelMessages.
 *
 * <p>Messages are created in key order (a channel's keys only grow, {@link ChannelState#nextMessageKey}), so
 * the log is an array appended at its end, searched by binary search on the key, and walked in either
 * direction at O(1) a step: a page costs O(log n + page size) in both orders. Each slot holds the message
 * itself when everyone sees the same version of it (a {@link ChannelMessage}), or a {@link StoredMessage}
 * while its sender sees another version than everyone else (a channel flow is processing it, or failed); the
 * key's sequence numbers are kept beside, in a {@code long[]}. A table of positions, open addressing on the
 * MessageId's hash, finds a message by ID. About 25 bytes per message in all, where two skip lists and a hash
 * map took about 130.
 *
 * <p>Writers hold the channel's lock. Readers take no lock: they read the current {@link Segment} and its
 * size (both volatile), then slots with acquire semantics, so they see every message stored before they
 * started, each slot whole. A deleted message leaves its key behind ({@link Removed}) until the next
 * compaction, which, like growth, builds a new segment and publishes it in one write; a reader still walking
 * the old one sees the log as it was when it started.
 */
final class MessageLog {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int INITIAL_CAPACITY = 16;
    private static final int FREE = 0;
    private static final int DELETED = -1;

    /** A deleted message's place until the next compaction: its key, so the binary search still works. */
    private record Removed(long createdMillis) {
    }

    private static final class Segment {
        /** ChannelMessage, StoredMessage or Removed; null past {@code size}. */
        final Object[] items;
        final long[] sequences;
        /** Open addressing on the MessageId's hash: position + 1, {@link #FREE} or {@link #DELETED}. */
        final int[] ids;
        volatile int size;

        Segment(int capacity) {
            items = new Object[capacity];
            sequences = new long[capacity];
            ids = new int[capacity * 2];
        }

        Object at(int position) {
            return SLOT.getAcquire(items, position);
        }
    }

    private volatile Segment segment = new Segment(INITIAL_CAPACITY);
    /** Under the channel's lock: live messages and Removed slots in the current segment. */
    private int live;
    private int removed;

    // ---- reading, without the lock ----------------------------------------------------------------

    /** The entry (ChannelMessage or StoredMessage) with this MessageId, or null. */
    StoredMessage find(String messageId) {
        Segment s = segment;
        int n = s.size;
        int position = position(s, n, messageId, messageId.hashCode());
        return position < 0 ? null : stored(s, position, s.at(position));
    }

    /** Every persistent message, oldest first (for a snapshot). */
    List<StoredMessage> all() {
        Segment s = segment;
        int n = s.size;
        List<StoredMessage> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object entry = s.at(i);
            if (!(entry instanceof Removed)) {
                all.add(stored(s, i, entry));
            }
        }
        return all;
    }

    /**
     * The messages within [notBefore, notAfter] (each bound inclusive, null: open) after {@code after} in the
     * order of the walk, as {@code viewerArn} sees them: null for a message it may not see.
     */
    Paging.Walk<MessageKey, ChannelMessage> walk(boolean newestFirst, Instant notBefore, Instant notAfter,
                                                 MessageKey after, String viewerArn) {
        Segment s = segment;
        int n = s.size;
        int from = notBefore == null ? 0 : search(s, n, MessageKey.lowest(notBefore), false);
        int to = notAfter == null ? n : search(s, n, MessageKey.highest(notAfter), true); // exclusive
        if (after != null) {
            if (newestFirst) {
                to = Math.min(to, search(s, n, after, false));
            } else {
                from = Math.max(from, search(s, n, after, true));
            }
        }
        return new LogWalk(s, from, to, newestFirst, viewerArn);
    }

    /** What {@code viewerArn} sees of an entry: the one version of a delivered message, or its own view. */
    private static ChannelMessage view(Object entry, String viewerArn) {
        if (entry instanceof ChannelMessage message) {
            return message;
        }
        return entry instanceof StoredMessage stored ? stored.viewFor(viewerArn) : null;
    }

    private static final class LogWalk implements Paging.Walk<MessageKey, ChannelMessage> {
        private final Segment segment;
        private final int from;
        private final int to;
        private final boolean newestFirst;
        private final String viewerArn;
        private int next;
        private int position = -1;

        LogWalk(Segment segment, int from, int to, boolean newestFirst, String viewerArn) {
            this.segment = segment;
            this.from = from;
            this.to = to;
            this.newestFirst = newestFirst;
            this.viewerArn = viewerArn;
            this.next = newestFirst ? to - 1 : from;
        }

        @Override
        public boolean hasNext() {
            return newestFirst ? next >= from : next < to;
        }

        @Override
        public ChannelMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            position = next;
            next += newestFirst ? -1 : 1;
            return view(segment.at(position), viewerArn);
        }

        @Override
        public int mark() {
            return position;
        }

        @Override
        public MessageKey keyAt(int mark) {
            return keyOf(segment, mark, segment.at(mark));
        }
    }

    // ---- writing, under the channel's lock ---------------------------------------------------------

    /** Stores a new message at its key, or replaces the one with its MessageId (its key does not change). */
    void put(StoredMessage message) {
        Segment s = segment;
        ChannelMessage latest = message.latest();
        int hash = latest.messageIdHash();
        int existing = position(s, s.size, latest, hash);
        if (existing >= 0) {
            SLOT.setRelease(s.items, existing, entry(message));
            return;
        }
        add(message, hash);
    }

    /**
     * Stores a message whose MessageId no stored message has (one the service has just issued), without looking
     * for one to replace: that look-up reads the messages whose IDs share its place in the table of positions.
     */
    void append(StoredMessage message) {
        add(message, message.latest().messageIdHash());
    }

    private static Object entry(StoredMessage message) {
        return message.latest() == message.published() ? message.latest() : message;
    }

    private void add(StoredMessage message, int hash) {
        Object entry = entry(message);
        Segment s = segment;
        int n = s.size;
        MessageKey key = message.key();
        if (n > 0 && compare(s, n - 1, key) > 0) {
            insertInOrder(s, n, entry, key); // only a restored state brings messages out of order
            return;
        }
        if (n == s.items.length) {
            s = rebuild(s, n, live + 1 > s.items.length / 2 ? s.items.length * 2 : s.items.length);
            n = s.size;
        }
        s.items[n] = entry;
        s.sequences[n] = key.sequence();
        index(s, n, hash);
        live++;
        s.size = n + 1;
    }

    /** Removes the message with this MessageId; returns it, or null. */
    StoredMessage remove(String messageId) {
        Segment s = segment;
        int n = s.size;
        int hash = messageId.hashCode();
        int mask = s.ids.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int id = s.ids[i];
            if (id == FREE) {
                return null;
            }
            if (id > 0 && id - 1 < n) {
                Object entry = s.at(id - 1);
                if (!(entry instanceof Removed) && messageOf(entry).hasMessageId(messageId)) {
                    StoredMessage stored = stored(s, id - 1, entry);
                    SLOT.setRelease(s.items, id - 1, new Removed(messageOf(entry).createdMillis()));
                    s.ids[i] = DELETED;
                    live--;
                    removed++;
                    if (removed > 64 && removed > live) {
                        rebuild(s, n, Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, live) * 2 - 1) << 1));
                    }
                    return stored;
                }
            }
        }
    }

    /** Forgets every message (a deleted channel). */
    void clear() {
        segment = new Segment(INITIAL_CAPACITY);
        live = 0;
        removed = 0;
    }

    // ---- the structure ------------------------------------------------------------------------------

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B9;
    }

    /**
     * The position of the live entry whose message ID is {@code id}: a String (the ID as clients write it) or a
     * ChannelMessage (the ID of a message being stored, compared without building its text); -1 if none.
     */
    private static int position(Segment s, int n, Object id, int hash) {
        int mask = s.ids.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int slot = s.ids[i];
            if (slot == FREE) {
                return -1;
            }
            if (slot > 0 && slot - 1 < n) {
                Object entry = s.at(slot - 1);
                if (!(entry instanceof Removed) && (id instanceof String text
                        ? messageOf(entry).hasMessageId(text)
                        : messageOf(entry).sameMessageId((ChannelMessage) id))) {
                    return slot - 1;
                }
            }
        }
    }

    private static void index(Segment s, int position, int hash) {
        int mask = s.ids.length - 1;
        int i = spread(hash) & mask;
        while (s.ids[i] > 0) {
            i = (i + 1) & mask;
        }
        s.ids[i] = position + 1;
    }

    /** A new segment of {@code capacity} with the live entries of {@code old}, published at once. */
    private Segment rebuild(Segment old, int n, int capacity) {
        Segment s = new Segment(Math.max(capacity, INITIAL_CAPACITY));
        int size = 0;
        for (int i = 0; i < n; i++) {
            Object entry = old.at(i);
            if (entry instanceof Removed) {
                continue;
            }
            place(s, size++, entry, old.sequences[i]);
        }
        publish(s, size);
        return s;
    }

    private void insertInOrder(Segment old, int n, Object entry, MessageKey key) {
        int at = search(old, n, key, true);
        Segment s = new Segment(Integer.highestOneBit(Math.max(INITIAL_CAPACITY, n + 1) * 2 - 1) << 1);
        int size = 0;
        for (int i = 0; i <= n; i++) {
            if (i == at) {
                place(s, size++, entry, key.sequence());
            }
            if (i == n) {
                break;
            }
            Object e = old.at(i);
            if (!(e instanceof Removed)) {
                place(s, size++, e, old.sequences[i]);
            }
        }
        publish(s, size);
    }

    /** Puts {@code entry} at {@code position} of a segment not yet published, and indexes it by message ID. */
    private static void place(Segment s, int position, Object entry, long sequence) {
        s.items[position] = entry;
        s.sequences[position] = sequence;
        index(s, position, messageOf(entry).messageIdHash());
    }

    /** Makes {@code s}, holding {@code size} live entries and no removed ones, the log's segment. */
    private void publish(Segment s, int size) {
        s.size = size;
        removed = 0;
        live = size;
        segment = s;
    }

    /**
     * The first position whose key is after {@code key} ({@code strictly}) or at or after it; {@code n} when
     * there is none.
     */
    private static int search(Segment s, int n, MessageKey key, boolean strictly) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = compare(s, mid, key);
            if (c < 0 || (strictly && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int compare(Segment s, int position, MessageKey key) {
        int c = compareMillis(createdMillis(s.at(position)), key.createdTimestamp());
        return c != 0 ? c : Long.compare(s.sequences[position], key.sequence());
    }

    /** Compares a time in epoch milliseconds with an instant, which may be finer than a millisecond. */
    private static int compareMillis(long millis, Instant instant) {
        long seconds = Math.floorDiv(millis, 1000);
        int c = Long.compare(seconds, instant.getEpochSecond());
        return c != 0 ? c : Integer.compare((int) Math.floorMod(millis, 1000) * 1_000_000, instant.getNano());
    }

    private static long createdMillis(Object entry) {
        return entry instanceof Removed r ? r.createdMillis() : messageOf(entry).createdMillis();
    }

    private static ChannelMessage messageOf(Object entry) {
        return entry instanceof ChannelMessage m ? m : ((StoredMessage) entry).latest();
    }

    private static MessageKey keyOf(Segment s, int position, Object entry) {
        return new MessageKey(Instant.ofEpochMilli(createdMillis(entry)), s.sequences[position]);
    }

    private static StoredMessage stored(Segment s, int position, Object entry) {
        if (entry instanceof StoredMessage stored) {
            return stored;
        }
        return StoredMessage.delivered(keyOf(s, position, entry), (ChannelMessage) entry);
    }
}
