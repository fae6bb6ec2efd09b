package chime.conformance.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code results.json}. */
public final class ResultsFile {

    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // One line: a machine reads this file (and `jq .` shows it indented); indentation was a fifth of it.
            // Readers of v1 accept fields added later within v1; a new major version changes the schema name.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsFile() {
    }

    /** Thrown when a file is not a results file this version of the kit can read. */
    public static final class InvalidResultsException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidResultsException(String message) {
            super(message);
        }

        public InvalidResultsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the results of a run from a {@code results.json} file, or from a report directory that
     * contains one.
     */
    public static RunResults read(Path fileOrDirectory) throws IOException {
        Path file = Files.isDirectory(fileOrDirectory) ? fileOrDirectory.resolve(FILE_NAME) : fileOrDirectory;
        if (!Files.isRegularFile(file)) {
            throw new InvalidResultsException(Files.isDirectory(fileOrDirectory)
                    ? fileOrDirectory + " contains no " + FILE_NAME + " (is it a report directory?)"
                    : file + " does not exist");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidResultsException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String schema = tree == null ? null : tree.path("schema").asText(null);
        if (!RunResults.SCHEMA.equals(schema)) {
            throw new InvalidResultsException(file + " has schema " + schema + "; this kit reads " + RunResults.SCHEMA);
        }
        RunResults results;
        try {
            results = MAPPER.treeToValue(tree, RunResults.class);
        } catch (JsonProcessingException e) {
            throw new InvalidResultsException(file + " does not follow " + RunResults.SCHEMA + ": " + e.getOriginalMessage(), e);
        }
        String problem = missingEssentials(results);
        if (problem != null) {
            throw new InvalidResultsException(file + " does not follow " + RunResults.SCHEMA + ": " + problem);
        }
        // Written before scenarios had levels: each scenario's level follows from its tags, and so do the counts.
        return tree.path("counts").has("levels") ? results : results.withLevelCounts();
    }

    /** What a reader cannot do without; null when everything is there. */
    private static String missingEssentials(RunResults results) {
        if (results.kit() == null) {
            return "no kit";
        }
        if (results.target() == null || results.target().name() == null) {
            return "no target name";
        }
        if (results.counts() == null) {
            return "no counts";
        }
        for (int i = 0; i < results.scenarios().size(); i++) {
            ScenarioResult scenario = results.scenarios().get(i);
            if (scenario.id() == null || scenario.status() == null || scenario.name() == null) {
                return "scenario " + (i + 1) + " lacks its id, name or status";
            }
        }
        for (int i = 0; i < results.rules().size(); i++) {
            RuleResult rule = results.rules().get(i);
            if (rule.id() == null || rule.status() == null) {
                return "rule " + (i + 1) + " lacks its id or status";
            }
        }
        return null;
    }

    /** Writes {@code results.json} into a directory, creating it if needed; returns the file. */
    public static Path write(RunResults results, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        MAPPER.writeValue(file.toFile(), results);
        return file;
    }

    public static String toJson(RunResults results) throws JsonProcessingException {
        return MAPPER.writeValueAsString(results);
    }
}
