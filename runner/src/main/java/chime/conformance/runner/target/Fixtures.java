package chime.conformance.runner.target;

/** Provisions what scenarios need through the identity API. */
public interface Fixtures {

    /** A scope for one scenario; {@code label} is used to make names unique and traceable. */
    AppInstanceScope newScope(String label);
}
