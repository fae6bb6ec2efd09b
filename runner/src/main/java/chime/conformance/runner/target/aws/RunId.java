package chime.conformance.runner.target.aws;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of one run on AWS, e.g. {@code 20250314t101500z-3fa9}: when it started (UTC, to the second)
 * and four random hex digits, so two runs started in the same second do not collide. Every resource the run
 * creates carries it in its name, which is how cleanup and {@code sweep} find what a run left, and nothing
 * else. Lower case and digits only: valid in AppInstance, Lambda function and IAM role names alike.
 */
public record RunId(String value) {

    /** Every resource name the kit creates on AWS starts with this. */
    public static final String PREFIX = "chime-conformance-";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("(\\d{8}t\\d{6}z)-([0-9a-f]{4})");
    /** A kit resource name: the prefix, a run id, and an optional suffix naming the resource's role. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{8}t\\d{6}z-[0-9a-f]{4})(-[a-z0-9-]+)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a run id: '" + value + "' (expected e.g. 20250314t101500z-3fa9)");
        }
    }

    public static RunId generate(Clock clock) {
        String stamp = STAMP.format(clock.instant()).toLowerCase(Locale.ROOT);
        return new RunId(stamp + "-" + String.format(Locale.ROOT, "%04x", RANDOM.nextInt(0x10000)));
    }

    /** The run id inside a kit resource name, if the name is one. */
    public static Optional<RunId> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(name);
        return m.matches() ? Optional.of(new RunId(m.group(1))) : Optional.empty();
    }

    /** When the run started, from its id (to the second). */
    public Instant startedAt() {
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(value);
        }
        return LocalDateTime.parse(m.group(1).toUpperCase(Locale.ROOT), STAMP.withZone(null)).toInstant(ZoneOffset.UTC);
    }

    /** {@code chime-conformance-<run id>}, or with {@code -<role>} appended. */
    public String resourceName(String role) {
        return role == null || role.isEmpty() ? PREFIX + value : PREFIX + value + "-" + role;
    }

    @Override
    public String toString() {
        return value;
    }
}
