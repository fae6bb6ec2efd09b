package chime.conformance.reports.model;

import java.util.List;

/**
 * One entry of the rule registry.
 *
 * @param id          stable rule ID, e.g. {@code AUTH-001}; scenarios carry it as {@code @rule:AUTH-001}
 * @param area        the area the ID starts with, e.g. {@code AUTH}
 * @param kind        where the rule comes from
 * @param operations  the documented operations the operations column names (may be empty when the
 *                    column says "All" or describes a group in prose: see {@code scope})
 * @param doc         the API reference sentence, quoted (empty when only another source states the rule)
 * @param expectation what a conforming service does
 * @param notes       ambiguities and doc/model differences, or null
 * @param untestable  why no scenario can exercise the rule, or null when it is testable
 * @param scope       the operations column as written in the registry
 * @param sources     the public AWS sources the rule rests on, in registry order
 */
public record Rule(String id, String area, Kind kind, List<String> operations, String doc,
                   String expectation, String notes, String untestable, String scope, List<Source> sources) {

    public Rule {
        operations = List.copyOf(operations);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A rule that names no sources. */
    public Rule(String id, String area, Kind kind, List<String> operations, String doc,
                String expectation, String notes, String untestable, String scope) {
        this(id, area, kind, operations, doc, expectation, notes, untestable, scope, List.of());
    }

    public boolean isUntestable() {
        return untestable != null && !untestable.isBlank();
    }
}
