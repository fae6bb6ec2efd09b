package chime.conformance.reports.model;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Comment;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import io.cucumber.messages.types.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed feature file: its name, description, source text, and the stable ID of every scenario
 * (or outline example row) by the line Cucumber reports for it, with the comments that explain it.
 *
 * <p>The comments of a feature file say why a scenario expects what it does, above all where it checks a
 * kit decision ({@code @assumption}). A scenario's note is the comments that belong to it: the block right
 * above its tags and those inside it; failing that, those of its {@code Rule:} (right above it, or between
 * its keyword and its first scenario), then those of the feature.
 */
public final class FeatureDocument {

    private final String path;
    private final String name;
    private final String description;
    private final String source;
    private final Map<Integer, String> idsByLine;
    private final Map<Integer, String> notesByLine;

    private FeatureDocument(String path, String name, String description, String source, Map<Integer, String> idsByLine,
                            Map<Integer, String> notesByLine) {
        this.path = path;
        this.name = name;
        this.description = description;
        this.source = source;
        this.idsByLine = Collections.unmodifiableMap(idsByLine);
        this.notesByLine = Collections.unmodifiableMap(notesByLine);
    }

    /** Parses a feature; a source that does not parse yields a document without scenarios. */
    public static FeatureDocument parse(String path, String source) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false).includePickles(false).includeGherkinDocument(true).build();
        Optional<GherkinDocument> gherkin = parser.parse(path, source.getBytes(StandardCharsets.UTF_8))
                .map(Envelope::getGherkinDocument)
                .flatMap(Optional::stream)
                .findFirst();
        Optional<Feature> feature = gherkin.flatMap(GherkinDocument::getFeature);
        if (feature.isEmpty()) {
            return new FeatureDocument(path, path, "", source, Map.of(), Map.of());
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (FeatureChild child : feature.get().getChildren()) {
            child.getScenario().ifPresent(scenarios::add);
            child.getRule().ifPresent(rule -> {
                for (RuleChild ruleChild : rule.getChildren()) {
                    ruleChild.getScenario().ifPresent(scenarios::add);
                }
            });
        }
        return new FeatureDocument(path, feature.get().getName(),
                feature.get().getDescription() == null ? "" : feature.get().getDescription().strip(),
                source, assignIds(path, scenarios), Notes.of(gherkin.get(), source).byLine());
    }

    private static Map<Integer, String> assignIds(String path, List<Scenario> scenarios) {
        Map<Integer, String> ids = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Scenario scenario : scenarios) {
            String slug = ScenarioIds.slug(scenario.getName());
            List<TableRow> rows = new ArrayList<>();
            for (Examples examples : scenario.getExamples()) {
                rows.addAll(examples.getTableBody());
            }
            if (rows.isEmpty()) {
                int occurrence = occurrences.merge(slug, 1, Integer::sum);
                String candidate = occurrence == 1 ? slug : slug + "-" + occurrence;
                ids.put(line(scenario.getLocation().getLine()), ScenarioIds.id(path, unique(candidate, used)));
            } else {
                occurrences.merge(slug, 1, Integer::sum);
                for (int row = 0; row < rows.size(); row++) {
                    String candidate = slug + "-" + (row + 1);
                    ids.put(line(rows.get(row).getLocation().getLine()), ScenarioIds.id(path, unique(candidate, used)));
                }
            }
        }
        return ids;
    }

    /** Two different names can slug alike ("A b" and "A-b"): the later one gets a further suffix. */
    private static String unique(String candidate, Set<String> used) {
        String id = candidate;
        for (int n = 2; !used.add(id); n++) {
            id = candidate + "-" + n;
        }
        return id;
    }

    private static int line(Long line) {
        return line == null ? 0 : line.intValue();
    }

    public String path() {
        return path;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String source() {
        return source;
    }

    /** The stable ID of the scenario or example row Cucumber locates at this line. */
    public Optional<String> idAt(int line) {
        return Optional.ofNullable(idsByLine.get(line));
    }

    public Map<Integer, String> idsByLine() {
        return idsByLine;
    }

    /** The comments that explain the scenario or example row Cucumber locates at this line, if any. */
    public Optional<String> noteAt(int line) {
        return Optional.ofNullable(notesByLine.get(line));
    }

    /** The note of every scenario that has one, by its stable ID. */
    public Map<String, String> notesById() {
        Map<String, String> notes = new LinkedHashMap<>();
        idsByLine.forEach((line, id) -> {
            String note = notesByLine.get(line);
            if (note != null) {
                notes.put(id, note);
            }
        });
        return notes;
    }

    /**
     * Which comments belong to which scenario. The lines of a container (the feature, a rule) are cut into
     * consecutive regions, one per child (background, scenario, rule), each starting with the comment block
     * right above the child's tags; what comes before the first child's region is the container's header.
     */
    private static final class Notes {
        private final TreeMap<Integer, String> comments = new TreeMap<>();
        private final Map<Integer, String> byLine = new LinkedHashMap<>();

        static Notes of(GherkinDocument document, String source) {
            Notes notes = new Notes();
            for (Comment comment : document.getComments()) {
                String text = comment.getText().strip();
                while (text.startsWith("#")) {
                    text = text.substring(1);
                }
                notes.comments.put(line(comment.getLocation().getLine()), text.strip());
            }
            Feature feature = document.getFeature().orElseThrow();
            int end = (int) source.lines().count() + 1;
            int featureFrom = notes.boundary(start(feature.getLocation().getLine(), feature.getTags()));
            List<Span> children = new ArrayList<>();
            for (FeatureChild child : feature.getChildren()) {
                child.getBackground().ifPresent(b -> children.add(new Span(start(b.getLocation().getLine(), List.of()), null, null)));
                child.getScenario().ifPresent(sc -> children.add(new Span(start(sc.getLocation().getLine(), sc.getTags()), sc, null)));
                child.getRule().ifPresent(r -> children.add(new Span(start(r.getLocation().getLine(), r.getTags()), null, r)));
            }
            String featureHeader = notes.header(featureFrom, children, end);
            notes.assign(children, end, null, featureHeader);
            return notes;
        }

        Map<Integer, String> byLine() {
            return byLine;
        }

        private record Span(int start, Scenario scenario, io.cucumber.messages.types.Rule rule) {
        }

        private void assign(List<Span> children, int end, String ruleHeader, String featureHeader) {
            for (int i = 0; i < children.size(); i++) {
                Span child = children.get(i);
                int from = boundary(child.start());
                int to = i + 1 < children.size() ? boundary(children.get(i + 1).start()) : end;
                if (child.scenario() != null) {
                    String own = text(from, to);
                    String note = own != null ? own : ruleHeader != null ? ruleHeader : featureHeader;
                    if (note != null) {
                        for (int line : lines(child.scenario())) {
                            byLine.put(line, note);
                        }
                    }
                } else if (child.rule() != null) {
                    List<Span> inner = new ArrayList<>();
                    for (RuleChild ruleChild : child.rule().getChildren()) {
                        ruleChild.getBackground().ifPresent(b -> inner.add(new Span(start(b.getLocation().getLine(), List.of()), null, null)));
                        ruleChild.getScenario().ifPresent(sc -> inner.add(new Span(start(sc.getLocation().getLine(), sc.getTags()), sc, null)));
                    }
                    assign(inner, to, header(from, inner, to), featureHeader);
                }
            }
        }

        /** The comments from a container's boundary to its first child's region. */
        private String header(int from, List<Span> children, int end) {
            return text(from, children.isEmpty() ? end : boundary(children.get(0).start()));
        }

        /** Where the region of an element starting at {@code start} begins: at the comment block right above it. */
        private int boundary(int start) {
            int line = start;
            while (comments.containsKey(line - 1)) {
                line--;
            }
            return line;
        }

        private String text(int from, int to) {
            if (from >= to) {
                return null;
            }
            String joined = String.join(" ", comments.subMap(from, to).values()).strip();
            return joined.isEmpty() ? null : joined;
        }

        /** The lines Cucumber reports for a scenario: its own, or each example row's. */
        private static List<Integer> lines(Scenario scenario) {
            List<Integer> lines = new ArrayList<>();
            for (Examples examples : scenario.getExamples()) {
                examples.getTableBody().forEach(row -> lines.add(line(row.getLocation().getLine())));
            }
            if (lines.isEmpty()) {
                lines.add(line(scenario.getLocation().getLine()));
            }
            return lines;
        }

        private static int start(Long keywordLine, List<Tag> tags) {
            int start = line(keywordLine);
            for (Tag tag : tags) {
                start = Math.min(start, line(tag.getLocation().getLine()));
            }
            return start;
        }
    }
}
