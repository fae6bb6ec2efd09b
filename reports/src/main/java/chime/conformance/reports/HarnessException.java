package chime.conformance.reports;

/**
 * Thrown by the runner when the kit itself breaks rather than the target: a fixture could not be
 * provisioned, a target could not be reached, the world was set up inconsistently.
 *
 * <p>The report classifies a scenario that fails with this exception (anywhere in its cause chain)
 * as ERROR, not FAIL: a FAIL is a statement about the target's conformance, and the kit must not
 * make such a statement when it could not run the check at all.
 */
public class HarnessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
