package chime.conformance.reference.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of a request body, read into plain values for the codec to bind: an object is a {@link JsonObject},
 * an array a {@link List}, a string a {@link String}, a number a {@link JsonNumber} (its text, converted only to
 * the type of the member it binds to), {@code true} and {@code false} a {@link Boolean}, {@code null}
 * {@link #NULL}.
 *
 * <p>It accepts what the server's JSON parser before it accepted (Jackson, with duplicate members refused and its
 * default limits; {@code JsonReaderTest} compares the two on valid and broken documents): RFC 8259 JSON, with
 * <ul>
 * <li>a member given twice in one object refused;</li>
 * <li>at most {@value #MAX_DEPTH} levels of objects and arrays, numbers of at most {@value #MAX_NUMBER_LENGTH}
 *     characters and member names of at most {@value #MAX_NAME_LENGTH};</li>
 * <li>a UTF-8 byte order mark at the start ignored.</li>
 * </ul>
 * The body must already be well-formed UTF-8 ({@link WireText#isUtf8}): strings are decoded from it as they
 * are. Escapes may still write a lone surrogate ({@code \uD800}); whoever binds a string checks it.
 *
 * <p>Everything refused is a {@link WireError} BadRequest that says why in the API's words. One reader per body,
 * on the calling thread; it keeps nothing.
 */
final class JsonReader {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_NAME_LENGTH = 50_000;

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number as written: {@code integral} when it has neither a fraction nor an exponent. */
    record JsonNumber(String text, boolean integral) {

        /** The integer it writes (only for an integral number). */
        BigInteger bigInteger() {
            return new BigInteger(text);
        }

        /** Whether it is an integer from {@code min} to {@code max}. */
        boolean isIntegerIn(long min, long max) {
            if (!integral) {
                return false;
            }
            if (text.length() <= 18) {
                long value = Long.parseLong(text);
                return value >= min && value <= max;
            }
            BigInteger value = bigInteger();
            return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
        }

        long longValue() {
            return Long.parseLong(text);
        }

        double doubleValue() {
            return Double.parseDouble(text);
        }

        /**
         * Its value as a decimal: exact for an integer; a number with a fraction or an exponent goes through a
         * {@code double} first, as the parser before this one read every such number.
         *
         * @throws NumberFormatException when that double is infinite
         */
        BigDecimal decimalValue() {
            return integral ? new BigDecimal(text) : BigDecimal.valueOf(Double.parseDouble(text));
        }
    }

    /** A JSON object: its members in the order they were written, each name once. */
    static final class JsonObject {
        /** Up to this many members, a member is found by looking at each name; past it, through a map. */
        private static final int SCAN = 8;
        private String[] names = new String[4];
        private Object[] values = new Object[4];
        private int size;
        private Map<String, Integer> index;

        int size() {
            return size;
        }

        String name(int i) {
            return names[i];
        }

        Object value(int i) {
            return values[i];
        }

        /** The value of the member {@code name}, or null when there is none. */
        Object get(String name) {
            if (index != null) {
                Integer at = index.get(name);
                return at == null ? null : values[at];
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }

        /** Adds a member; false when the object already has one of that name. */
        boolean add(String name, Object value) {
            if (index != null ? index.containsKey(name) : get(name) != null) {
                return false;
            }
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 > SCAN) {
                index = new HashMap<>();
                for (int i = 0; i <= size; i++) {
                    index.put(names[i], i);
                }
            }
            size++;
            return true;
        }
    }

    private final byte[] in;
    private final int end;
    private int pos;

    private JsonReader(byte[] in) {
        this.in = in;
        this.end = in.length;
    }

    /**
     * The body as a JSON object: an empty body, or one of whitespace only, is an empty object; anything but an
     * object, or anything after it, is refused.
     */
    static JsonObject readObject(byte[] body) {
        JsonReader reader = new JsonReader(body);
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            reader.pos = 3;
        }
        reader.skipSpace();
        if (reader.pos == reader.end) {
            return new JsonObject();
        }
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.pos != reader.end) {
            throw WireError.badRequest("The request body has content after its JSON object");
        }
        if (!(value instanceof JsonObject object)) {
            throw WireError.badRequest("The request body must be a JSON object, not " + describe(value));
        }
        return object;
    }

    /** What a value is, in words: "a string", "an integer", "null", ... */
    static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof JsonNumber n) {
            return n.integral() ? "an integer" : "a decimal number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof JsonObject) {
            return "an object";
        }
        return "null";
    }

    // ---- the grammar --------------------------------------------------------------------------------

    /** A value starting at {@code pos} (no whitespace before it), inside {@code depth} objects and arrays. */
    private Object value(int depth) {
        if (pos >= end) {
            throw syntax();
        }
        switch (in[pos]) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                pos++;
                return string(false);
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                return number();
        }
    }

    private JsonObject object(int depth) {
        requireDepth(depth);
        pos++;
        JsonObject object = new JsonObject();
        skipSpace();
        if (pos < end && in[pos] == '}') {
            pos++;
            return object;
        }
        while (true) {
            if (pos >= end || in[pos] != '"') {
                throw syntax();
            }
            pos++;
            String name = string(true);
            skipSpace();
            if (pos >= end || in[pos] != ':') {
                throw syntax();
            }
            pos++;
            skipSpace();
            Object value = value(depth);
            if (!object.add(name, value)) {
                throw WireError.badRequest("The request body is not valid JSON for this API: it gives the member "
                        + (name.length() <= 64 ? name : name.substring(0, 61) + "...") + " twice");
            }
            if (closes('}')) {
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        requireDepth(depth);
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (pos < end && in[pos] == ']') {
            pos++;
            return items;
        }
        while (true) {
            items.add(value(depth));
            if (closes(']')) {
                return items;
            }
        }
    }

    /**
     * After a member or an item: true past the closing bracket {@code close}, false past a comma (and the space
     * after it); anything else is a syntax error.
     */
    private boolean closes(char close) {
        skipSpace();
        if (pos < end && in[pos] == ',') {
            pos++;
            skipSpace();
            return false;
        }
        if (pos < end && in[pos] == close) {
            pos++;
            return true;
        }
        throw syntax();
    }

    private void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw WireError.badRequest("The request body is not valid JSON for this API: it nests deeper than "
                    + MAX_DEPTH + " levels");
        }
    }

    /** A string whose opening quote is just before {@code pos}; {@code name} when it is a member's name. */
    private String string(boolean name) {
        int start = pos;
        boolean ascii = true;
        while (true) {
            if (pos >= end) {
                throw syntax();
            }
            int c = in[pos];
            if (c == '"') {
                String s = new String(in, start, pos - start,
                        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                pos++;
                return checkedName(s, name);
            }
            if (c == '\\') {
                return checkedName(escaped(start), name);
            }
            if (c >= 0 && c < 0x20) {
                throw syntax(); // a control character must be escaped
            }
            ascii &= c >= 0;
            pos++;
        }
    }

    private static String checkedName(String s, boolean name) {
        if (name && s.length() > MAX_NAME_LENGTH) {
            throw tooLong();
        }
        return s;
    }

    /** The rest of a string that has escapes: {@code pos} is at the first backslash. */
    private String escaped(int start) {
        StringBuilder out = new StringBuilder(pos - start + 16);
        out.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
        while (true) {
            if (pos >= end) {
                throw syntax();
            }
            int c = in[pos];
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw syntax();
                }
                pos++;
                switch (in[pos]) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int k = 1; k <= 4; k++) {
                            int digit = pos + k < end ? Character.digit(in[pos + k], 16) : -1;
                            if (digit < 0) {
                                pos += k;
                                throw syntax();
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        pos += 4;
                    }
                    default -> throw syntax();
                }
                pos++;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                throw syntax();
            }
            int run = pos;
            boolean ascii = true;
            while (pos < end && in[pos] != '"' && in[pos] != '\\' && (in[pos] < 0 || in[pos] >= 0x20)) {
                ascii &= in[pos] >= 0;
                pos++;
            }
            out.append(new String(in, run, pos - run, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, starting at {@code pos}. */
    private JsonNumber number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos >= end || !digit(in[pos])) {
            throw syntax();
        }
        if (in[pos] == '0') {
            pos++;
        } else {
            digits();
        }
        boolean integral = true;
        if (pos < end && in[pos] == '.') {
            integral = false;
            pos++;
            if (pos >= end || !digit(in[pos])) {
                throw syntax();
            }
            digits();
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            integral = false;
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (pos >= end || !digit(in[pos])) {
                throw syntax();
            }
            digits();
        }
        if (pos - start - (in[start] == '-' ? 1 : 0) > MAX_NUMBER_LENGTH) {
            throw tooLong();
        }
        return new JsonNumber(new String(in, start, pos - start, StandardCharsets.ISO_8859_1), integral);
    }

    private void digits() {
        while (pos < end && digit(in[pos])) {
            pos++;
        }
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= end || in[pos] != word.charAt(i)) {
                throw syntax();
            }
            pos++;
        }
        // "trueish" is not true: a literal ends where a name character would go on.
        if (pos < end && (Character.isLetterOrDigit(in[pos]) || in[pos] == '_')) {
            throw syntax();
        }
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private static WireError tooLong() {
        return WireError.badRequest("The request body is not valid JSON for this API: a number or string in it is too"
                + " long");
    }

    /** Where the text stopped being JSON, as a line and a column (of bytes), both from 1. */
    private WireError syntax() {
        int at = Math.min(pos, end);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return WireError.badRequest("The request body is not valid JSON: the error is at line " + line + ", column "
                + (at - lineStart + 1));
    }
}
