package chime.conformance.runner.steps;

import chime.conformance.runner.wire.WireCapture;
import chime.conformance.runner.wire.WireLog;
import chime.conformance.runner.world.World;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Wire evidence (design section 5): every HTTP exchange of a scenario is recorded into its
 * {@link World#wire()} log, and a failed scenario carries the log as an attachment the report renders.
 */
public class WireHooks {

    private final World world;

    public WireHooks(World world) {
        this.world = world;
    }

    /** First of all hooks, so that fixture provisioning is recorded too. */
    @Before(order = -1000)
    public void recordTheWire() {
        WireCapture.bind(world.wire());
    }

    /** Before the cleanup hook (After hooks run from the highest order down), so cleanup calls stay out. */
    @After(order = 1000)
    public void attachTheWireToAFailure(Scenario scenario) {
        if (scenario.isFailed() && !world.wire().isEmpty()) {
            scenario.attach(world.wire().toJson(world.castNames()), WireLog.MEDIA_TYPE, "wire");
        }
    }

    /** Last of all hooks: this thread runs other scenarios next. */
    @After(order = -1000)
    public void stopRecording() {
        WireCapture.unbind();
    }
}
