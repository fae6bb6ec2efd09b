package chime.conformance.runner.coverage;

import chime.conformance.contract.Operations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The traceability gate of design sections 4 and 11: every rule of the registry names its public AWS
 * sources and is verified by a scenario or marked untestable with a reason; every scenario names existing
 * rules and documented operations; every documented operation is called by some scenario. A scenario here
 * is what Cucumber runs: a pickle, one per Example and one per row of a Scenario Outline, with the tags of
 * its Feature, Rule and Examples.
 */
final class CoverageGate {

    /** The 43 operations of the documentation (model-constraints, section 1), from the kit's one operation list. */
    static final List<String> DOCUMENTED_OPERATIONS = Operations.documented();

    /**
     * The kinds of source a rule may cite, in the order the summary counts them, with how it names them
     * (the registry's header comment says what each one is).
     */
    static final Map<String, String> SOURCE_KINDS = sourceKinds();

    static final String RULE_TAG = "@rule:";
    static final String OP_TAG = "@op:";
    static final String AREA_TAG = "@area:";

    private CoverageGate() {
    }

    private static Map<String, String> sourceKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("api-reference", "API reference");
        kinds.put("developer-guide", "developer guide");
        kinds.put("api-reference-web", "API Reference web page");
        kinds.put("service-model", "service model");
        kinds.put("aws-sample", "AWS sample");
        kinds.put("reported", "reported response");
        return Collections.unmodifiableMap(kinds);
    }

    /**
     * One entry of the rule registry, as far as the gate needs it.
     *
     * @param sourceKinds the kinds of the sources it cites, each once, in registry order
     */
    record Rule(String id, String area, String untestable, Set<String> sourceKinds) {
        Rule {
            sourceKinds = Collections.unmodifiableSet(new LinkedHashSet<>(sourceKinds));
        }

        boolean markedUntestable() {
            return untestable != null;
        }
    }

    /** The rule registry: areas in their documented order, and rules by ID. */
    record Registry(Map<String, String> areas, Map<String, Rule> rules, List<String> problems) {

        static Registry parse(String yaml) {
            JsonNode root;
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            } catch (IOException e) {
                throw new UncheckedIOException("the rule registry is not valid YAML: " + e.getMessage(), e);
            }
            Map<String, String> areas = new LinkedHashMap<>();
            root.path("areas").properties().forEach(e -> areas.put(e.getKey(), e.getValue().asText()));
            Map<String, Rule> rules = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (JsonNode entry : root.path("rules")) {
                String id = entry.path("id").asText("");
                if (id.isBlank()) {
                    problems.add("registry: an entry has no id: " + entry);
                    continue;
                }
                String area = id.contains("-") ? id.substring(0, id.lastIndexOf('-')) : id;
                if (!areas.containsKey(area)) {
                    problems.add("registry: rule " + id + " belongs to no area listed under 'areas'");
                }
                JsonNode reason = entry.get("untestable");
                String untestable = reason == null || reason.isNull() ? null : reason.asText();
                if (untestable != null && untestable.isBlank()) {
                    problems.add("registry: rule " + id + " is marked untestable without a reason");
                }
                Set<String> sourceKinds = checkSources(id, entry.get("sources"), problems);
                if (rules.put(id, new Rule(id, area, untestable, sourceKinds)) != null) {
                    problems.add("registry: rule " + id + " is listed twice");
                }
            }
            return new Registry(areas, rules, List.copyOf(problems));
        }

        /**
         * Design section 11: a rule rests on public AWS sources, each a known kind with a URL to read it at.
         * Returns the kinds the rule cites; adds a problem for a rule without sources and for each entry
         * that lacks its kind or URL, names an unknown kind or gives a URL that is not http(s).
         */
        private static Set<String> checkSources(String id, JsonNode sources, List<String> problems) {
            Set<String> kinds = new LinkedHashSet<>();
            if (sources == null || sources.isNull() || !sources.isArray() || sources.isEmpty()) {
                problems.add("registry: rule " + id + " names no sources");
                return kinds;
            }
            int n = 0;
            for (JsonNode source : sources) {
                n++;
                String where = "registry: rule " + id + ", source " + n;
                String kind = source.path("kind").asText("").strip();
                String url = source.path("url").asText("").strip();
                if (kind.isEmpty()) {
                    problems.add(where + " has no kind");
                } else if (!SOURCE_KINDS.containsKey(kind)) {
                    problems.add(where + " has the unknown kind '" + kind + "' (known: "
                            + String.join(", ", SOURCE_KINDS.keySet()) + ")");
                } else {
                    kinds.add(kind);
                }
                if (url.isEmpty()) {
                    problems.add(where + " has no url");
                } else if (!isWebUrl(url)) {
                    problems.add(where + " has a url that is not an http(s) address: " + url);
                }
            }
            return kinds;
        }

        private static boolean isWebUrl(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /** One scenario as Cucumber runs it, with every tag it inherits. */
    record ScenarioRef(String uri, long line, String name, Set<String> tags) {

        Set<String> values(String prefix) {
            return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        String where() {
            return uri + ":" + line + " \"" + name + "\"";
        }
    }

    /** The parsed feature files: their scenarios and anything that kept a file from parsing. */
    record FeatureSet(List<ScenarioRef> scenarios, List<String> problems) {
    }

    /** Parses feature files given as (path shown in messages, text). */
    static FeatureSet parse(Map<String, String> sources) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false).includeGherkinDocument(true).includePickles(true).build();
        List<ScenarioRef> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
            String uri = source.getKey();
            List<Envelope> envelopes = parser.parse(uri, source.getValue().getBytes(StandardCharsets.UTF_8))
                    .toList();
            Map<String, Long> lines = new LinkedHashMap<>();
            for (Envelope envelope : envelopes) {
                envelope.getGherkinDocument().ifPresent(doc -> collectLines(doc, lines));
                envelope.getParseError().ifPresent(error -> problems.add(uri
                        + error.getSource().getLocation().map(l -> ":" + l.getLine()).orElse("")
                        + ": does not parse: " + error.getMessage()));
            }
            for (Envelope envelope : envelopes) {
                envelope.getPickle().ifPresent(pickle -> scenarios.add(toRef(uri, pickle, lines)));
            }
        }
        return new FeatureSet(List.copyOf(scenarios), List.copyOf(problems));
    }

    private static ScenarioRef toRef(String uri, Pickle pickle, Map<String, Long> lines) {
        // An Outline row's pickle names the scenario first and the row last: the row's line is the one to show.
        List<String> ids = pickle.getAstNodeIds();
        long line = ids.isEmpty() ? 0 : lines.getOrDefault(ids.get(ids.size() - 1), 0L);
        Set<String> tags = pickle.getTags().stream().map(PickleTag::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ScenarioRef(uri, line, pickle.getName(), tags);
    }

    private static void collectLines(GherkinDocument doc, Map<String, Long> lines) {
        doc.getFeature().map(Feature::getChildren).orElse(List.of()).forEach(child -> collectLines(child, lines));
    }

    private static void collectLines(FeatureChild child, Map<String, Long> lines) {
        child.getScenario().ifPresent(s -> collectLines(s, lines));
        child.getRule().ifPresent(rule -> rule.getChildren().stream().map(RuleChild::getScenario)
                .forEach(s -> s.ifPresent(scenario -> collectLines(scenario, lines))));
    }

    private static void collectLines(Scenario scenario, Map<String, Long> lines) {
        lines.put(scenario.getId(), scenario.getLocation().getLine());
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                lines.put(row.getId(), row.getLocation().getLine());
            }
        }
    }

    /** What the gate found: its problems (none: the gate passes) and the coverage figures. */
    record Result(List<String> problems, String summary) {

        boolean passed() {
            return problems.isEmpty();
        }

        String report() {
            StringBuilder out = new StringBuilder("The coverage gate found ").append(problems.size())
                    .append(problems.size() == 1 ? " problem:" : " problems:");
            problems.forEach(p -> out.append("\n  - ").append(p));
            return out.append("\n").append(summary).toString();
        }
    }

    static Result check(FeatureSet features, Registry registry, List<String> operations) {
        List<String> problems = new ArrayList<>(features.problems());
        problems.addAll(registry.problems());
        Set<String> knownOperations = Set.copyOf(operations);
        Map<String, List<ScenarioRef>> byRule = new TreeMap<>();
        Map<String, Integer> byArea = new LinkedHashMap<>();
        registry.areas().keySet().forEach(a -> byArea.put(a, 0));
        Set<String> calledOperations = new TreeSet<>();

        for (ScenarioRef scenario : features.scenarios()) {
            Set<String> rules = scenario.values(RULE_TAG);
            Set<String> ops = scenario.values(OP_TAG);
            Set<String> areas = scenario.values(AREA_TAG);
            if (rules.isEmpty()) {
                problems.add(scenario.where() + ": carries no @rule: tag");
            }
            for (String rule : rules) {
                if (registry.rules().containsKey(rule)) {
                    byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(scenario);
                } else {
                    problems.add(scenario.where() + ": @rule:" + rule + " is not a rule of the registry");
                }
            }
            if (ops.isEmpty()) {
                problems.add(scenario.where() + ": carries no @op: tag");
            }
            for (String op : ops) {
                if (knownOperations.contains(op)) {
                    calledOperations.add(op);
                } else {
                    problems.add(scenario.where() + ": @op:" + op + " names no documented operation");
                }
            }
            if (areas.isEmpty()) {
                problems.add(scenario.where() + ": carries no @area: tag");
            } else if (areas.size() > 1) {
                problems.add(scenario.where() + ": carries several @area: tags " + areas);
            }
            for (String area : areas) {
                if (byArea.containsKey(area)) {
                    byArea.merge(area, 1, Integer::sum);
                } else {
                    problems.add(scenario.where() + ": @area:" + area + " is not an area of the registry");
                }
            }
        }

        int covered = 0;
        int untestable = 0;
        Map<String, int[]> rulesByArea = new LinkedHashMap<>();
        registry.areas().keySet().forEach(a -> rulesByArea.put(a, new int[3]));
        for (Rule rule : registry.rules().values()) {
            List<ScenarioRef> verifying = byRule.getOrDefault(rule.id(), List.of());
            int[] counts = rulesByArea.computeIfAbsent(rule.area(), a -> new int[3]);
            counts[2]++;
            if (rule.markedUntestable()) {
                untestable++;
                counts[1]++;
                if (!verifying.isEmpty()) {
                    problems.add("rule " + rule.id() + " is marked untestable, yet scenarios verify it: "
                            + verifying.stream().map(ScenarioRef::where).collect(Collectors.joining(", ")));
                }
            } else if (verifying.isEmpty()) {
                problems.add("rule " + rule.id() + " has no scenario and is not marked untestable");
            } else {
                covered++;
                counts[0]++;
            }
        }
        for (String op : operations) {
            if (!calledOperations.contains(op)) {
                problems.add("operation " + op + " appears in no scenario");
            }
        }

        StringBuilder summary = new StringBuilder()
                .append("Coverage: ").append(covered).append(" covered / ").append(untestable)
                .append(" untestable / ").append(registry.rules().size()).append(" rules; ")
                .append(calledOperations.size()).append('/').append(operations.size()).append(" operations; ")
                .append(features.scenarios().size()).append(" scenarios");
        for (Map.Entry<String, int[]> area : rulesByArea.entrySet()) {
            int[] c = area.getValue();
            summary.append(String.format("%n  %-5s %4d scenarios   %3d/%d rules covered, %d untestable",
                    area.getKey(), byArea.getOrDefault(area.getKey(), 0), c[0], c[2], c[1]));
        }
        summary.append(String.format("%nSources (rules citing each kind):"));
        for (Map.Entry<String, String> kind : SOURCE_KINDS.entrySet()) {
            long citing = registry.rules().values().stream().filter(r -> r.sourceKinds().contains(kind.getKey())).count();
            summary.append(String.format("%n  %s: %d rules", kind.getValue(), citing));
        }
        return new Result(List.copyOf(problems), summary.toString());
    }

    /**
     * Reads {@code <root>/rules.yaml} and every {@code .feature} below {@code <root>} from the classpath,
     * whether the features module is a directory (a build in the reactor) or a jar.
     */
    static Result checkClasspath(String root) {
        URL registryUrl = Thread.currentThread().getContextClassLoader().getResource(root + "/rules.yaml");
        if (registryUrl == null) {
            throw new IllegalStateException("no " + root + "/rules.yaml on the classpath");
        }
        try {
            URI registryUri = registryUrl.toURI();
            if ("jar".equals(registryUri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(registryUri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(registryUri);
                }
                try {
                    return checkDirectory(jar.getPath("/" + root), root);
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            }
            return checkDirectory(Path.of(registryUri).getParent(), root);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the features from " + registryUrl + ": " + e, e);
        }
    }

    private static Result checkDirectory(Path dir, String root) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Iterator<Path> it = files.filter(p -> p.toString().endsWith(".feature")).iterator(); it.hasNext(); ) {
                Path file = it.next();
                String shown = root + "/" + dir.relativize(file).toString().replace('\\', '/');
                sources.put(shown, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Registry registry = Registry.parse(Files.readString(dir.resolve("rules.yaml"), StandardCharsets.UTF_8));
        return check(parse(sources), registry, DOCUMENTED_OPERATIONS);
    }
}
