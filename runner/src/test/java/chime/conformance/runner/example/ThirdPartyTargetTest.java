package chime.conformance.runner.example;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetProvider;
import chime.conformance.runner.target.Targets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A provider registered in this module's test resources (as a third party's jar would register it) is
 * found by ServiceLoader and opened by its name, next to the kit's own targets.
 */
class ThirdPartyTargetTest {

    @Test
    void serviceLoaderFindsTheRegisteredProvider() {
        assertThat(Targets.providers().stream().map(p -> p.getClass().getName()).toList(),
                hasItem(ExampleThirdPartyTargetProvider.class.getName()));
        assertThat(Targets.providers().stream().map(TargetProvider::name).toList(), hasItem("reference"));
    }

    @Test
    void theTargetOpensByNameAndWorks() {
        try (Target target = Targets.open("example-emulator", TargetConfig.empty())) {
            assertThat(target.name(), equalTo("example-emulator"));
            assertThat(target.capabilities(), equalTo(Set.of(Capability.WIRE)));
            try (AppInstanceScope scope = target.fixtures().newScope("third-party")) {
                assertThat(scope.createUser("Alice"), startsWith("arn:aws:chime:"));
            }
            assertThat(target.endpoint().isPresent(), is(true));
        }
    }

    @Test
    void anUnknownNameListsTheKnownTargets() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Targets.open("no-such-target", TargetConfig.empty()));
        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("example-emulator"));
        assertThat(e, instanceOf(IllegalArgumentException.class));
    }
}
