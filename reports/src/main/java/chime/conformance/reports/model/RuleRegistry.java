package chime.conformance.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rule registry ({@code features/rules.yaml}): every documented rule and the area titles. */
public final class RuleRegistry {

    /** Where the features module packages the registry. */
    public static final String CLASSPATH_LOCATION = "features/rules.yaml";

    private final Map<String, String> areaTitles;
    private final Map<String, Rule> rules;

    public RuleRegistry(Map<String, String> areaTitles, List<Rule> rules) {
        this.areaTitles = Collections.unmodifiableMap(new LinkedHashMap<>(areaTitles));
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("Rule " + rule.id() + " appears twice in the registry");
            }
        }
        this.rules = Collections.unmodifiableMap(byId);
    }

    public static RuleRegistry empty() {
        return new RuleRegistry(Map.of(), List.of());
    }

    /** Loads the registry packaged on the classpath by the features module. */
    public static RuleRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RuleRegistry.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("The rule registry " + CLASSPATH_LOCATION
                        + " is not on the classpath (is chime-conformance-features a dependency?)");
            }
            return parse(in, "classpath:" + CLASSPATH_LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + CLASSPATH_LOCATION, e);
        }
    }

    public static RuleRegistry load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    private static RuleRegistry parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException(source + ": not a rule registry (expected a mapping with areas and rules)");
        }
        Map<String, String> areas = new LinkedHashMap<>();
        root.path("areas").fields().forEachRemaining(e -> areas.put(e.getKey(), e.getValue().asText()));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : root.path("rules")) {
            String id = text(node, "id");
            if (id == null) {
                throw new IOException(source + ": a rule has no id");
            }
            String kindText = text(node, "kind");
            Kind kind;
            try {
                kind = Kind.valueOf(kindText);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IOException(source + ": rule " + id + " has kind " + kindText + ", expected S, I, A or M");
            }
            String scope = text(node, "operations");
            rules.add(new Rule(id, areaOf(id), kind, Operations.mentionedIn(scope), text(node, "doc"),
                    text(node, "expectation"), text(node, "notes"), text(node, "untestable"), scope,
                    sources(node, id, source)));
        }
        return new RuleRegistry(areas, rules);
    }

    /** The rule's sources; the coverage gate is where a rule without any fails the build. */
    private static List<Source> sources(JsonNode rule, String id, String source) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (JsonNode node : rule.path("sources")) {
            String kindText = text(node, "kind");
            SourceKind kind = SourceKind.byId(kindText == null ? "" : kindText.strip()).orElseThrow(() -> new IOException(
                    source + ": rule " + id + " cites a source of kind " + kindText + ", expected one of "
                            + Arrays.stream(SourceKind.values()).map(SourceKind::id).toList()));
            sources.add(new Source(kind, text(node, "url"), text(node, "says")));
        }
        return sources;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The area of a rule ID is everything before its number: {@code AUTH-001} is in AUTH. */
    public static String areaOf(String ruleId) {
        int dash = ruleId.lastIndexOf('-');
        return dash > 0 ? ruleId.substring(0, dash) : ruleId;
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }

    /** Every rule, in registry order. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** Area ID to title, in registry order. */
    public Map<String, String> areaTitles() {
        return areaTitles;
    }

    public String areaTitle(String area) {
        return areaTitles.getOrDefault(area, area);
    }

    /** Areas in registry order, followed by any area a rule uses without a title. */
    public List<String> areas() {
        List<String> areas = new ArrayList<>(areaTitles.keySet());
        for (Rule rule : rules.values()) {
            if (!areas.contains(rule.area())) {
                areas.add(rule.area());
            }
        }
        return List.copyOf(areas);
    }

    public int size() {
        return rules.size();
    }
}
