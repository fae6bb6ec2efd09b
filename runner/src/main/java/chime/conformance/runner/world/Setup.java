package chime.conformance.runner.world;

import java.util.function.Supplier;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;

/**
 * How Given steps establish roles: through Ada, the AppInstanceAdmin, who may do every moderator action
 * (AUTH-024). Setting the stage thus never depends on the permission rule a scenario is about.
 */
public final class Setup {

    private Setup() {
    }

    /** Runs a setup call that may already have happened on a service that does it implicitly. */
    public static void tolerateConflict(Supplier<?> call) {
        try {
            call.get();
        } catch (ConflictException alreadyThere) {
            // e.g. a service that makes a channel's creator a member: the state wanted holds already.
        }
    }
}
