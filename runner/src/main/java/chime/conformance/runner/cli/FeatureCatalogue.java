package chime.conformance.runner.cli;

import chime.conformance.reports.model.FeatureDocument;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenarios the kit carries, read from the features on the class path before a run: their tags (each
 * scenario's own and inherited ones, as Cucumber filters on them) and their IDs. With it the command line
 * tells, before running anything, that a tag expression selects nothing, and suggests what was meant.
 */
public final class FeatureCatalogue {

    private static final String ROOT = "features";
    private static final Pattern TAG = Pattern.compile("@[^\\s()]+");

    private final List<Set<String>> scenarioTags;
    private final Set<String> tags;
    private final Set<String> scenarioIds;

    FeatureCatalogue(List<Set<String>> scenarioTags, Set<String> scenarioIds) {
        this.scenarioTags = List.copyOf(scenarioTags);
        Set<String> all = new TreeSet<>();
        scenarioTags.forEach(all::addAll);
        this.tags = all;
        this.scenarioIds = Set.copyOf(scenarioIds);
    }

    /** Reads every {@code .feature} under {@code features/} on the class path, from a directory or a jar. */
    public static FeatureCatalogue load() {
        URL registry = Thread.currentThread().getContextClassLoader().getResource(ROOT + "/rules.yaml");
        if (registry == null) {
            throw new IllegalStateException("no " + ROOT + "/rules.yaml on the class path: the features are missing");
        }
        try {
            URI uri = registry.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    return read(jar.getPath("/" + ROOT));
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the features from " + registry + ": " + e.getMessage(), e);
        }
    }

    private static FeatureCatalogue read(Path dir) throws IOException {
        List<Set<String>> scenarioTags = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false)
                .includePickles(true).build();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Iterator<Path> it = files.filter(p -> p.toString().endsWith(".feature")).sorted().iterator(); it.hasNext(); ) {
                Path file = it.next();
                String path = dir.relativize(file).toString().replace('\\', '/');
                byte[] source = Files.readAllBytes(file);
                parser.parse(path, source).map(Envelope::getPickle).flatMap(Optional::stream)
                        .map(Pickle::getTags)
                        .forEach(t -> scenarioTags.add(Set.copyOf(t.stream().map(PickleTag::getName).toList())));
                ids.addAll(FeatureDocument.parse(path, new String(source, StandardCharsets.UTF_8)).idsByLine().values());
            }
        }
        return new FeatureCatalogue(scenarioTags, ids);
    }

    /** How many scenarios the tag expression selects. */
    public long matching(String expression) {
        Expression parsed = TagExpressionParser.parse(expression);
        return scenarioTags.stream().filter(t -> parsed.evaluate(List.copyOf(t))).count();
    }

    /** Every tag some scenario carries. */
    public Set<String> tags() {
        return tags;
    }

    public boolean hasScenario(String id) {
        return scenarioIds.contains(id);
    }

    public Set<String> scenarioIds() {
        return scenarioIds;
    }

    /** The tags an expression names that no scenario carries, in order. */
    public List<String> unknownTags(String expression) {
        List<String> unknown = new ArrayList<>();
        Matcher m = TAG.matcher(expression);
        while (m.find()) {
            String tag = m.group();
            if (!tags.contains(tag) && !unknown.contains(tag)) {
                unknown.add(tag);
            }
        }
        return unknown;
    }

    /** "no scenario is tagged @x; did you mean @y?" for each tag of the expression no scenario carries. */
    public List<String> tagProblems(String expression) {
        List<String> problems = new ArrayList<>();
        for (String tag : unknownTags(expression)) {
            problems.add("no scenario is tagged " + tag + closest(tag, tags).map(s -> "; did you mean " + s + "?")
                    .orElse(""));
        }
        return problems;
    }

    /**
     * The known word closest to {@code word}, when it is close enough to be what was meant: the same but for
     * case, or at most a few edits away (a quarter of its length, and at least 2).
     */
    public static Optional<String> closest(String word, Collection<String> known) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(candidate);
            }
        }
        int allowed = Math.max(2, word.length() / 4);
        return known.stream()
                .map(candidate -> Map.entry(candidate, distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= allowed)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
