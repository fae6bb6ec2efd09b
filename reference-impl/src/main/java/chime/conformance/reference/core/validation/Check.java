package chime.conformance.reference.core.validation;

import chime.conformance.reference.core.error.ApiError;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Input constraints of the service model (model-constraints section 3 and 4) and the size limits of the
 * documentation. Every violation is a BadRequestException (ERR-001, ERR-012): the AWS SDK for Java
 * validates nothing client side, so the service is the only line of defence.
 *
 * <p>String lengths of the model count characters (Unicode code points); the documentation's "4KB",
 * "1KB" and "30 bytes" count UTF-8 bytes and are checked by {@link #maxUtf8Bytes}.
 */
public final class Check {

    /**
     * ChimeArn: every *Arn member and the x-amz-chime-bearer header (SIZE-011). The model's pattern, kept as its
     * definition; {@link #isChimeArn} matches the same strings without a regular expression (every request
     * checks two or more ARNs), and a test holds the two to each other.
     */
    public static final Pattern CHIME_ARN = Pattern.compile(
            "arn:[a-z0-9-.]{1,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[^/].{0,1023}", Pattern.DOTALL);
    public static final int CHIME_ARN_MIN = 5;
    public static final int CHIME_ARN_MAX = 1600;

    /** MessageId and ClientRequestToken share this alphabet; {@link #inIdAlphabet} matches it by hand. */
    public static final Pattern ID_ALPHABET = Pattern.compile("[-_a-zA-Z0-9]*");

    /** LambdaFunctionArn: Processor.Configuration.Lambda.ResourceArn (FLOW-004). */
    public static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws:lambda:[a-z]{2}-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9\\-_.]+(:(\\$LATEST|[a-zA-Z0-9\\-_]+))?");

    /** Identity model UserId: CreateAppInstanceUser.AppInstanceUserId. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9:\\-_.@]{0,62}[A-Za-z0-9])?");

    public static final int DEFAULT_PAGE_SIZE = 50; // PAGE-007: the kit's default
    public static final int MAX_PAGE_SIZE = 50;     // PAGE-001
    public static final int NEXT_TOKEN_MAX = 2048;

    private Check() {
    }

    public static String required(String value, String member) {
        if (value == null) {
            throw ApiError.badRequest(member + " is required");
        }
        return value;
    }

    public static <T> T requiredValue(T value, String member) {
        if (value == null) {
            throw ApiError.badRequest(member + " is required");
        }
        return value;
    }

    /** A required ChimeArn (SIZE-011). */
    public static String arn(String value, String member) {
        required(value, member);
        int length = value.codePointCount(0, value.length());
        if (length < CHIME_ARN_MIN || length > CHIME_ARN_MAX || !isChimeArn(value)) {
            throw ApiError.badRequest(member + " is not a valid ARN");
        }
        return value;
    }

    /**
     * True when {@link #CHIME_ARN} matches {@code value}: "arn:", four colon-terminated fields of
     * {@code [a-z0-9-.]} (1 to 63 characters, then 0 to 63 each), then 1 to 1,024 characters (code points) of any
     * kind, the first not '/'. A field cannot hold a colon, so the fields are found without backtracking.
     */
    public static boolean isChimeArn(String value) {
        if (!value.startsWith("arn:")) {
            return false;
        }
        int i = 4;
        for (int field = 0; field < 4; field++) {
            int start = i;
            while (i < value.length() && isArnFieldChar(value.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length > 63 || (field == 0 && length == 0) || i == value.length() || value.charAt(i) != ':') {
                return false;
            }
            i++;
        }
        return i < value.length() && value.charAt(i) != '/' && value.codePointCount(i, value.length()) <= 1024;
    }

    private static boolean isArnFieldChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** True when every character of {@code value} is in {@link #ID_ALPHABET}, {@code [-_a-zA-Z0-9]}. */
    public static boolean inIdAlphabet(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** An optional ChimeArn: null passes, anything else must be valid. */
    public static String optionalArn(String value, String member) {
        return value == null ? null : arn(value, member);
    }

    /** Length in characters (code points), inclusive bounds. */
    public static String length(String value, String member, int min, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw ApiError.badRequest(member + " must be between " + min + " and " + max + " characters long");
        }
        return value;
    }

    /**
     * The length of {@code value} in UTF-8, counted without encoding it: what {@code value.getBytes(UTF_8)}
     * would hold (an unpaired surrogate, which the encoder replaces with '?', counts one byte).
     */
    public static int utf8Length(String value) {
        int bytes = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (!Character.isSurrogate(c)) {
                bytes += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes++;
            }
        }
        return bytes;
    }

    /** A size limit in UTF-8 bytes, as the documentation states them (SIZE-001 to SIZE-007). */
    public static String maxUtf8Bytes(String value, String member, int maxBytes) {
        // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4): short values need no count.
        if (value != null && (long) value.length() * 3 > maxBytes && utf8Length(value) > maxBytes) {
            throw ApiError.badRequest(member + " exceeds " + maxBytes + " bytes (UTF-8)");
        }
        return value;
    }

    public static String pattern(String value, String member, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw ApiError.badRequest(member + " does not match the pattern " + pattern.pattern());
        }
        return value;
    }

    /**
     * NonEmptyResourceName (SIZE-008): 1 to 256 characters from the model's character class
     * {@code [\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]}.
     */
    public static String resourceName(String value, String member) {
        required(value, member);
        length(value, member, 1, 256);
        boolean allowed = value.codePoints().allMatch(cp -> cp == 0x09 || cp == 0x0A || cp == 0x0D
                || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF));
        if (!allowed) {
            throw ApiError.badRequest(member + " contains characters outside the allowed set");
        }
        return value;
    }

    /** ClientRequestToken: required, 2 to 64 characters of {@code [-_a-zA-Z0-9]} (SIZE-012). */
    public static String clientRequestToken(String value) {
        required(value, "ClientRequestToken");
        length(value, "ClientRequestToken", 2, 64);
        return idAlphabet(value, "ClientRequestToken");
    }

    /** MessageId: required, 1 to 128 characters of {@code [-_a-zA-Z0-9]}. */
    public static String messageId(String value, String member) {
        required(value, member);
        length(value, member, 1, 128);
        return idAlphabet(value, member);
    }

    private static String idAlphabet(String value, String member) {
        if (!inIdAlphabet(value)) {
            throw ApiError.badRequest(member + " does not match the pattern " + ID_ALPHABET.pattern());
        }
        return value;
    }

    /** MaxResults: 1 to 50 (PAGE-001); absent means the default page size of 50 (PAGE-007). */
    public static int maxResults(Integer value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw ApiError.badRequest("MaxResults must be between 1 and " + MAX_PAGE_SIZE);
        }
        return value;
    }

    /** A required enum member, validated from its wire string so unknown values are rejected (CHAN-002). */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String member) {
        required(raw, member);
        try {
            // The JDK's own table of the constants by name, without a copy of them per call.
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(member + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    /** An optional enum member: null gives {@code defaultValue}. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String raw, String member, E defaultValue) {
        return raw == null ? defaultValue : enumValue(type, raw, member);
    }

    /** A list's item count, inclusive bounds. */
    public static <T> List<T> listSize(List<T> list, String member, int min, int max) {
        if (list != null && (list.size() < min || list.size() > max)) {
            throw ApiError.badRequest(member + " must contain between " + min + " and " + max + " items");
        }
        return list;
    }

    public static void rule(boolean condition, String message) {
        if (!condition) {
            throw ApiError.badRequest(message);
        }
    }
}
