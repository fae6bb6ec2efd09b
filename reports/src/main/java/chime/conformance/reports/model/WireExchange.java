package chime.conformance.reports.model;

import java.util.List;

/**
 * One HTTP request and its response, as captured on the wire during a scenario: the evidence the
 * report shows for a failure. Secrets are already redacted.
 *
 * @param method          HTTP method
 * @param path            request path, percent-encoding kept
 * @param query           raw query string, or null
 * @param status          response status code, or null when no response arrived
 * @param requestHeaders  request headers, in capture order
 * @param requestBody     request body (pretty-printed when JSON), or null
 * @param responseHeaders response headers
 * @param responseBody    response body (pretty-printed when JSON), or null
 */
public record WireExchange(String method, String path, String query, Integer status,
                           List<Header> requestHeaders, String requestBody,
                           List<Header> responseHeaders, String responseBody) {

    public WireExchange {
        requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
    }

    public record Header(String name, String value) {
    }

    /** Method, path and query on one line, as a person reads a request. */
    public String requestLine() {
        String target = path == null ? "" : path;
        if (query != null && !query.isEmpty()) {
            target = target + (query.startsWith("?") ? "" : "?") + query;
        }
        return (method == null ? "" : method + " ") + target;
    }

    public boolean isError() {
        return status == null || status >= 400;
    }
}
