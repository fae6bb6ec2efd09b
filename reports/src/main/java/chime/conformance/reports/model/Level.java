package chime.conformance.reports.model;

import java.util.Collection;
import java.util.Locale;

/**
 * How much a scenario's verdict weighs, as RFC 2119's MUST and SHOULD, or the Web Platform Tests'
 * {@code .tentative} tests (design section 11). A scenario is <em>required</em> when every rule it checks rests
 * on a public AWS source, <em>tentative</em> when it checks a kit decision where no source speaks (it is
 * tagged {@code @assumption}). The verdict, the exit code and the regression gate of {@code compare} count
 * required scenarios; tentative failures are reported apart and decide only a strict run, so that an
 * emulator author can act on every FAIL.
 */
public enum Level {
    /** Checks what public AWS sources state: a failure means the target does not behave as AWS documents. */
    REQUIRED("required"),
    /** Checks a kit decision where AWS documents nothing: a failure means the target reads it otherwise. */
    TENTATIVE("tentative");

    /** The tag of a scenario that checks a kit decision. */
    public static final String ASSUMPTION_TAG = "@assumption";

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level of a scenario with these tags (inherited ones included). */
    public static Level of(Collection<String> tags) {
        return tags != null && tags.contains(ASSUMPTION_TAG) ? TENTATIVE : REQUIRED;
    }

    /**
     * Whether a scenario of this level with this status makes a run fail. ERROR always does: the kit broke,
     * and a run must not pass over that, whatever the scenario checks. FAIL does for required scenarios; a
     * tentative FAIL, XPASS and FLAKY do in a strict run.
     */
    public boolean failsRun(Status status, boolean strict) {
        return switch (status) {
            case ERROR -> true;
            case FAIL -> this == REQUIRED || strict;
            case XPASS, FLAKY -> strict;
            default -> false;
        };
    }
}
