package chime.conformance.reference.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON text of a response, written into a thread's buffer and copied out once at its exact size. It writes
 * the bytes Jackson's {@code UTF8JsonGenerator} writes with its default features (the server wrote its
 * responses with it before; {@code JsonWriterTest} compares the two on every response shape of the model and
 * on random text), without a generator, its context objects and its own buffer per response:
 * <ul>
 * <li>strings: {@code "} and {@code \} escaped with a backslash; the control characters backspace, tab, line
 *     feed, form feed and carriage return as {@code \b \t \n \f \r}; the other ones below U+0020 and each
 *     UTF-16 surrogate, paired or not, as a six-character escape (a backslash, {@code u} and four upper-case
 *     hexadecimal digits); every other character as its UTF-8 bytes;</li>
 * <li>numbers as {@link Long#toString(long)}, {@link Double#toString(double)} (NaN and the infinities as
 *     strings) and {@link BigDecimal#toString()} write them;</li>
 * <li>no spaces; a comma before every member and item but the first of its object or array.</li>
 * </ul>
 * One writer per thread, reused response after response ({@link #start()}); one that grew past 1 MiB for a
 * large answer is not kept.
 */
final class JsonWriter {

    private static final ThreadLocal<JsonWriter> OF_THREAD = ThreadLocal.withInitial(JsonWriter::new);
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** For each ASCII character: 0 written as it is, a letter for its short escape, 'u' for a six-character escape. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
    }

    private byte[] bytes = new byte[8192];
    private int count;
    /** Whether the next member or item follows another one in its object or array. */
    private boolean comma;
    /** Room for the characters of one timestamp or number. */
    final char[] digits = new char[32];

    private JsonWriter() {
    }

    /** The calling thread's writer, empty. */
    static JsonWriter start() {
        JsonWriter out = OF_THREAD.get();
        if (out.bytes.length > KEEP_AT_MOST) {
            out.bytes = new byte[8192];
        }
        out.count = 0;
        out.comma = false;
        return out;
    }

    /** What was written, at its exact size. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    /**
     * A member's key as this writer writes it, encoded once: the quoted, escaped name and the colon, for
     * {@link #key(byte[])}.
     */
    static byte[] encodeKey(String name) {
        JsonWriter scratch = new JsonWriter();
        scratch.string(name);
        scratch.ensure(1);
        scratch.bytes[scratch.count++] = ':';
        return scratch.toByteArray();
    }

    void startObject() {
        open((byte) '{');
    }

    void endObject() {
        close((byte) '}');
    }

    void startArray() {
        open((byte) '[');
    }

    void endArray() {
        close((byte) ']');
    }

    private void open(byte bracket) {
        separate();
        put(bracket);
        comma = false;
    }

    private void close(byte bracket) {
        put(bracket);
        comma = true;
    }

    /** A member's key, encoded by {@link #encodeKey(String)}; its value comes next. */
    void key(byte[] encoded) {
        separate();
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, count, encoded.length);
        count += encoded.length;
        comma = false;
    }

    /** A member's key given as text (the keys of a map). */
    void key(String name) {
        separate();
        string(name);
        put((byte) ':');
        comma = false;
    }

    void value(String text) {
        separate();
        string(text);
        comma = true;
    }

    void value(long number) {
        separate();
        int i = digits.length;
        long rest = number;
        if (rest == Long.MIN_VALUE) {
            raw(Long.toString(rest));
            comma = true;
            return;
        }
        boolean negative = rest < 0;
        if (negative) {
            rest = -rest;
        }
        do {
            digits[--i] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (negative) {
            digits[--i] = '-';
        }
        raw(digits, i, digits.length - i);
        comma = true;
    }

    void value(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            value(String.valueOf(number));
            return;
        }
        separate();
        raw(Double.toString(number));
        comma = true;
    }

    void value(BigDecimal number) {
        separate();
        raw(number.toString());
        comma = true;
    }

    void value(boolean bool) {
        separate();
        raw(bool ? TRUE : FALSE);
        comma = true;
    }

    void nullValue() {
        separate();
        raw(NULL);
        comma = true;
    }

    /** A number whose characters are {@code length} of {@link #digits}, from the first. */
    void numberFromDigits(int length) {
        separate();
        raw(digits, 0, length);
        comma = true;
    }

    /** A number given as its JSON text. */
    void number(String text) {
        separate();
        raw(text);
        comma = true;
    }

    // ---- bytes ----------------------------------------------------------------------------------------

    private void separate() {
        if (comma) {
            put((byte) ',');
        }
    }

    private void put(byte b) {
        ensure(1);
        bytes[count++] = b;
    }

    private void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, count, b.length);
        count += b.length;
    }

    /** ASCII text. */
    private void raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[count++] = (byte) ascii.charAt(i);
        }
    }

    private void raw(char[] ascii, int from, int length) {
        ensure(length);
        for (int i = from, end = from + length; i < end; i++) {
            bytes[count++] = (byte) ascii[i];
        }
    }

    /** The quoted, escaped string: room for the worst case (six bytes a character) is made once. */
    private void string(String text) {
        int n = text.length();
        ensure(6 * n + 2);
        byte[] b = bytes;
        int p = count;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPE[c];
                if (escape == 0) {
                    b[p++] = (byte) c;
                } else {
                    b[p++] = '\\';
                    if (escape == 'u') {
                        p = hexEscape(b, p, c);
                    } else {
                        b[p++] = escape;
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                b[p++] = '\\';
                p = hexEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        count = p;
    }

    /** {@code u} and four upper-case hexadecimal digits, after the backslash. */
    private static int hexEscape(byte[] b, int p, char c) {
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 15];
        b[p++] = HEX[(c >> 8) & 15];
        b[p++] = HEX[(c >> 4) & 15];
        b[p++] = HEX[c & 15];
        return p;
    }

    private void ensure(int more) {
        if (more > bytes.length - count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }
}
