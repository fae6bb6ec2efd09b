package chime.conformance.reports;

/**
 * The harness or its fixtures broke (provisioning failed, a step could not be set up): reported as ERROR,
 * never as a FAIL of the target.
 */
public class HarnessException extends RuntimeException {

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
