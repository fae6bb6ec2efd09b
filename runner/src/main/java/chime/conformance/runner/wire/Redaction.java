package chime.conformance.runner.wire;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What never enters evidence: credentials, signatures and session tokens (design section 5). Headers are
 * dropped by name; SigV4 query parameters (presigned requests) and credential-looking JSON members are
 * masked in place, so the evidence still shows they were there.
 */
public final class Redaction {

    public static final String MASK = "***REDACTED***";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-amz-security-token",
            "x-amz-credential", "x-amz-signature", "proxy-authorization", "cookie", "set-cookie");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)((?:^|&)(?:X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token)=)[^&]*");
    private static final Pattern SECRET_JSON = Pattern.compile(
            "(?i)(\"(?:AccessKeyId|SecretAccessKey|SessionToken|Password)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    private Redaction() {
    }

    public static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> out.put(name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value));
        return out;
    }

    public static String query(String query) {
        return query == null ? null : SECRET_QUERY.matcher(query).replaceAll("$1" + MASK);
    }

    public static String body(String body) {
        return body == null ? null : SECRET_JSON.matcher(body).replaceAll("$1" + MASK + "$2");
    }
}
