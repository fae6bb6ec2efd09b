package chime.conformance.reports.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the kit writes: credentials, signatures and session tokens, and, when the
 * run asks for it, the AWS account ID inside ARNs. The one redaction of the kit: the wire evidence, the HTML
 * report, results.json, JUnit XML, Cucumber's message stream, compare's outputs and the console all go
 * through it.
 *
 * <p>Two ways, both always: by shape (SigV4 signatures and credentials, access key IDs, secret-looking JSON
 * members and headers), and by value: every credential the run holds is {@link #secret registered} as it
 * is resolved (access key ID, secret access key, session token), and is replaced wherever it appears, as is
 * or percent-encoded, whatever a target echoes it in. The SDK interceptor that captures wire evidence
 * already drops the Authorization header; this is the second line of defence, because a report gets
 * published and a leaked session token in it cannot be taken back.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";
    public static final String MASKED_ACCOUNT = "************";

    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-amz-security-token", "x-amz-credential",
            "x-amz-signature", "cookie", "set-cookie", "x-api-key");

    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)((?:^|[?&])X-Amz-(?:Signature|Credential|Security-Token)=)[^&\\s]*");
    private static final Pattern SIGV4_CREDENTIAL = Pattern.compile("(?i)(Credential=)[^,&\\s\"']+");
    private static final Pattern SIGV4_SIGNATURE = Pattern.compile("(?i)(Signature=)[0-9a-f]{16,}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
            "(?i)(\"(?:accessKeyId|secretAccessKey|sessionToken|aws_access_key_id|aws_secret_access_key|aws_session_token"
                    + "|securityToken|password)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    private static final Pattern SECRET_HEADER_IN_TEXT = Pattern.compile(
            "(?i)((?:authorization|x-amz-security-token|proxy-authorization)[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\r\\n,}\\]]+");
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("(arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:)\\d{12}(?=:)");
    /** ARNs travel percent-encoded in request paths (wire evidence): arn%3Aaws%3Achime%3Aus-east-1%3A<account>%3A... */
    private static final Pattern ACCOUNT_IN_ENCODED_ARN =
            Pattern.compile("(?i)(arn%3A[a-z0-9-]+%3A[a-z0-9-]*%3A[a-z0-9-]*%3A)\\d{12}(?=%3A)");
    private static final Pattern ACCOUNT_FIELD = Pattern.compile("(?i)(\"(?:accountId|account)\"\\s*:\\s*\")\\d{12}(\")");

    /**
     * Values shorter than this are not taken as secrets: no AWS credential is this short, and replacing a
     * dummy key such as "test" everywhere would mangle the report.
     */
    static final int MIN_SECRET_LENGTH = 12;

    /** Every credential value the run holds, longest first (so a secret containing another goes whole). */
    private static final java.util.concurrent.CopyOnWriteArrayList<String> SECRETS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final boolean maskAccount;

    private Redaction(boolean maskAccount) {
        this.maskAccount = maskAccount;
    }

    public static Redaction of(boolean maskAccount) {
        return new Redaction(maskAccount);
    }

    public boolean masksAccount() {
        return maskAccount;
    }

    /**
     * Registers a credential value of this run, to be redacted by value from everything written from now on
     * (and from the outputs finished at the end of the run). Values under {@value #MIN_SECRET_LENGTH}
     * characters are ignored.
     */
    public static void secret(String value) {
        if (value == null || value.length() < MIN_SECRET_LENGTH) {
            return;
        }
        synchronized (SECRETS) {
            if (!SECRETS.contains(value)) {
                List<String> all = new ArrayList<>(SECRETS);
                all.add(value);
                all.sort(Comparator.comparingInt(String::length).reversed());
                SECRETS.clear();
                SECRETS.addAll(all);
            }
        }
    }

    /** Replaces every registered credential value, as is and percent-encoded, by {@value #REDACTED}. */
    public static String secretValues(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, REDACTED);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                out = out.replace(encoded, REDACTED);
                out = out.replace(encoded.replace("+", "%20"), REDACTED);
            }
        }
        return out;
    }

    public static boolean isSecretHeader(String name) {
        return name != null && SECRET_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    public String header(String name, String value) {
        return isSecretHeader(name) ? REDACTED : text(value);
    }

    public String query(String query) {
        return query == null ? null : text(SECRET_QUERY.matcher(query).replaceAll("$1" + REDACTED));
    }

    /** Redacts credentials (and account IDs, when masking) anywhere in free text. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String out = secretValues(text);
        out = SECRET_QUERY.matcher(out).replaceAll("$1" + REDACTED);
        out = SIGV4_CREDENTIAL.matcher(out).replaceAll("$1" + REDACTED);
        out = SIGV4_SIGNATURE.matcher(out).replaceAll("$1" + REDACTED);
        out = ACCESS_KEY_ID.matcher(out).replaceAll(REDACTED);
        out = SECRET_JSON_FIELD.matcher(out).replaceAll("$1" + REDACTED + "$2");
        out = SECRET_HEADER_IN_TEXT.matcher(out).replaceAll("$1" + REDACTED);
        if (maskAccount) {
            out = ACCOUNT_IN_ARN.matcher(out).replaceAll("$1" + MASKED_ACCOUNT);
            out = ACCOUNT_IN_ENCODED_ARN.matcher(out).replaceAll("$1" + MASKED_ACCOUNT);
            out = ACCOUNT_FIELD.matcher(out).replaceAll("$1" + MASKED_ACCOUNT + "$2");
        }
        return out;
    }

    /**
     * Text from outside the kit (a target's messages, a results file's names) made fit for a terminal or a
     * plain text file: redacted as {@link #text}, and with every control character shown as an escape
     * ({@code \u001b}) instead of acting (C0 controls but tab and line feed, DEL, C1 controls, Unicode line
     * and paragraph separators and the bidirectional overrides that reorder what a reader sees).
     */
    public String untrusted(String text) {
        return printable(text(text));
    }

    /** {@code text} with its control characters escaped, see {@link #untrusted}. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isControl(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x061c
                || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
