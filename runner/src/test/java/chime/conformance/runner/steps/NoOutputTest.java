package chime.conformance.runner.steps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.runner.wire.WireExchange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP-002, HTTP-003: an answer without output may carry an empty body or an empty JSON object. */
class NoOutputTest {

    private static WireExchange answer(String body) {
        return new WireExchange("DELETE", "/channels/x", null, 204, Map.of(), "", Map.of(), body);
    }

    @Test
    void anEmptyBodyOrAnEmptyObjectCarriesNoOutput() {
        assertDoesNotThrow(() -> WireSteps.assertNoOutput(answer("")));
        assertDoesNotThrow(() -> WireSteps.assertNoOutput(answer(null)));
        assertDoesNotThrow(() -> WireSteps.assertNoOutput(answer("{}")));
        assertDoesNotThrow(() -> WireSteps.assertNoOutput(answer(" { }\n")));
    }

    @Test
    void anyMemberOrAnythingElseIsOutput() {
        assertThrows(AssertionError.class, () -> WireSteps.assertNoOutput(answer("{\"ChannelArn\":\"x\"}")));
        assertThrows(AssertionError.class, () -> WireSteps.assertNoOutput(answer("[]")));
        assertThrows(AssertionError.class, () -> WireSteps.assertNoOutput(answer("null")));
        assertThrows(AssertionError.class, () -> WireSteps.assertNoOutput(answer("OK")));
    }
}
