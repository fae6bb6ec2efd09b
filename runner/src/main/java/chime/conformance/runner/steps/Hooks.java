package chime.conformance.runner.steps;

import chime.conformance.runner.target.Capability;
import chime.conformance.runner.world.World;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/** Scenario lifecycle: capability checks before, fixture cleanup after. */
public class Hooks {

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    /**
     * A scenario tagged {@code @requires:<capability>} on a target without it is NOT_APPLICABLE: it is
     * aborted before any step runs, and the report says which capability was missing.
     */
    @Before(order = 0)
    public void requireCapabilities(Scenario scenario) {
        world.scenarioTags(scenario.getSourceTagNames());
        List<String> missing = new ArrayList<>();
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@requires:")) {
                Capability needed = Capability.fromTag(tag.substring("@requires:".length()));
                if (!world.target().has(needed)) {
                    missing.add(needed.tag());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new TestAbortedException("NOT_APPLICABLE: target " + world.target().name()
                    + " lacks capability " + String.join(", ", missing));
        }
    }

    @After(order = 0)
    public void cleanUp() {
        world.close();
    }
}
