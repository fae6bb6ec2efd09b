package chime.conformance.reports.expectations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes expectation files (YAML):
 * <pre>
 * target: my-emulator
 * expectations:
 *   - scenario: channels/privacy.feature#a-non-member-cannot-post
 *     reason: the emulator lets non-members post
 *     link: https://github.com/example/emulator/issues/12
 *   - rule: FLOW-007
 *     reason: channel flows are not implemented
 * </pre>
 */
public final class ExpectationsFile {

    private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ExpectationsFile() {
    }

    /** Reads a file; a malformed one is an error, never silently ignored. */
    public static Expectations read(Path file) throws IOException {
        JsonNode root;
        try {
            root = READER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot read expectation file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IOException("Expectation file " + file + " is empty");
        }
        if (!root.isObject()) {
            throw new IOException("Expectation file " + file + " must be a mapping with target and expectations");
        }
        String target = root.path("target").asText(null);
        if (target == null || target.isBlank()) {
            throw new IOException("Expectation file " + file + " names no target");
        }
        List<Expectation> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("expectations")) {
            index++;
            String scenario = text(node, "scenario");
            String rule = text(node, "rule");
            String reason = text(node, "reason");
            if ((scenario == null) == (rule == null)) {
                throw new IOException("Expectation file " + file + ", entry " + index
                        + ": name exactly one of scenario or rule");
            }
            if (reason == null || reason.isBlank()) {
                throw new IOException("Expectation file " + file + ", entry " + index + " (" + (scenario != null ? scenario : rule)
                        + "): a reason is required");
            }
            entries.add(new Expectation(scenario, rule, reason, text(node, "link")));
        }
        return new Expectations(target, entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"target", "expectations"})
    private record Document(String target, List<Expectation> expectations) {
    }

    public static String toYaml(Expectations expectations) throws IOException {
        String header = """
                # Known failures of the conformance kit on target "%s".
                # Each entry names a scenario ID (<feature path>#<slug>) or a rule ID, with the reason and a link.
                # Regenerate it from a run with the "expectations" command and review the change as a diff.
                """.formatted(expectations.target().replace("\n", " "));
        return header + WRITER.writeValueAsString(new Document(expectations.target(), expectations.entries()));
    }

    public static void write(Expectations expectations, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toYaml(expectations), StandardCharsets.UTF_8);
    }
}
