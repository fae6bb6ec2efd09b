package chime.conformance.runner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a target, from {@code --target-config FILE} (YAML) and command-line options. Every field is
 * optional; a target uses what it needs. Example:
 * <pre>
 * endpoint: http://127.0.0.1:8080
 * region: us-east-1
 * credentials: static            # static (dummy keys, the default for endpoints), default (SDK chain), profile:NAME
 * accessKeyId: AKIDEXAMPLE
 * secretAccessKey: example
 * capabilities: [flow-processors, wire]
 * processors:
 *   pass-through: arn:aws:lambda:us-east-1:111122223333:function:my-pass-through
 *   deny: arn:aws:lambda:...
 * consistency: PT5S              # bound for polling eventually-consistent reads
 * options:                       # target-specific, e.g. for the aws target:
 *   max-calls: 5000
 * </pre>
 *
 * <p>{@code options} carries target-specific settings given on the command line (e.g. the aws target's
 * confirmation to create resources and its call budget), so that the run command stays general: it passes
 * them on, and only the target that understands them reads them.
 */
public record TargetConfig(URI endpoint, String region, String credentials, String accessKeyId,
                           String secretAccessKey, Set<Capability> capabilities,
                           Map<ProcessorBehaviour, String> processors, Duration consistency,
                           String appInstanceArn, Path source, Map<String, String> options) {

    public TargetConfig {
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        processors = processors == null ? Map.of() : Map.copyOf(processors);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Without target-specific options: the config file's fields only. */
    public TargetConfig(URI endpoint, String region, String credentials, String accessKeyId, String secretAccessKey,
                        Set<Capability> capabilities, Map<ProcessorBehaviour, String> processors, Duration consistency,
                        String appInstanceArn, Path source) {
        this(endpoint, region, credentials, accessKeyId, secretAccessKey, capabilities, processors, consistency,
                appInstanceArn, source, null);
    }

    public static TargetConfig empty() {
        return new TargetConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A target-specific option from the command line, or null. */
    public String option(String name) {
        return options.get(name);
    }

    public TargetConfig withOption(String name, String value) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(options);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new TargetConfig(endpoint, region, credentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, changed);
    }

    /** {@code credentials} as in the config file: static, default or profile:NAME. */
    public TargetConfig withCredentials(String newCredentials) {
        return new TargetConfig(endpoint, region, newCredentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, options);
    }

    public String regionOr(String fallback) {
        return region == null || region.isBlank() ? fallback : region;
    }

    public TargetConfig withEndpoint(URI newEndpoint) {
        return new TargetConfig(newEndpoint, region, credentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, options);
    }

    public TargetConfig withRegion(String newRegion) {
        return new TargetConfig(endpoint, newRegion, credentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, options);
    }

    /** Reads a YAML target config; every error names the file and the field. */
    public static TargetConfig load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read target config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("target config " + file + " must be a YAML mapping");
        }
        Set<String> known = Set.of("endpoint", "region", "credentials", "accessKeyId", "secretAccessKey",
                "capabilities", "processors", "consistency", "appInstanceArn", "options");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new IllegalArgumentException("target config " + file + ": unknown field '" + field
                        + "'; known fields: " + known);
            }
        }
        try {
            URI endpoint = text(root, "endpoint") == null ? null : URI.create(text(root, "endpoint"));
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            if (root.has("capabilities")) {
                root.get("capabilities").forEach(n -> caps.add(Capability.fromTag(n.asText())));
            }
            Map<ProcessorBehaviour, String> procs = new EnumMap<>(ProcessorBehaviour.class);
            if (root.has("processors")) {
                root.get("processors").fields().forEachRemaining(e ->
                        procs.put(ProcessorBehaviour.fromKey(e.getKey()), e.getValue().asText()));
            }
            Duration consistency = text(root, "consistency") == null ? null : Duration.parse(text(root, "consistency"));
            Map<String, String> options = new java.util.LinkedHashMap<>();
            if (root.has("options")) {
                if (!root.get("options").isObject()) {
                    throw new IllegalArgumentException("options must be a mapping of names to values");
                }
                root.get("options").fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith("yes-")) {
                        // A confirmation is a decision made for one run, not a setting kept in a file.
                        throw new IllegalArgumentException("option '" + e.getKey()
                                + "' is a confirmation: give it on the command line (--" + e.getKey() + ")");
                    }
                    options.put(e.getKey(), e.getValue().asText());
                });
            }
            return new TargetConfig(endpoint, text(root, "region"), text(root, "credentials"),
                    text(root, "accessKeyId"), text(root, "secretAccessKey"), caps, procs, consistency,
                    text(root, "appInstanceArn"), file, options);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("target config " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
