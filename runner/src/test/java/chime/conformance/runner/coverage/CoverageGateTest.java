package chime.conformance.runner.coverage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The coverage gate over the kit's own specification (design section 4): it fails, listing every problem,
 * when a registry rule has no scenario and is not marked untestable, when a scenario carries an unknown
 * rule ID or none at all, an unknown operation or none at all, or when one of the 43 documented
 * operations appears in no scenario. It prints the coverage figures either way.
 */
class CoverageGateTest {

    @Test
    void everyRuleAndEveryOperationIsCovered() {
        CoverageGate.Result result = CoverageGate.checkClasspath("features");
        System.out.println(result.summary());
        assertTrue(result.passed(), result::report);
    }
}
