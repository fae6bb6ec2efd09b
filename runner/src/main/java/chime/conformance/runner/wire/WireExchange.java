package chime.conformance.runner.wire;

import java.util.Map;

/**
 * One HTTP request and its response as they travelled, secrets redacted ({@link Redaction}). {@code status}
 * is null when no response came (a transport failure). Bodies are text, cut at {@link WireLog#BODY_LIMIT}.
 */
public record WireExchange(String method, String path, String query, Integer status,
                           Map<String, String> requestHeaders, String requestBody,
                           Map<String, String> responseHeaders, String responseBody) {

    public WireExchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    /** A response header by case-insensitive name, or null. */
    public String responseHeader(String name) {
        return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " -> "
                + (status == null ? "no response" : "HTTP " + status);
    }
}
