package chime.conformance.reference.core.support;

import java.util.UUID;

/**
 * The canonical text of a UUID, 8-4-4-4-12 lower-case hexadecimal digits as {@link UUID#toString()} writes it,
 * and its 128 bits, both ways and without objects in between. The service's MessageIds are in this form
 * ({@link IdGenerator#random()}), and so are the ClientRequestTokens that AWS SDKs generate when the caller
 * gives none; the service keeps such a text as two longs, where its {@code String} would take 80 bytes.
 *
 * <p>Only the canonical text counts: it is the one text of its bits, so two texts are equal exactly when they
 * are both canonical with the same bits, or both not canonical and equal as strings.
 */
public final class UuidText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int LENGTH = 36;

    /** The share of the dashes in the hash of every canonical text. */
    private static final int DASHES_HASH;
    /** [digit * 16 + value]: the share of digit number {@code digit} (0 to 31) with this value in the hash. */
    private static final int[] DIGIT_HASH = new int[32 * 16];

    static {
        int[] power = new int[LENGTH];
        power[LENGTH - 1] = 1;
        for (int i = LENGTH - 2; i >= 0; i--) {
            power[i] = power[i + 1] * 31;
        }
        int dashes = 0;
        int digit = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (isDash(i)) {
                dashes += '-' * power[i];
                continue;
            }
            for (int value = 0; value < 16; value++) {
                DIGIT_HASH[digit * 16 + value] = HEX[value] * power[i];
            }
            digit++;
        }
        DASHES_HASH = dashes;
    }

    private UuidText() {
    }

    /** Whether {@code s} is the canonical text of a UUID. */
    public static boolean isCanonical(String s) {
        if (s == null || s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (isDash(i) ? c != '-' : digit(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The most significant 64 bits of a canonical text ({@link #isCanonical}): its first three groups. */
    public static long high(String canonical) {
        return hex(canonical, 0, 8) << 32 | hex(canonical, 9, 13) << 16 | hex(canonical, 14, 18);
    }

    /** The least significant 64 bits of a canonical text ({@link #isCanonical}): its last two groups. */
    public static long low(String canonical) {
        return hex(canonical, 19, 23) << 48 | hex(canonical, 24, LENGTH);
    }

    /** The canonical text of these bits. */
    public static String text(long high, long low) {
        return new UUID(high, low).toString();
    }

    /**
     * The {@link String#hashCode()} of the canonical text of these bits, computed without the text: the hash of
     * a text is a sum of each character times a power of 31, so it is the dashes' fixed share plus, for each of
     * the 32 digits, its character's share at its place, read from a table.
     */
    public static int hash(long high, long low) {
        int h = DASHES_HASH;
        for (int digit = 0; digit < 16; digit++) {
            h += DIGIT_HASH[digit * 16 + ((int) (high >>> (60 - 4 * digit)) & 15)];
        }
        for (int digit = 0; digit < 16; digit++) {
            h += DIGIT_HASH[(16 + digit) * 16 + ((int) (low >>> (60 - 4 * digit)) & 15)];
        }
        return h;
    }

    /** The hexadecimal digits of {@code canonical} from {@code from} to {@code to}, as a number. */
    private static long hex(String canonical, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = (value << 4) | digit(canonical.charAt(i));
        }
        return value;
    }

    private static boolean isDash(int i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
