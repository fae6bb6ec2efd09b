package chime.conformance.reports.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the report shows: credentials, signatures and session tokens, and,
 * when the run asks for it, the AWS account ID inside ARNs.
 *
 * <p>The SDK interceptor that captures wire evidence already drops the Authorization header; this is
 * the second line of defence, because a report gets published and a leaked session token in it
 * cannot be taken back. It is applied to headers, query strings, bodies and error messages alike.
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
            "(?i)(\"(?:secretAccessKey|sessionToken|aws_secret_access_key|aws_session_token|securityToken)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern SECRET_HEADER_IN_TEXT = Pattern.compile(
            "(?i)((?:authorization|x-amz-security-token|proxy-authorization)[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\r\\n,}\\]]+");
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("(arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:)\\d{12}(?=:)");
    /** ARNs travel percent-encoded in request paths (wire evidence): arn%3Aaws%3Achime%3Aus-east-1%3A<account>%3A... */
    private static final Pattern ACCOUNT_IN_ENCODED_ARN =
            Pattern.compile("(?i)(arn%3A[a-z0-9-]+%3A[a-z0-9-]*%3A[a-z0-9-]*%3A)\\d{12}(?=%3A)");
    private static final Pattern ACCOUNT_FIELD = Pattern.compile("(?i)(\"(?:accountId|account)\"\\s*:\\s*\")\\d{12}(\")");

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
        String out = SECRET_QUERY.matcher(text).replaceAll("$1" + REDACTED);
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
}
