package chime.conformance.reports.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The system the run exercised.
 *
 * @param name         the target's name, e.g. {@code reference}
 * @param description  a sentence for people: what it is and where it runs
 * @param capabilities every capability the kit knows, and whether this target declares it
 */
public record TargetInfo(String name, String description, Map<String, Boolean> capabilities) {

    public TargetInfo {
        capabilities = capabilities == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(capabilities));
    }
}
