package chime.conformance.runner.target;

/** Provisions what scenarios need through the identity API. */
public interface Fixtures {

    /** A scope for one scenario; {@code label} is used to make names unique and traceable. */
    AppInstanceScope newScope(String label);

    /**
     * A scope for a scenario with these tags (e.g. {@code @op:ListChannels}), for fixtures whose scopes
     * differ by what the scenario does: where scenarios share an AppInstance, one that reads an
     * AppInstance-wide list needs an AppInstance of its own.
     */
    default AppInstanceScope newScope(String label, java.util.Collection<String> scenarioTags) {
        return newScope(label);
    }
}
