package chime.conformance.reference.core.paging;

import java.util.List;

/**
 * One page of a list operation. {@code nextToken} is null on the last page (PAGE-002).
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
