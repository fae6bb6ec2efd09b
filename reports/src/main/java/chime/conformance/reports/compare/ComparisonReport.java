package chime.conformance.reports.compare;

import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.render.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a comparison as {@code compare.html} (for people) and {@code compare.txt} (for logs). */
public final class ComparisonReport {

    public static final String HTML = "compare.html";
    public static final String TEXT = "compare.txt";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Comparison comparison;
    private final String labelA;
    private final String labelB;

    /**
     * @param labelA how to name run A to a reader, e.g. the path it was read from
     * @param labelB how to name run B
     */
    private static final Redaction UNTRUSTED = Redaction.of(false);

    private final List<Run> history;

    /** A run of the history a trend is drawn over, and how to name it to a reader. */
    public record Run(String label, RunResults results) {
    }

    public ComparisonReport(Comparison comparison, String labelA, String labelB) {
        this(comparison, labelA, labelB, List.of(new Run(labelA, comparison.before()),
                new Run(labelB, comparison.after())));
    }

    /**
     * @param history every run to draw the trend over, oldest first, ending with A and B (two or more)
     */
    public ComparisonReport(Comparison comparison, String labelA, String labelB, List<Run> history) {
        this.comparison = comparison;
        this.labelA = labelA;
        this.labelB = labelB;
        this.history = List.copyOf(history);
    }

    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path html = directory.resolve(HTML);
        Templates.get().renderTo("compare.vm", model(), html);
        // The names, IDs and details come from results files, which anyone may have written: escaped for HTML by
        // the template, redacted and stripped of control characters here, as the text is.
        Files.writeString(html, UNTRUSTED.untrusted(Files.readString(html, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(TEXT), text(), StandardCharsets.UTF_8);
    }

    /** A side of the comparison, for the template. */
    public record Side(String label, RunResults run, String started) {
    }

    /** One status and how many scenarios had it in A and in B. */
    public record CountRow(String status, String cssClass, int before, int after, String delta) {
    }

    /** One kind of change with its scenario and rule changes. */
    public record Section(ChangeKind kind, List<Change> scenarios, List<Change> rules) {
    }

    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("a", side(labelA, comparison.before()));
        model.put("b", side(labelB, comparison.after()));
        List<CountRow> counts = new ArrayList<>();
        for (Status status : Status.values()) {
            int before = comparison.before().counts().scenarios(status);
            int after = comparison.after().counts().scenarios(status);
            counts.add(new CountRow(status.name(), status.cssClass(), before, after,
                    after == before ? "" : String.format(Locale.ROOT, "%+d", after - before)));
        }
        model.put("counts", counts);
        List<Section> sections = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            sections.add(new Section(kind, comparison.scenarioChanges(kind), comparison.ruleChanges(kind)));
        }
        model.put("sections", sections);
        model.put("scenarioCounts", comparison.scenarioCounts());
        model.put("ruleCounts", comparison.ruleCounts());
        model.put("regressions", comparison.regressions().size());
        model.put("tentativeRegressions", comparison.tentativeRegressions().size());
        model.put("kinds", List.of(ChangeKind.values()));
        List<chime.conformance.reports.render.Charts.TrendRun> runs = new ArrayList<>();
        for (Run run : history) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (Status status : Status.values()) {
                byStatus.put(status.name(), run.results().counts().scenarios(status));
            }
            runs.add(new chime.conformance.reports.render.Charts.TrendRun(run.label(), side(run.label(),
                    run.results()).started(), run.results().verdict().name(), byStatus));
        }
        List<chime.conformance.reports.render.Charts.Category> categories = new ArrayList<>();
        for (Status status : List.of(Status.PASS, Status.XPASS, Status.FLAKY, Status.XFAIL, Status.NOT_APPLICABLE,
                Status.ERROR, Status.FAIL)) {
            categories.add(new chime.conformance.reports.render.Charts.Category(status.name(), status.label(),
                    status.cssClass()));
        }
        model.put("trend", chime.conformance.reports.render.Charts.trend("trend",
                "Scenarios by status over " + runs.size() + " runs, oldest first; the line: scenarios that hold",
                runs, categories, java.util.Set.of(Status.PASS.name(), Status.XPASS.name(), Status.FLAKY.name())));
        model.put("history", history);
        return model;
    }

    private static Side side(String label, RunResults run) {
        return new Side(label, run, run.start() == null ? "unknown" : DATE.format(run.start()));
    }

    /**
     * The comparison as plain text: a summary, then each change on one line. What comes from the results
     * files (labels, names, IDs, details) is redacted and cannot carry control characters to a terminal.
     */
    public String text() {
        return UNTRUSTED.untrusted(rawText());
    }

    private String rawText() {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(describe(labelA, comparison.before())).append('\n');
        out.append("B: ").append(describe(labelB, comparison.after())).append('\n');
        out.append('\n');
        out.append("Scenarios: ").append(summary(comparison.scenarioCounts())).append('\n');
        out.append("Rules:     ").append(summary(comparison.ruleCounts())).append('\n');
        if (comparison.isEmpty()) {
            out.append("\nNo scenario or rule changed status.\n");
        }
        for (ChangeKind kind : ChangeKind.values()) {
            List<Change> changes = new ArrayList<>(comparison.scenarioChanges(kind));
            changes.addAll(comparison.ruleChanges(kind));
            if (changes.isEmpty()) {
                continue;
            }
            out.append('\n').append(kind.title().toUpperCase(Locale.ROOT)).append(" (").append(changes.size()).append(")\n");
            for (Change change : changes) {
                out.append(String.format(Locale.ROOT, "  %-8s %-30s %s", change.subject(), change.transition(), change.id()));
                if (change.subject().equals(Change.SCENARIO)) {
                    out.append("  \"").append(change.name()).append('"');
                }
                out.append('\n');
                if (change.detail() != null) {
                    out.append("           ").append(change.detail()).append('\n');
                }
            }
        }
        out.append('\n').append(comparison.hasRegressions()
                ? comparison.regressions().size() + " regression(s).\n" : "No regressions.\n");
        int tentative = comparison.tentativeRegressions().size();
        if (tentative > 0) {
            out.append(tentative).append(" tentative regression(s): where AWS documents nothing, the target now reads"
                    + " a case otherwise than the kit; they fail only a strict comparison (--strict).\n");
        }
        return out.toString();
    }

    private static String describe(String label, RunResults run) {
        return label + " - target " + run.target().name() + ", kit " + run.kit().version() + " (" + run.kit().commit()
                + "), started " + (run.start() == null ? "unknown" : DATE.format(run.start()))
                + ", " + run.scenarios().size() + " scenarios, verdict " + run.verdict();
    }

    private static String summary(Map<ChangeKind, Integer> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, n) -> out.append(out.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return out.toString();
    }
}
