package chime.conformance.reports.model;

import java.util.List;

/**
 * The expectation file the run applied.
 *
 * @param file      where it was read from
 * @param target    the target it declares
 * @param entries   how many entries it has
 * @param unmatched entries that match no scenario or rule of the run, as {@code scenario:<id>} or
 *                  {@code rule:<id>}: stale, or for scenarios that did not run
 */
public record ExpectationsSummary(String file, String target, int entries, List<String> unmatched) {

    public ExpectationsSummary {
        unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
    }
}
