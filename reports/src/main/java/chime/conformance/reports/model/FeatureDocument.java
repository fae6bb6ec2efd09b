package chime.conformance.reports.model;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;

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

/**
 * A parsed feature file: its name, description, source text, and the stable ID of every scenario
 * (or outline example row) by the line Cucumber reports for it.
 */
public final class FeatureDocument {

    private final String path;
    private final String name;
    private final String description;
    private final String source;
    private final Map<Integer, String> idsByLine;

    private FeatureDocument(String path, String name, String description, String source, Map<Integer, String> idsByLine) {
        this.path = path;
        this.name = name;
        this.description = description;
        this.source = source;
        this.idsByLine = Collections.unmodifiableMap(idsByLine);
    }

    /** Parses a feature; a source that does not parse yields a document without scenarios. */
    public static FeatureDocument parse(String path, String source) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false).includePickles(false).includeGherkinDocument(true).build();
        Optional<Feature> feature = parser.parse(path, source.getBytes(StandardCharsets.UTF_8))
                .map(Envelope::getGherkinDocument)
                .flatMap(Optional::stream)
                .map(GherkinDocument::getFeature)
                .flatMap(Optional::stream)
                .findFirst();
        if (feature.isEmpty()) {
            return new FeatureDocument(path, path, "", source, Map.of());
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
                source, assignIds(path, scenarios));
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
}
