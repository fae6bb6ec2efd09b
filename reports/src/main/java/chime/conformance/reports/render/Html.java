package chime.conformance.reports.render;

/** HTML escaping for text and quoted attribute values. */
public final class Html {

    private Html() {
    }

    /**
     * Markup the renderer built itself, every piece of text in it escaped ({@link #text}): templates insert it as it
     * is. Only code of this package makes one, for blocks where a template's escaping of each line would cost
     * more than the text (a feature's source).
     */
    public record Markup(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    /** Escaping for text between tags (not for attribute values): {@code & < >}. */
    public static String text(String text) {
        return escape(text, false);
    }

    /** Escaping for text and attribute values alike: {@code & < > " ' `}. */
    public static String escape(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean quotes) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(quotes ? "&quot;" : "\"");
                case '\'' -> out.append(quotes ? "&#39;" : "'");
                case '`' -> out.append(quotes ? "&#96;" : "`");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
