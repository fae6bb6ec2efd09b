package chime.conformance.reports.compare;

import java.util.Locale;

/**
 * One scenario or rule whose status differs between two runs.
 *
 * @param subject {@code scenario} or {@code rule}
 * @param id      the scenario ID or rule ID
 * @param name    the scenario name, or the rule's area
 * @param before  its status in run A, or null when absent there
 * @param after   its status in run B, or null when absent there
 * @param kind    how it changed
 * @param detail  what B says about it: the error message's first line or the reason, or null
 */
public record Change(String subject, String id, String name, String before, String after, ChangeKind kind, String detail) {

    public static final String SCENARIO = "scenario";
    public static final String RULE = "rule";

    public String beforeCss() {
        return css(before);
    }

    public String afterCss() {
        return css(after);
    }

    private static String css(String status) {
        return status == null ? "absent" : status.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code PASS -> FAIL}, with {@code -} for absent. */
    public String transition() {
        return (before == null ? "-" : before) + " -> " + (after == null ? "-" : after);
    }
}
