package chime.conformance.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the report needs to know about a run that Cucumber does not: the target, the kit build, the
 * expectation file and the report options. The runner builds one and {@link #install installs} it
 * before it starts Cucumber; the report plugins read it with {@link #current()}.
 *
 * <p>Every field not set on the builder falls back to a system property, then to a default, so
 * that a run started by Maven Surefire with only {@code -Dchime.target=...} still produces a
 * complete report:
 * <table>
 *   <caption>System properties</caption>
 *   <tr><td>{@value #TARGET_PROPERTY}</td><td>target name (default {@code unknown})</td></tr>
 *   <tr><td>{@value #TARGET_DESCRIPTION_PROPERTY}</td><td>target description</td></tr>
 *   <tr><td>{@value #CAPABILITIES_PROPERTY}</td><td>{@code name=true,other=false}</td></tr>
 *   <tr><td>{@value #KIT_VERSION_PROPERTY}</td><td>kit version (default: the jar's Implementation-Version)</td></tr>
 *   <tr><td>{@value #KIT_COMMIT_PROPERTY}</td><td>kit source commit</td></tr>
 *   <tr><td>{@value #EXPECTATIONS_PROPERTY}</td><td>path of the target's expectation file</td></tr>
 *   <tr><td>{@value #STRICT_PROPERTY}</td><td>{@code true}: XPASS and FLAKY fail the run</td></tr>
 *   <tr><td>{@value #MASK_ACCOUNT_PROPERTY}</td><td>{@code true}: mask AWS account IDs</td></tr>
 *   <tr><td>{@value #REPORT_DIR_PROPERTY}</td><td>report directory when the plugin is given none</td></tr>
 * </table>
 */
public final class RunContext {

    public static final String TARGET_PROPERTY = "chime.target";
    public static final String TARGET_DESCRIPTION_PROPERTY = "chime.report.target-description";
    public static final String CAPABILITIES_PROPERTY = "chime.report.capabilities";
    public static final String KIT_VERSION_PROPERTY = "chime.report.kit-version";
    public static final String KIT_COMMIT_PROPERTY = "chime.report.kit-commit";
    public static final String EXPECTATIONS_PROPERTY = "chime.report.expectations";
    public static final String STRICT_PROPERTY = "chime.report.strict";
    public static final String MASK_ACCOUNT_PROPERTY = "chime.report.mask-account";
    public static final String REPORT_DIR_PROPERTY = "chime.report.dir";

    /** Where reports go when neither the plugin argument nor {@value #REPORT_DIR_PROPERTY} says. */
    public static final String DEFAULT_REPORT_DIR = "conformance-report";
    public static final String UNKNOWN = "unknown";

    private static volatile RunContext installed;

    private final String targetName;
    private final String targetDescription;
    private final Map<String, Boolean> capabilities;
    private final String kitVersion;
    private final String kitCommit;
    private final Path expectationsFile;
    private final boolean strict;
    private final boolean maskAccount;
    private final Instant startTime;
    private final Path reportDir;

    private RunContext(Builder b) {
        this.targetName = b.targetName;
        this.targetDescription = b.targetDescription;
        this.capabilities = Collections.unmodifiableMap(new LinkedHashMap<>(b.capabilities));
        this.kitVersion = b.kitVersion;
        this.kitCommit = b.kitCommit;
        this.expectationsFile = b.expectationsFile;
        this.strict = b.strict;
        this.maskAccount = b.maskAccount;
        this.startTime = b.startTime;
        this.reportDir = b.reportDir;
    }

    /** A builder preset from the system properties (and defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Makes this the context of the run about to start. */
    public static void install(RunContext context) {
        installed = Objects.requireNonNull(context);
    }

    /** Whether a context was installed for this run (otherwise system properties and defaults apply). */
    public static boolean isInstalled() {
        return installed != null;
    }

    /** Forgets the installed context (between runs in one JVM). */
    public static void clear() {
        installed = null;
    }

    /** The installed context, or one built from the system properties when none is installed. */
    public static RunContext current() {
        RunContext context = installed;
        return context != null ? context : builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.targetName = targetName;
        b.targetDescription = targetDescription;
        b.capabilities = new LinkedHashMap<>(capabilities);
        b.kitVersion = kitVersion;
        b.kitCommit = kitCommit;
        b.expectationsFile = expectationsFile;
        b.strict = strict;
        b.maskAccount = maskAccount;
        b.startTime = startTime;
        b.reportDir = reportDir;
        return b;
    }

    public String targetName() {
        return targetName;
    }

    public String targetDescription() {
        return targetDescription;
    }

    /** Every capability the kit knows, and whether the target declares it. */
    public Map<String, Boolean> capabilities() {
        return capabilities;
    }

    public String kitVersion() {
        return kitVersion;
    }

    public String kitCommit() {
        return kitCommit;
    }

    /** The target's expectation file, or null when the run applies none. */
    public Path expectationsFile() {
        return expectationsFile;
    }

    public boolean strict() {
        return strict;
    }

    public boolean maskAccount() {
        return maskAccount;
    }

    /** When the run started, or null to take the time Cucumber reports. */
    public Instant startTime() {
        return startTime;
    }

    /** The report directory when the plugin is given none. */
    public Path reportDir() {
        return reportDir;
    }

    public static final class Builder {
        private String targetName = property(TARGET_PROPERTY, UNKNOWN);
        private String targetDescription = property(TARGET_DESCRIPTION_PROPERTY, "");
        private Map<String, Boolean> capabilities = parseCapabilities(property(CAPABILITIES_PROPERTY, ""));
        private String kitVersion = property(KIT_VERSION_PROPERTY, packagedVersion());
        private String kitCommit = property(KIT_COMMIT_PROPERTY, UNKNOWN);
        private Path expectationsFile = pathProperty(EXPECTATIONS_PROPERTY);
        private boolean strict = Boolean.parseBoolean(property(STRICT_PROPERTY, "false"));
        private boolean maskAccount = Boolean.parseBoolean(property(MASK_ACCOUNT_PROPERTY, "false"));
        private Instant startTime;
        private Path reportDir = Path.of(property(REPORT_DIR_PROPERTY, DEFAULT_REPORT_DIR));

        private Builder() {
        }

        public Builder targetName(String value) {
            this.targetName = Objects.requireNonNull(value);
            return this;
        }

        public Builder targetDescription(String value) {
            this.targetDescription = value == null ? "" : value;
            return this;
        }

        /** Replaces the capabilities: every capability the kit knows, true when the target has it. */
        public Builder capabilities(Map<String, Boolean> value) {
            this.capabilities = new LinkedHashMap<>(value);
            return this;
        }

        public Builder capability(String name, boolean present) {
            this.capabilities.put(name, present);
            return this;
        }

        public Builder kitVersion(String value) {
            this.kitVersion = Objects.requireNonNull(value);
            return this;
        }

        public Builder kitCommit(String value) {
            this.kitCommit = Objects.requireNonNull(value);
            return this;
        }

        /** The target's expectation file; null for none. */
        public Builder expectationsFile(Path value) {
            this.expectationsFile = value;
            return this;
        }

        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        public Builder maskAccount(boolean value) {
            this.maskAccount = value;
            return this;
        }

        public Builder startTime(Instant value) {
            this.startTime = value;
            return this;
        }

        public Builder reportDir(Path value) {
            this.reportDir = Objects.requireNonNull(value);
            return this;
        }

        public RunContext build() {
            return new RunContext(this);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Path pathProperty(String name) {
        String value = property(name, null);
        return value == null ? null : Path.of(value);
    }

    private static String packagedVersion() {
        String version = RunContext.class.getPackage().getImplementationVersion();
        return version == null ? UNKNOWN : version;
    }

    /** {@code flows=true, identity=false}; a bare name means true. */
    static Map<String, Boolean> parseCapabilities(String text) {
        Map<String, Boolean> capabilities = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                capabilities.put(entry, true);
            } else {
                capabilities.put(entry.substring(0, eq).strip(),
                        Boolean.parseBoolean(entry.substring(eq + 1).strip().toLowerCase(Locale.ROOT)));
            }
        }
        return capabilities;
    }
}
