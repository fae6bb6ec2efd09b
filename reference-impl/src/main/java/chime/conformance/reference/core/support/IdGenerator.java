package chime.conformance.reference.core.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of identifiers (AppInstance, channel, channel flow, message and callback IDs).
 * An identifier must be unique for the life of the service and match {@code [-_a-zA-Z0-9]{1,64}}
 * (the model's MessageId pattern, MSG-002).
 */
@FunctionalInterface
public interface IdGenerator {

    String newId();

    /** Random UUIDs: the default. */
    static IdGenerator random() {
        return () -> UUID.randomUUID().toString();
    }

    /** Predictable identifiers {@code <prefix>-1}, {@code <prefix>-2}, ... for reproducible runs. */
    static IdGenerator sequential(String prefix) {
        AtomicLong next = new AtomicLong();
        return () -> prefix + "-" + next.incrementAndGet();
    }
}
