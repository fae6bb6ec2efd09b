package chime.conformance.reports.render;

import chime.conformance.reports.RunStoppedException;
import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The end of a run's console output, for a person who scrolled past hundreds of progress lines: every
 * scenario that failed or errored, the required ones first and the tentative ones apart, each with its
 * rules, why in one line, and the page of the report that shows it.
 * <pre>
 * Failures: 2 required, 1 tentative (details: /path/report/index.html#failures)
 *   FAIL   bans/banning.feature:12  A banned member is no longer a member
 *          rules BAN-002 | expected no membership of Bob but found one
 *          /path/report/features/bans-banning.html#a-banned-member-is-no-longer-a-member
 * </pre>
 * Scenarios the run did not start because it stopped early are summed up in one line.
 */
public final class ConsoleRecap {

    /** At most this many scenarios are listed per level; the report lists them all. */
    public static final int MAX_LISTED = 50;

    private static final int MAX_REASON = 160;

    private ConsoleRecap() {
    }

    /** The recap, or an empty string when nothing failed. */
    public static String of(RunResults results, Path reportDir) {
        List<ScenarioResult> failures = results.failures();
        if (failures.isEmpty()) {
            return "";
        }
        Path root = reportDir.toAbsolutePath().normalize();
        List<ScenarioResult> required = failures.stream().filter(s -> s.level() == Level.REQUIRED).toList();
        List<ScenarioResult> tentative = failures.stream().filter(s -> s.level() == Level.TENTATIVE).toList();
        StringBuilder out = new StringBuilder();
        line(out, String.format(Locale.ROOT, "Failures: %d required, %d tentative (all of them: %s#failures)",
                required.size(), tentative.size(), root.resolve("index.html")));
        list(out, required, root);
        if (!tentative.isEmpty()) {
            line(out, "Tentative failures (a kit decision where AWS documents nothing; a FAIL here fails only a"
                    + (results.strict() ? " --strict run, like this one" : " --strict run") + "):");
            list(out, tentative, root);
        }
        return out.toString().stripTrailing();
    }

    private static void list(StringBuilder out, List<ScenarioResult> scenarios, Path root) {
        List<ScenarioResult> notRun = scenarios.stream()
                .filter(s -> RunStoppedException.class.getName().equals(s.errorType())).toList();
        List<ScenarioResult> listed = scenarios.stream().filter(s -> !notRun.contains(s)).toList();
        int shown = 0;
        for (ScenarioResult s : listed) {
            if (shown++ == MAX_LISTED) {
                line(out, "  ... and " + (listed.size() - MAX_LISTED) + " more: see the report");
                break;
            }
            line(out, String.format(Locale.ROOT, "  %-6s %s:%d  %s", s.status().name(), s.feature(), s.line(),
                    s.name()));
            String reason = s.oneLineReason(MAX_REASON);
            line(out, "         " + (s.rules().isEmpty() ? "no rule" : "rules " + String.join(", ", s.rules()))
                    + (reason == null ? "" : " | " + reason));
            line(out, "         " + root.resolve(ScenarioIds.featurePage(s.feature())) + "#"
                    + ScenarioIds.anchor(s.id()));
        }
        if (!notRun.isEmpty()) {
            line(out, "  ERROR  " + notRun.size() + " scenario(s) not run: " + notRun.get(0).oneLineReason(MAX_REASON));
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
