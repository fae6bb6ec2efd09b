package chime.conformance.runner.world;

import java.util.UUID;

/**
 * Where a scenario's new identifiers come from: idempotency tokens, callback IDs and the names that must
 * not meet another scenario's. One per scenario ({@link World#ids()}), so that no step makes its own.
 */
public final class Ids {

    /** A new token, unique across runs: a random UUID. */
    public String token() {
        return UUID.randomUUID().toString();
    }

    /** A new token of exactly {@code length} characters from {@code [0-9a-f]}. */
    public String token(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(token().replace("-", ""));
        }
        return text.substring(0, length);
    }
}
