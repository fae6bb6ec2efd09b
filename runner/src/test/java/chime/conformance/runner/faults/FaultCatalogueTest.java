package chime.conformance.runner.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultCatalogueTest {

    private static final List<String> AREAS = List.of("AUTH", "CHAN", "MEMB", "MOD", "BAN", "MSG", "STAT", "FLOW",
            "SIZE", "IDEM", "READ", "PAGE", "TAG", "ENDP", "ERR");

    @Test
    void theCatalogueHoldsAtLeastFortyFaults() {
        assertTrue(FaultCatalogue.all().size() >= 40, "only " + FaultCatalogue.all().size() + " faults");
    }

    @Test
    void everyRuleAreaHasAFault() {
        Set<String> covered = FaultCatalogue.all().stream().flatMap(f -> f.rules().stream())
                .map(RuleRegistry::areaOf).collect(Collectors.toSet());
        for (String area : AREAS) {
            assertTrue(covered.contains(area), "no fault breaks a rule of area " + area);
        }
    }

    @Test
    void everyFaultBreaksTestableRulesOfTheRegistry() {
        RuleRegistry registry = RuleRegistry.load();
        for (Fault fault : FaultCatalogue.all()) {
            for (String id : fault.rules()) {
                Rule rule = registry.rule(id).orElse(null);
                assertTrue(rule != null, fault.name() + " names unknown rule " + id);
                assertFalse(rule.isUntestable(), fault.name() + " breaks " + id + ", which no scenario can test");
            }
            assertFalse(fault.description().isBlank(), fault.name() + " has no description");
        }
    }

    @Test
    void faultsAreFoundByNameInCommaSeparatedLists() {
        List<Fault> found = FaultCatalogue.named(List.of("ban-does-not-kick,hidden-members-listed", "not-after-ignored"));
        assertEquals(List.of("ban-does-not-kick", "hidden-members-listed", "not-after-ignored"),
                found.stream().map(Fault::name).toList());
    }

    @Test
    void anUnknownFaultNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultCatalogue.named(List.of("no-such-fault")));
        assertTrue(e.getMessage().contains("no-such-fault"));
    }
}
