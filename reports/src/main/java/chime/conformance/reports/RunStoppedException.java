package chime.conformance.reports;

/**
 * The run was stopped before this scenario ran (too many scenarios in a row ended in ERROR): the scenario is
 * reported as ERROR, not run, and says why.
 */
public class RunStoppedException extends HarnessException {

    public RunStoppedException(String message) {
        super(message);
    }
}
