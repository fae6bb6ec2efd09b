package chime.conformance.runner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a target, from {@code --target-config FILE} (YAML) and command-line options. Every field is
 * optional; a target uses what it needs. Example:
 * <pre>
 * endpoint: http://127.0.0.1:8080
 * region: us-east-1
 * credentials: static            # static (dummy keys, the default for endpoints), default (SDK chain), profile:NAME
 * accessKeyId: AKIDEXAMPLE
 * secretAccessKey: example
 * capabilities: [wire]          # besides the processors below; flow-processors is a deprecated no-op
 * processors:                    # each behaviour listed is a capability: processor:pass-through, ...
 *   pass-through: arn:aws:lambda:us-east-1:111122223333:function:my-pass-through
 *   deny: arn:aws:lambda:...
 * consistency: PT5S              # bound for polling eventually-consistent reads
 * connectTimeout: PT5S           # how long the kit waits for a connection (default 5 s)
 * callTimeout: PT30S             # how long one call may take, the SDK's retries included (default 30 s)
 * hooks: http://127.0.0.1:8080/_chime-conformance/v1   # the processor hooks (docs/processor-hooks.md), if any
 * slowProcessorDelay: PT3S      # how long the slow-pass-through processor waits before it answers
 * options:                       # target-specific, e.g. for the aws target:
 *   max-calls: 5000
 * </pre>
 *
 * <p>{@code options} carries target-specific settings given on the command line (e.g. the aws target's
 * confirmation to create resources and its call budget), so that the run command stays general: it passes
 * them on, and only the target that understands them reads them. {@code warnings} says what in the file
 * still works but should change (a deprecated key).
 */
