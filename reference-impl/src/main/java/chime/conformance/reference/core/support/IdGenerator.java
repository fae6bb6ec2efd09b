package chime.conformance.reference.core.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of identifiers (AppInstance, channel, channel flow, message and callback IDs).
 * An identifier must be unique for the life of the service and match {@code [-_a-zA-Z0-9]{1,64}}
 * (the model's MessageId pattern, MSG-002).
 */
@FunctionalInterface
public interface IdGenerator {

    String newId();

    /**
     * Random (version 4) UUIDs: the default. An identifier must be unique, not secret, so the bits come from the
     * calling thread's generator rather than {@code UUID.randomUUID()}'s SecureRandom, which every request
     * thread would share.
     */
    static IdGenerator random() {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
            return new UUID(high, low).toString();
        };
    }

    /** Predictable identifiers {@code <prefix>-1}, {@code <prefix>-2}, ... for reproducible runs. */
    static IdGenerator sequential(String prefix) {
        AtomicLong next = new AtomicLong();
        return () -> prefix + "-" + next.incrementAndGet();
    }
}
