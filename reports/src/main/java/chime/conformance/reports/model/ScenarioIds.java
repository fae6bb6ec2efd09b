package chime.conformance.reports.model;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Stable scenario IDs: {@code <feature path under features/>#<scenario name slug>}, with
 * {@code -<n>} for the n-th example row of an outline or the n-th scenario of the same name.
 * Expectation files and run comparisons refer to scenarios by these IDs, so they must not depend on
 * line numbers, which change whenever someone edits a feature file.
 */
public final class ScenarioIds {

    private static final String FEATURES_DIR = "features/";

    private ScenarioIds() {
    }

    /** The path of a feature file under {@code features/}, e.g. {@code channels/privacy.feature}. */
    public static String featurePath(URI uri) {
        return featurePath(uri.toString());
    }

    public static String featurePath(String uri) {
        String text = uri;
        int scheme = text.indexOf(':');
        if (scheme > 1 && !text.startsWith("/")) {
            text = text.substring(scheme + 1);
        }
        int nested = text.lastIndexOf('/' + FEATURES_DIR);
        if (nested >= 0) {
            return text.substring(nested + 1 + FEATURES_DIR.length());
        }
        if (text.startsWith(FEATURES_DIR)) {
            return text.substring(FEATURES_DIR.length());
        }
        int slash = text.lastIndexOf('/');
        return slash >= 0 ? text.substring(slash + 1) : text;
    }

    /** Lower case ASCII letters and digits joined by single hyphens: safe in a URL fragment. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "scenario" : slug;
    }

    public static String id(String featurePath, String slug) {
        return featurePath + "#" + slug;
    }

    /** The part of an ID after {@code #}: the scenario's anchor on its feature page. */
    public static String anchor(String scenarioId) {
        int hash = scenarioId.indexOf('#');
        return hash >= 0 ? scenarioId.substring(hash + 1) : scenarioId;
    }

    /** The part of an ID before {@code #}: the feature path. */
    public static String featureOf(String scenarioId) {
        int hash = scenarioId.indexOf('#');
        return hash >= 0 ? scenarioId.substring(0, hash) : scenarioId;
    }

    /**
     * The report page of a feature, relative to the report directory:
     * {@code channels/privacy.feature} becomes {@code features/channels-privacy.html}.
     */
    public static String featurePage(String featurePath) {
        String base = featurePath.endsWith(".feature")
                ? featurePath.substring(0, featurePath.length() - ".feature".length())
                : featurePath;
        return "features/" + base.replaceAll("[^A-Za-z0-9._-]+", "-") + ".html";
    }
}