public record TargetConfig(URI endpoint, String region, String credentials, String accessKeyId,
                           String secretAccessKey, Set<Capability> capabilities,
                           Map<ProcessorBehaviour, String> processors, Duration consistency,
                           String appInstanceArn, Path source, Map<String, String> options, List<String> warnings,
                           Timeouts timeouts, URI hooks, Duration slowProcessorDelay) {

    public TargetConfig {
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        processors = processors == null ? Map.of() : Map.copyOf(processors);
        options = options == null ? Map.of() : Map.copyOf(options);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        timeouts = timeouts == null ? Timeouts.UNSET : timeouts;
    }

    /**
     * How long the kit waits for a target reached over the network, each null when the config does not say:
     * the target then uses its default ({@link #DEFAULT_CONNECT}, {@link #DEFAULT_CALL}).
     *
     * @param connect for a connection to be accepted
     * @param call    for one call to be answered, the SDK's retries included
     */
    public record Timeouts(Duration connect, Duration call) {
        public static final Timeouts UNSET = new Timeouts(null, null);

        public Duration connectOr(Duration fallback) {
            return connect == null ? fallback : connect;
        }

        public Duration callOr(Duration fallback) {
            return call == null ? fallback : call;
        }
    }

    /** How long an endpoint may take to accept a connection, unless the config says otherwise. */
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    /** How long an endpoint may take to answer a call, unless the config says otherwise. */
    public static final Duration DEFAULT_CALL = Duration.ofSeconds(30);

    public static TargetConfig empty() {
        return new TargetConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
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
                processors, consistency, appInstanceArn, source, changed, warnings, timeouts, hooks, slowProcessorDelay);
    }

    /** {@code credentials} as in the config file: static, default or profile:NAME. */
    public TargetConfig withCredentials(String newCredentials) {
        return new TargetConfig(endpoint, region, newCredentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, options, warnings, timeouts, hooks, slowProcessorDelay);
    }

    public String regionOr(String fallback) {
        return region == null || region.isBlank() ? fallback : region;
    }

    public TargetConfig withRegion(String newRegion) {
        return new TargetConfig(endpoint, newRegion, credentials, accessKeyId, secretAccessKey, capabilities,
                processors, consistency, appInstanceArn, source, options, warnings, timeouts, hooks, slowProcessorDelay);
    }

    /** The fields a target config may have. */
    public static final List<String> FIELDS = List.of("endpoint", "region", "credentials", "accessKeyId",
            "secretAccessKey", "capabilities", "processors", "consistency", "connectTimeout", "callTimeout",
            "appInstanceArn", "hooks", "slowProcessorDelay", "options");

    /**
     * A Lambda function ARN, as a channel-flow processor needs one: partition, region, a 12-digit account, the
     * function name and an optional version or alias.
     */
    public static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:function:[A-Za-z0-9_-]{1,64}"
                    + "(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");

    private static final Pattern APP_INSTANCE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:chime:[a-z0-9-]+:\\d{12}:app-instance/[^/\\s]+");

    /**
     * Reads a YAML target config and validates every field, so that a mistake stops the run before it starts
     * rather than turning scenarios into errors. Each problem is named with the file, the key and what is
     * expected; all of them are reported at once.
     */
    public static TargetConfig load(Path file) {
        JsonNode root;
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("target config " + file + " does not exist: --target-config takes a"
                    + " YAML file of the target's settings (README, Targets)", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read target config " + file + ": permission denied", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException("cannot read target config " + file + ": it is not UTF-8 text;"
                    + " give the YAML file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read target config " + file + ": " + (Files.isDirectory(file)
                    ? "it is a directory; give the YAML file" : e.getClass().getSimpleName() + " " + e.getMessage()), e);
        }
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().lines().findFirst()
                    .orElse("");
            throw new IllegalArgumentException("target config " + file + " is not valid YAML"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + problem, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read target config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("target config " + file + " must be a YAML mapping of "
                    + String.join(", ", FIELDS));
        }
        Problems problems = new Problems(file);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(field, "unknown key; expected one of " + String.join(", ", FIELDS));
            }
        }
        URI endpoint = url(root, "endpoint", problems, "http://127.0.0.1:8080");
        URI hooks = url(root, "hooks", problems, "http://127.0.0.1:8080/_chime-conformance/v1");
        String region = scalar(root, "region", problems, "a region name, e.g. us-east-1");
        String credentials = credentials(root, problems);
        String accessKeyId = scalar(root, "accessKeyId", problems, "an access key ID");
        String secretAccessKey = scalar(root, "secretAccessKey", problems, "a secret access key");
        Map<ProcessorBehaviour, String> processors = processors(root, problems);
        List<String> warnings = new ArrayList<>();
        Set<Capability> capabilities = capabilities(root, processors, problems, warnings);
        Duration consistency = duration(root, "consistency", problems, false);
        Duration connectTimeout = duration(root, "connectTimeout", problems, true);
        Duration callTimeout = duration(root, "callTimeout", problems, true);
        Duration slowProcessorDelay = duration(root, "slowProcessorDelay", problems, false);
        if (processors.containsKey(ProcessorBehaviour.SLOW_PASS_THROUGH) && slowProcessorDelay == null
                && !root.has("slowProcessorDelay")) {
            problems.add("slowProcessorDelay", "processors.slow-pass-through needs it: how long that processor waits"
                    + " before it answers, an ISO-8601 duration such as PT3S (the kit reads a message as still being"
                    + " processed only within it)");
        }
        String appInstanceArn = scalar(root, "appInstanceArn", problems,
                "an AppInstance ARN (arn:aws:chime:REGION:ACCOUNT:app-instance/ID)");
        if (appInstanceArn != null && !APP_INSTANCE_ARN.matcher(appInstanceArn).matches()) {
            problems.add("appInstanceArn", "expected an AppInstance ARN (arn:aws:chime:REGION:ACCOUNT:app-instance/ID),"
                    + " got '" + appInstanceArn + "'");
        }
        Map<String, String> options = options(root, problems);
        problems.throwIfAny();
        return new TargetConfig(endpoint, region, credentials, accessKeyId, secretAccessKey, capabilities, processors,
                consistency, appInstanceArn, file, options, warnings, new Timeouts(connectTimeout, callTimeout),
                hooks, slowProcessorDelay);
    }

    /** The problems found in one file, each with its key. */
    private static final class Problems {
        private final Path file;
        private final List<String> found = new ArrayList<>();

        Problems(Path file) {
            this.file = file;
        }

        void add(String key, String problem) {
            found.add(key + ": " + problem);
        }

        void throwIfAny() {
            if (found.size() == 1) {
                throw new IllegalArgumentException("target config " + file + ": " + found.get(0));
            }
            if (!found.isEmpty()) {
                throw new IllegalArgumentException("target config " + file + " has " + found.size() + " problems:\n  "
                        + String.join("\n  ", found));
            }
        }
    }

    private static URI url(JsonNode root, String field, Problems problems, String example) {
        String text = scalar(root, field, problems, "an http or https URL, e.g. " + example);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(field, "expected an http or https URL with a host, e.g. " + example + ", got '" + text + "'");
        return null;
    }

    private static String credentials(JsonNode root, Problems problems) {
        String text = scalar(root, "credentials", problems, "static, default or profile:NAME");
        if (text == null) {
            return null;
        }
        String how = text.trim().toLowerCase(Locale.ROOT);
        if (how.equals("static") || how.equals("default")
                || how.startsWith("profile:") && how.length() > "profile:".length()) {
            return text.trim();
        }
        problems.add("credentials", "expected static, default or profile:NAME, got '" + text + "'");
        return null;
    }

    private static Map<ProcessorBehaviour, String> processors(JsonNode root, Problems problems) {
        Map<ProcessorBehaviour, String> processors = new EnumMap<>(ProcessorBehaviour.class);
        JsonNode node = root.get("processors");
        if (node == null || node.isNull()) {
            return processors;
        }
        if (!node.isObject()) {
            problems.add("processors", "expected a mapping of processor behaviours (" + behaviourKeys()
                    + ") to Lambda function ARNs");
            return processors;
        }
        node.fields().forEachRemaining(entry -> {
            String key = "processors." + entry.getKey();
            ProcessorBehaviour behaviour;
            try {
                behaviour = ProcessorBehaviour.fromKey(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(key, "unknown processor behaviour; expected one of " + behaviourKeys());
                return;
            }
            JsonNode value = entry.getValue();
            String arn = value == null || !value.isValueNode() || value.isNull() ? null : value.asText().trim();
            if (arn == null || !LAMBDA_ARN.matcher(arn).matches()) {
                problems.add(key, "expected a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME), got "
                        + (arn == null ? "no text" : "'" + arn + "'"));
                return;
            }
            processors.put(behaviour, arn);
        });
        return processors;
    }

    /**
     * The declared capabilities. {@code processor:X} is what the ARN under {@code processors:} gives, so
     * declaring it without that ARN is a mistake; {@code flow-processors}, the single capability of earlier
     * versions, is still accepted and means the behaviours whose ARNs are given.
     */
    private static Set<Capability> capabilities(JsonNode root, Map<ProcessorBehaviour, String> processors,
                                                Problems problems, List<String> warnings) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        JsonNode node = root.get("capabilities");
        if (node == null || node.isNull()) {
            return capabilities;
        }
        if (!node.isArray()) {
            problems.add("capabilities", "expected a list of capability names, e.g. [wire]; known: "
                    + Capability.knownTags());
            return capabilities;
        }
        for (JsonNode item : node) {
            String name = item.isValueNode() ? item.asText().trim() : String.valueOf(item);
            if (name.equalsIgnoreCase(Capability.DEPRECATED_FLOW_PROCESSORS)) {
                if (processors.isEmpty()) {
                    problems.add("capabilities", "flow-processors needs the processor ARNs under 'processors:' ("
                            + behaviourKeys() + ")");
                } else {
                    warnings.add("capabilities: flow-processors is deprecated: the processors listed under"
                            + " 'processors:' are the capabilities (" + processors.keySet().stream()
                            .map(b -> Capability.of(b).tag()).collect(java.util.stream.Collectors.joining(", "))
                            + "); remove it");
                }
                continue;
            }
            Capability capability;
            try {
                capability = Capability.fromTag(name);
            } catch (IllegalArgumentException e) {
                problems.add("capabilities", "unknown capability '" + name + "'; expected one of "
                        + Capability.knownTags());
                continue;
            }
            if (capability.behaviour().isPresent() && !processors.containsKey(capability.behaviour().get())) {
                problems.add("capabilities", capability.tag() + " needs the ARN of the processor under 'processors: "
                        + capability.behaviour().get().key() + ":'");
                continue;
            }
            capabilities.add(capability);
        }
        return capabilities;
    }

    /**
     * A duration: ISO-8601 ({@code PT5S}) or a number with a unit ({@code 5s}); zero or more, or more than
     * zero when {@code positive} (a timeout of zero would wait for nothing).
     */
    private static Duration duration(JsonNode root, String key, Problems problems, boolean positive) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : String.valueOf(node);
        java.util.Optional<Duration> parsed = node.isValueNode() ? Durations.parse(text) : java.util.Optional.empty();
        String bound = positive ? "more than zero" : "zero or more";
        if (parsed.isPresent() && (positive ? !parsed.get().isNegative() && !parsed.get().isZero()
                : !parsed.get().isNegative())) {
            return parsed.get();
        }
        if (node.isNumber()) {
            problems.add(key, "expected " + Durations.EXPECTED + " (" + bound + "); a bare number has no unit: write '"
                    + text + "s' for seconds, got " + text);
        } else {
            problems.add(key, "expected " + Durations.EXPECTED + " (" + bound + "), got '" + text + "'");
        }
        return null;
    }

    private static Map<String, String> options(JsonNode root, Problems problems) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        JsonNode node = root.get("options");
        if (node == null || node.isNull()) {
            return options;
        }
        if (!node.isObject()) {
            problems.add("options", "expected a mapping of option names to values");
            return options;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("yes-")) {
                // A confirmation is a decision made for one run, not a setting kept in a file.
                problems.add("options." + e.getKey(), "a confirmation: give it on the command line (--"
                        + e.getKey() + "), not in a file");
            } else if (e.getValue() == null || !e.getValue().isValueNode()) {
                problems.add("options." + e.getKey(), "expected a single value");
            } else {
                options.put(e.getKey(), e.getValue().asText());
            }
        });
        return options;
    }

    /** A field that must be a single value; null when absent. */
    private static String scalar(JsonNode root, String field, Problems problems, String expected) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            problems.add(field, "expected " + expected);
            return null;
        }
        return n.asText();
    }

    private static String behaviourKeys() {
        return java.util.Arrays.stream(ProcessorBehaviour.values()).map(ProcessorBehaviour::key)
                .collect(java.util.stream.Collectors.joining(", "));
    }

}
