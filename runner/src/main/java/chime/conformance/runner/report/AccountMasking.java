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

/**
 * With {@code --mask-account}, the outputs Cucumber writes itself (JUnit XML, the message stream) get the
 * same masking as the kit's report: they carry failure messages and the wire evidence, where ARNs name the
 * account. Evidence attached as bytes travels base64-encoded in the message stream, so it is decoded, masked
 * and encoded again.
 */
final class AccountMasking {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Redaction MASK = Redaction.of(true);

    private AccountMasking() {
    }

    static void maskText(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            Files.writeString(file, MASK.text(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }

    static void maskMessages(Path ndjson) throws IOException {
        if (!Files.isRegularFile(ndjson)) {
            return;
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            out.add(maskMessage(line));
        }
        Files.write(ndjson, out, StandardCharsets.UTF_8);
    }

    static String maskMessage(String line) throws IOException {
        if (line.contains("\"attachment\"") && line.contains("\"BASE64\"")) {
            JsonNode envelope = JSON.readTree(line);
            JsonNode attachment = envelope.get("attachment");
            if (attachment instanceof ObjectNode a && "BASE64".equals(a.path("contentEncoding").asText())
                    && isText(a.path("mediaType").asText())) {
                String body = new String(Base64.getDecoder().decode(a.path("body").asText()), StandardCharsets.UTF_8);
                a.put("body", Base64.getEncoder().encodeToString(MASK.text(body).getBytes(StandardCharsets.UTF_8)));
                return MASK.text(JSON.writeValueAsString(envelope));
            }
        }
        return MASK.text(line);
    }

    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.contains("xml");
    }
}
