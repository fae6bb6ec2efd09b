package chime.conformance.runner.steps;

import chime.conformance.reports.HarnessException;
import chime.conformance.reports.RunStoppedException;
import chime.conformance.reports.plugin.ErrorStreak;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.World;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * Scenario lifecycle: capability checks (and whether the run was stopped) before, a check of the processor tags
 * and fixture cleanup after.
 */
public class Hooks {

    private final World world;
    private final ChannelFlowFixtures flows;

    public Hooks(Driver api) {
        this.world = api.world();
        this.flows = api.flows();
    }

    /**
     * A scenario tagged {@code @requires:<capability>} on a target without it is NOT_APPLICABLE: it is
     * aborted before any step runs, and the report says which capabilities were missing. The decision rests
     * on the tags alone (design section 12), so a scenario never starts on a target that cannot run it.
     */
    @Before(order = 0)
    public void requireCapabilities(Scenario scenario) {
        world.scenarioTags(scenario.getSourceTagNames());
        List<String> missing = new ArrayList<>();
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@requires:")) {
                Capability needed;
                try {
                    needed = Capability.fromTag(tag.substring("@requires:".length()));
                } catch (IllegalArgumentException e) {
                    throw new HarnessException("tag " + tag + ": " + e.getMessage(), e);
                }
                if (!world.target().has(needed) && !missing.contains(needed.tag())) {
                    missing.add(needed.tag());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new TestAbortedException("NOT_APPLICABLE: target " + world.target().name() + " lacks "
                    + String.join(", ", missing));
        }
        String stopped = ErrorStreak.stopReason();
        if (stopped != null) {
            // Nothing the scenario could find would be worth the wait: say why it did not run.
            throw new RunStoppedException("Not run: " + stopped);
        }
    }

    /**
     * The processor tags say what the scenario runs: after a scenario that passed, a behaviour it requires
     * but never named, or a behaviour it ran (on a target that shows invocations) without requiring it, is
     * a fault of the kit. The first would make the scenario NOT_APPLICABLE for nothing on targets without
     * the behaviour; the second would make it fail there instead of being NOT_APPLICABLE.
     */
    @After(order = 1)
    public void checkProcessorTags(Scenario scenario) {
        if (scenario.getStatus() != Status.PASSED) {
            return;
        }
        Set<ProcessorBehaviour> undeclared = flows.undeclaredUses();
        if (!undeclared.isEmpty()) {
            throw new HarnessException("the scenario runs the " + keys(undeclared) + " processor but does not"
                    + " require it: tag it " + tags(undeclared));
        }
        Set<ProcessorBehaviour> unused = flows.declaredButUnused();
        if (!unused.isEmpty()) {
            throw new HarnessException("the scenario requires " + tags(unused) + " but never uses that processor:"
                    + " remove the tag");
        }
    }

    private static String keys(Set<ProcessorBehaviour> behaviours) {
        return behaviours.stream().map(ProcessorBehaviour::key).collect(Collectors.joining(", "));
    }

    private static String tags(Set<ProcessorBehaviour> behaviours) {
        return behaviours.stream().map(b -> "@requires:" + Capability.of(b).tag()).collect(Collectors.joining(" "));
    }

    @After(order = 0)
    public void cleanUp() {
        world.close();
    }
}
