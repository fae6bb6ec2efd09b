package chime.conformance.runner.report;

import chime.conformance.reports.model.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kit's one redaction ({@link Redaction}) on the outputs Cucumber writes itself, which carry failure
 * messages and wire evidence too: JUnit XML and the message stream, where evidence attached as bytes travels
 * base64-encoded (decoded, redacted and encoded again). Then, over every file of the report directory, the
 * credential values of the run, whatever wrote them.
 */
final class OutputRedaction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputRedaction() {
    }

    /** Redacts a run's report directory once every output is written. */
    static void finish(Path dir, Redaction redaction) throws IOException {
        redactText(dir.resolve("junit.xml"), redaction);
        redactMessages(dir.resolve("cucumber-messages.ndjson"), redaction);
        redactValues(dir);
    }

    static void redactText(Path file, Redaction redaction) throws IOException {
        if (Files.isRegularFile(file)) {
            Files.writeString(file, redaction.text(Files.readString(file, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        }
    }

    static void redactMessages(Path ndjson, Redaction redaction) throws IOException {
        if (!Files.isRegularFile(ndjson)) {
            return;
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            out.add(redactMessage(line, redaction));
        }
        Files.write(ndjson, out, StandardCharsets.UTF_8);
    }

    static String redactMessage(String line, Redaction redaction) throws IOException {
        if (line.contains("\"attachment\"") && line.contains("\"BASE64\"")) {
            JsonNode envelope = JSON.readTree(line);
            JsonNode attachment = envelope.get("attachment");
            if (attachment instanceof ObjectNode a && "BASE64".equals(a.path("contentEncoding").asText())
                    && isText(a.path("mediaType").asText())) {
                String body = new String(Base64.getDecoder().decode(a.path("body").asText()), StandardCharsets.UTF_8);
                a.put("body", Base64.getEncoder().encodeToString(redaction.text(body).getBytes(StandardCharsets.UTF_8)));
                return redaction.text(JSON.writeValueAsString(envelope));
            }
        }
        return redaction.text(line);
    }

    /**
     * The run's credential values out of every text file under {@code dir} (HTML pages, results.json, ...):
     * those outputs were redacted as they were written, this is the last line, for whatever slipped through.
     */
    static void redactValues(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!(name.endsWith(".html") || name.endsWith(".json") || name.endsWith(".xml") || name.endsWith(".ndjson")
                    || name.endsWith(".txt") || name.endsWith(".md"))) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String redacted = Redaction.secretValues(text);
            if (!redacted.equals(text)) {
                Files.writeString(file, redacted, StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.contains("xml");
    }
}
