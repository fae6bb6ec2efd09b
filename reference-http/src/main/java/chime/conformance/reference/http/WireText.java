package chime.conformance.reference.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding of path segments and query strings, strictly by RFC 3986: a {@code %} must be followed
 * by two hex digits, the decoded bytes must be UTF-8, and {@code +} is a plus sign (SDKs encode a space as
 * {@code %20}). Path segments are decoded one at a time, so an ARN's encoded {@code /} stays inside its
 * segment (HTTP-006).
 */
public final class WireText {

    private WireText() {
    }

    /**
     * The decoded segments of a raw path, split as {@link Route#splitPath} splits a template (no leading slash; an
     * empty path, or "/", has none), each decoded from the raw text in place.
     */
    public static List<String> decodePath(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        int start = path.startsWith("/") ? 1 : 0;
        List<String> out = new ArrayList<>(8);
        if (start == path.length()) {
            return out;
        }
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            out.add(decode(path, start, end, "path"));
            if (slash < 0) {
                return out;
            }
            start = slash + 1;
        }
    }

    /** The decoded parameters of a raw query string, in order; a key without {@code =} has value "". Read only. */
    public static Map<String, List<String>> decodeQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), "query string");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query string");
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String decode(String raw, String where) {
        return decode(raw, 0, raw.length(), where);
    }

    /** {@code raw} from {@code from} to {@code to}, percent-decoded. */
    private static String decode(String raw, int from, int to, String where) {
        int percent = raw.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return from == 0 && to == raw.length() ? raw : raw.substring(from, to);
        }
        // Every character of the raw text is one byte (an escape, or ASCII) or, outside ASCII, up to three:
        // the buffer grows when text outside ASCII comes.
        byte[] bytes = new byte[to - from];
        int n = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? hex(raw.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(raw.charAt(i + 2));
                if (low < 0) {
                    throw WireError.badRequest("Malformed percent-encoding in the " + where + ": '%' must be"
                            + " followed by two hexadecimal digits");
                }
                int b = high << 4 | low;
                ascii &= b < 0x80;
                bytes[n++] = (byte) b;
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                int end = raw.indexOf('%', i);
                end = end < 0 || end > to ? to : end;
                byte[] b = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length, n + b.length + to - i));
                System.arraycopy(b, 0, bytes, n, b.length);
                n += b.length;
                ascii = false;
                i = end - 1;
            }
        }
        if (ascii) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        if (!isUtf8(bytes, 0, n)) {
            throw WireError.badRequest("The percent-encoded " + where + " is not valid UTF-8");
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code bytes[from, to)} is well-formed UTF-8 as RFC 3629 defines it, which is what a strict decoder
     * accepts: no overlong forms, no encoded surrogates (ED A0 80 to ED BF BF), nothing past U+10FFFF, no
     * sequence cut short.
     */
    static boolean isUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int c = bytes[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2) {
                return false; // a continuation byte first, or an overlong two-byte form
            }
            if (c < 0xE0) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return false;
                }
                int c1 = bytes[i + 1] & 0xFF;
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) {
                    return false; // overlong, or a surrogate
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return false;
                }
                int c1 = bytes[i + 1] & 0xFF;
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
                    return false; // overlong, or past U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * Every string member is a sequence of Unicode characters, which a lone UTF-16 surrogate is not. JSON can
     * carry one as an escape (a backslash-u escape of D800 with no low surrogate after it) although no UTF-8
     * text can, and it would be stored, counted and echoed back as text that clients then fail to decode.
     * The one check of the binding, for every member, path label, query parameter and header it binds; the
     * model's own patterns (e.g. the Name pattern, which stops at U+D7FF and resumes at U+E000) exclude
     * surrogates too. How the message names the value is {@code what} followed by {@code name} (e.g. "The member "
     * and "Content"), put together only for an error.
     *
     * @return {@code text}
     */
    public static String requireUnicode(String text, String what, String name) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                throw WireError.badRequest(what + name + " is not valid Unicode: it contains an unpaired UTF-16"
                        + " surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ") at character " + i);
            }
        }
        return text;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
