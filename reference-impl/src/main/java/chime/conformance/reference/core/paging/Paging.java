package chime.conformance.reference.core.paging;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.validation.Check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pages over an ordered index. A page costs O(log n + page size): the token's position is found by a
 * sorted-map lookup and iteration stops one item past the page. Indexes are chosen so that filters apply
 * before paging (PAGE-008): a page counts only items the caller may see.
 */
public final class Paging {

    private final PageTokens tokens;

    public Paging(PageTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The tokens' signer (its key is part of a saved state). */
    public PageTokens tokens() {
        return tokens;
    }

    /** Parsed page parameters: the validated limit and the position to resume after (null: start). */
    public record Cursor<K>(int limit, K after, String query) {
    }

    /**
     * Validates MaxResults and NextToken (PAGE-001, PAGE-005). An empty NextToken is treated as absent, the
     * way clients commonly ask for a first page.
     */
    public <K> Cursor<K> cursor(String query, String nextToken, Integer maxResults, KeyCodec<K> codec) {
        int limit = Check.maxResults(maxResults);
        if (nextToken == null || nextToken.isEmpty()) {
            return new Cursor<>(limit, null, query);
        }
        K after = codec.read(tokens.open(nextToken, query));
        if (after == null) {
            throw ApiError.badRequest("NextToken is not valid for this request");
        }
        return new Cursor<>(limit, after, query);
    }

    /**
     * Returns the page of {@code index} after the cursor. {@code view} maps an entry to the item the caller
     * sees, or null to skip it (for example a message only its sender may see yet).
     */
    public <K, V, T> Page<T> page(NavigableMap<K, V> index, Cursor<K> cursor, KeyCodec<K> codec,
                                  Function<? super V, ? extends T> view) {
        NavigableMap<K, V> rest = cursor.after() == null ? index : index.tailMap(cursor.after(), false);
        Iterator<Map.Entry<K, V>> entries = rest.entrySet().iterator();
        return page(new Walk<K, T>() {
            private K given;
            private K marked;

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public T next() {
                Map.Entry<K, V> entry = entries.next();
                given = entry.getKey();
                return view.apply(entry.getValue());
            }

            @Override
            public int mark() {
                marked = given;
                return 0;
            }

            @Override
            public K keyAt(int mark) {
                return marked;
            }
        }, cursor, codec);
    }

    /**
     * An ordered index that is not a NavigableMap, walked from a position: {@link #next()} gives each item as
     * the caller sees it (null: invisible to the caller), {@link #mark()} the position of the item last given,
     * and {@link #keyAt} the key of a marked position, asked once per page.
     */
    public interface Walk<K, T> extends Iterator<T> {
        int mark();

        K keyAt(int mark);
    }

    /** The page of a walk that starts after the cursor's position, as {@link #page(NavigableMap, Cursor, KeyCodec, Function)}. */
    public <K, T> Page<T> page(Walk<K, T> rest, Cursor<K> cursor, KeyCodec<K> codec) {
        List<T> items = new ArrayList<>(Math.min(cursor.limit(), 64));
        int last = -1;
        boolean more = false;
        while (rest.hasNext()) {
            T item = rest.next();
            if (item == null) {
                continue;
            }
            if (items.size() == cursor.limit()) {
                more = true;
                break;
            }
            items.add(item);
            last = rest.mark();
        }
        return new Page<>(items, more ? tokens.issue(cursor.query(), codec.write(rest.keyAt(last))) : null);
    }
}
