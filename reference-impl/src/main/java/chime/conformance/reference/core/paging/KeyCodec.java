package chime.conformance.reference.core.paging;

/**
 * Writes a position key into a pagination token and reads it back. {@link #read} returns null for text it
 * cannot parse (the caller turns that into a BadRequestException).
 */
public interface KeyCodec<K> {

    String write(K key);

    K read(String text);

    KeyCodec<String> STRING = new KeyCodec<>() {
        @Override
        public String write(String key) {
            return key;
        }

        @Override
        public String read(String text) {
            return text;
        }
    };

    KeyCodec<Long> LONG = new KeyCodec<>() {
        @Override
        public String write(Long key) {
            return Long.toString(key);
        }

        @Override
        public Long read(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };
}
