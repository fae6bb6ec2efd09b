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
 * @param operation       the API operation it called, or null (a raw request, an older results file)
 * @param step            the step that sent it ("When Alice sends ... (line 12)"), or null
 * @param setUp           whether it made the scenario's situation (a before hook, the Given block, a fixture made
 *                        on first mention) rather than being what the scenario checks
 * @param names           the scenario's names of the ARNs it carries (Alice, "club"), longest ARN first
 */
public record WireExchange(String method, String path, String query, Integer status,
                           List<Header> requestHeaders, String requestBody,
                           List<Header> responseHeaders, String responseBody,
                           String operation, String step, boolean setUp, List<Name> names) {

    public WireExchange {
        requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
        names = names == null ? List.of() : names.stream()
                .sorted(java.util.Comparator.comparingInt((Name n) -> n.arn().length()).reversed()).toList();
    }

    public WireExchange(String method, String path, String query, Integer status,
                        List<Header> requestHeaders, String requestBody,
                        List<Header> responseHeaders, String responseBody) {
        this(method, path, query, status, requestHeaders, requestBody, responseHeaders, responseBody, null, null,
                false, List.of());
    }

    public record Header(String name, String value) {
    }

    /** A name of the scenario's cast (Alice, "club") for an ARN. */
    public record Name(String arn, String name) {
    }

    /**
     * A piece of evidence text: plain text, or an ARN (as it travelled, {@code raw}, maybe percent-encoded) that the
     * report shows as the cast's {@code name}, the raw value on hover.
     */
    public record Piece(String text, String name) {
        public boolean isName() {
            return name != null;
        }
    }

    /**
     * {@code text} cut into pieces where the ARNs of {@link #names()} occur, as they are or percent-encoded, so
     * that a template shows each as its name with the raw value on hover; the pieces joined are {@code text}.
     */
    public List<Piece> pieces(String text) {
        List<Piece> pieces = new java.util.ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        int plainFrom = 0;
        int i = 0;
        outer:
        while (i < text.length()) {
            for (Name n : names) {
                for (String form : new String[] {n.arn(),
                        java.net.URLEncoder.encode(n.arn(), java.nio.charset.StandardCharsets.UTF_8)}) {
                    if (!form.isEmpty() && text.startsWith(form, i)) {
                        if (plainFrom < i) {
                            pieces.add(new Piece(text.substring(plainFrom, i), null));
                        }
                        pieces.add(new Piece(form, n.name()));
                        i += form.length();
                        plainFrom = i;
                        continue outer;
                    }
                }
            }
            i++;
        }
        if (plainFrom < text.length()) {
            pieces.add(new Piece(text.substring(plainFrom), null));
        }
        return pieces;
    }

    /** The operation, or the request line when the operation is not known. */
    public String title() {
        return operation != null && !operation.isBlank() ? operation : requestLine();
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
