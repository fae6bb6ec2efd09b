package chime.conformance.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of public AWS source a rule of the registry may cite (design section 11), by the names the
 * registry and {@code results.json} use.
 */
public enum SourceKind {
    /** The boto3 API reference text the kit started from (a rule's {@code doc}). */
    API_REFERENCE("api-reference", "API reference"),
    /** A page of the Amazon Chime SDK Developer Guide. */
    DEVELOPER_GUIDE("developer-guide", "developer guide"),
    /** The current AWS API Reference page, where it says more than the boto3 text or differs from it. */
    API_REFERENCE_WEB("api-reference-web", "API Reference page"),
    /** The service model: a shape or a trait. */
    SERVICE_MODEL("service-model", "service model"),
    /** AWS sample code. */
    AWS_SAMPLE("aws-sample", "AWS sample"),
    /** A real response of the service reported in a public issue. */
    REPORTED("reported", "reported response");

    private final String id;
    private final String label;

    SourceKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in the registry and in {@code results.json}, e.g. {@code developer-guide}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** How the report names it, e.g. "developer guide". */
    public String label() {
        return label;
    }

    public static Optional<SourceKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    @JsonCreator
    static SourceKind fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown source kind " + id));
    }
}
