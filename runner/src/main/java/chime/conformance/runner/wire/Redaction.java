package chime.conformance.runner.wire;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What never enters evidence: credentials, signatures and session tokens (design section 5), as the wire
 * recorder captures it. Secret headers are dropped by name (their value replaced by {@link #MASK}); every
 * other value, query string and body goes through the kit's one redaction
 * ({@link chime.conformance.reports.model.Redaction}), which masks SigV4 parameters, credential-looking JSON
 * members and, by value, every credential the run holds.
 */
public final class Redaction {

    public static final String MASK = chime.conformance.reports.model.Redaction.REDACTED;

    private static final chime.conformance.reports.model.Redaction SECRETS =
            chime.conformance.reports.model.Redaction.of(false);
    /** Headers the recorder drops beyond the report's list: credentials of other schemes. */
    private static final Set<String> MORE_SECRET_HEADERS = Set.of("x-amz-credential", "x-amz-signature");

    private Redaction() {
    }

    public static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> out.put(name, isSecret(name) ? MASK : SECRETS.text(value)));
        return out;
    }

    public static String query(String query) {
        return SECRETS.query(query);
    }

    public static String body(String body) {
        return SECRETS.text(body);
    }

    private static boolean isSecret(String name) {
        return chime.conformance.reports.model.Redaction.isSecretHeader(name)
                || MORE_SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
