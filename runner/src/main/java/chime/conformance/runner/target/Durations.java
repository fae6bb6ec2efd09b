package chime.conformance.runner.target;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a config file: ISO-8601 ({@code PT5S}, {@code PT0.5S}, {@code PT2M}),
 * or a number with a unit ({@code 5s}, {@code 500ms}, {@code 2m}, {@code 1.5s}).
 */
public final class Durations {

    /** What a duration may look like, for error messages. */
    public static final String EXPECTED = "a duration: ISO-8601 such as PT5S, PT0.5S or PT2M, or a number with a unit"
            + " such as 5s, 500ms or 2m";

    private static final Pattern PLAIN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} names, or empty when it names none. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(Duration.parse(trimmed));
        } catch (DateTimeParseException e) {
            // not ISO-8601: try a number with a unit
        }
        Matcher m = PLAIN.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
