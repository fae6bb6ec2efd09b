package chime.conformance.runner.faults;

import java.nio.charset.StandardCharsets;

/** Sizes of texts as the documentation counts them (UTF-8 bytes), and as faulty services miscount them. */
final class Texts {

    private Texts() {
    }

    static int bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} that fits in {@code maxBytes} UTF-8 bytes, cut between code points. */
    static String truncateToBytes(String text, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
