package chime.conformance.runner.target.reference;

import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetProvider;

/** {@code --target reference}: the reference implementation, in memory, in this process. */
public final class ReferenceTargetProvider implements TargetProvider {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "the reference implementation, in memory, in process";
    }

    @Override
    public Target open(String spec, TargetConfig config) {
        return new ReferenceTarget();
    }
}
