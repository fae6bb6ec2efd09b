package chime.conformance.reports.expectations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URI;
import java.util.Locale;

/**
 * One known failure of a target: a scenario, or every scenario of a rule, with the reason and a link
 * to where it is tracked.
 *
 * @param scenario the scenario ID, or null for a rule entry
 * @param rule     the rule ID, or null for a scenario entry
 * @param reason   why the target fails it
 * @param link     an issue or discussion, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"scenario", "rule", "reason", "link"})
public record Expectation(String scenario, String rule, String reason, String link) {

    public Expectation {
        if ((scenario == null) == (rule == null)) {
            throw new IllegalArgumentException("An expectation names either a scenario or a rule: scenario="
                    + scenario + ", rule=" + rule);
        }
    }

    public static Expectation forScenario(String scenarioId, String reason, String link) {
        return new Expectation(scenarioId, null, reason, link);
    }

    public static Expectation forRule(String ruleId, String reason, String link) {
        return new Expectation(null, ruleId, reason, link);
    }

    /** {@code scenario:<id>} or {@code rule:<id>}: how reports and warnings name the entry. */
    @JsonIgnore
    public String key() {
        return scenario != null ? "scenario:" + scenario : "rule:" + rule;
    }

    @JsonIgnore
    public boolean isRuleEntry() {
        return rule != null;
    }

    /**
     * The link, when it is safe to put in an {@code href}: only http and https. Anything else
     * ({@code javascript:}, {@code data:}) is shown as text, never as a link.
     */
    @JsonIgnore
    public String safeHref() {
        return safeHref(link);
    }

    public static String safeHref(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("https") || scheme.equals("http") ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
