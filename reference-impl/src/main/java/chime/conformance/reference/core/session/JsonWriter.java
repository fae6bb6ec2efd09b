package chime.conformance.reference.core.session;

/**
 * Just enough JSON for the session's frames and payloads (objects, arrays, strings, booleans), so that the core
 * depends on nothing but the JDK. Strings are escaped as RFC 8259 requires: quote, backslash and the control
 * characters; everything else is written as it is (UTF-16 text, encoded as UTF-8 by the transport). Not thread
 * safe: one writer per document.
 */
final class JsonWriter {

    private final StringBuilder out;
    /** Whether the container being written still has no member, one bit per level (64 levels). */
    private long empty;
    private int depth;
    private boolean afterName;

    JsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    JsonWriter startObject() {
        separate();
        out.append('{');
        push();
        return this;
    }

    JsonWriter endObject() {
        depth--;
        out.append('}');
        return this;
    }

    JsonWriter startArray() {
        separate();
        out.append('[');
        push();
        return this;
    }

    JsonWriter endArray() {
        depth--;
        out.append(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        string(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** A member with a string value. */
    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void push() {
        depth++;
        empty |= 1L << depth;
    }

    /** A comma before every member or element but the first of its container. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        long bit = 1L << depth;
        if ((empty & bit) != 0) {
            empty &= ~bit;
        } else {
            out.append(',');
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
