package chime.conformance.reports.plugin;

import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.WireExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the wire evidence a scenario attaches: a JSON array of
 * {@code {method, path, query, status, requestHeaders, requestBody, responseHeaders, responseBody}}
 * with media type {@value #MEDIA_TYPE}. Headers may be an object (name to value or list of values)
 * or an array of {@code {name, value}}; the query may be a string or an object. Everything is
 * redacted on the way in, so that nothing downstream can leak a credential by mistake.
 */
public final class WireEvidence {

    public static final String MEDIA_TYPE = "application/vnd.chime-conformance.wire+json";

    /** Bodies longer than this are cut: the report must stay readable and small. */
    static final int MAX_BODY = 16_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WireEvidence() {
    }

    public static List<WireExchange> parse(byte[] data, Redaction redaction) throws IOException {
        JsonNode root = JSON.readTree(data);
        List<WireExchange> exchanges = new ArrayList<>();
        if (root == null) {
            return exchanges;
        }
        if (root.isObject()) {
            exchanges.add(exchange(root, redaction));
        } else if (root.isArray()) {
            for (JsonNode node : root) {
                if (node.isObject()) {
                    exchanges.add(exchange(node, redaction));
                }
            }
        } else {
            throw new IOException("wire evidence is neither a JSON array nor an object");
        }
        return exchanges;
    }

    private static WireExchange exchange(JsonNode node, Redaction redaction) {
        JsonNode status = node.get("status");
        return new WireExchange(
                redaction.text(text(node.get("method"))),
                redaction.text(text(node.get("path"))),
                redaction.query(query(node.get("query"))),
                status != null && status.canConvertToInt() ? status.asInt() : null,
                headers(node.get("requestHeaders"), redaction),
                body(node.get("requestBody"), redaction),
                headers(node.get("responseHeaders"), redaction),
                body(node.get("responseBody"), redaction),
                redaction.text(text(node.get("operation"))),
                redaction.text(text(node.get("step"))),
                node.path("setUp").asBoolean(false),
                names(node.get("names"), redaction));
    }

    /** {@code {ARN: name}}: the scenario's names of the ARNs an exchange carries. */
    private static List<WireExchange.Name> names(JsonNode node, Redaction redaction) {
        List<WireExchange.Name> names = new ArrayList<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && !e.getKey().isEmpty()) {
                    names.add(new WireExchange.Name(redaction.text(e.getKey()), redaction.text(e.getValue().asText())));
                }
            }
        }
        return names;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String query(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return text(node);
        }
        StringBuilder query = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
                query.append(query.length() == 0 ? "" : "&").append(entry.getKey()).append('=').append(value.asText());
            }
        }
        return query.toString();
    }

    private static List<WireExchange.Header> headers(JsonNode node, Redaction redaction) {
        List<WireExchange.Header> headers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = entry.getValue();
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        headers.add(new WireExchange.Header(entry.getKey(), redaction.header(entry.getKey(), item.asText())));
                    }
                } else {
                    headers.add(new WireExchange.Header(entry.getKey(), redaction.header(entry.getKey(), text(value))));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String name = text(item.get("name"));
                headers.add(new WireExchange.Header(name, redaction.header(name, text(item.get("value")))));
            }
        }
        return headers;
    }

    private static String body(JsonNode node, Redaction redaction) {
        if (node == null || node.isNull()) {
            return null;
        }
        String body;
        if (node.isTextual()) {
            body = node.asText();
            String trimmed = body.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    body = JSON.writeValueAsString(JSON.readTree(trimmed));
                } catch (IOException notJson) {
                    // Shown as sent: a body that is not valid JSON is itself evidence.
                }
            }
        } else {
            try {
                body = JSON.writeValueAsString(node);
            } catch (IOException e) {
                body = node.toString();
            }
        }
        body = redaction.text(body);
        if (body.length() > MAX_BODY) {
            int total = body.getBytes(StandardCharsets.UTF_8).length;
            body = body.substring(0, MAX_BODY) + "\n... (truncated; " + total + " bytes in all)";
        }
        return body;
    }
}
