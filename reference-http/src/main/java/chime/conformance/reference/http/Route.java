package chime.conformance.reference.http;

import chime.conformance.contract.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the route table: an HTTP method and request URI template from the service model, the
 * operation it invokes and the model's success status code.
 *
 * <p>A template is a path of literal segments and {@code {label}} segments, optionally followed by one
 * static query parameter ({@code ?operation=batch-create}, {@code ?scope=message-status}) that is part of
 * the route (HTTP-005).
 */
public record Route(Service api, String method, String template, String operation, int successStatus,
                    List<Segment> segments, String staticQueryKey, String staticQueryValue) {

    /** A literal path segment, or a label bound to a request member. */
    public record Segment(String literal, String label) {
        boolean isLabel() {
            return label != null;
        }
    }

    public Route {
        segments = List.copyOf(segments);
    }

    public static Route of(Service api, String method, String template, String operation, int successStatus) {
        String path = template;
        String queryKey = null;
        String queryValue = null;
        int q = template.indexOf('?');
        if (q >= 0) {
            path = template.substring(0, q);
            String[] kv = template.substring(q + 1).split("=", 2);
            queryKey = kv[0];
            queryValue = kv.length > 1 ? kv[1] : "";
        }
        List<Segment> segments = new ArrayList<>();
        for (String s : splitPath(path)) {
            if (s.startsWith("{") && s.endsWith("}")) {
                segments.add(new Segment(null, s.substring(1, s.length() - 1)));
            } else {
                segments.add(new Segment(s, null));
            }
        }
        return new Route(api, method, template, operation, successStatus, segments, queryKey, queryValue);
    }

    /** The segments of a path (raw, still percent-encoded), without the leading slash. */
    static List<String> splitPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == '/') {
                out.add(p.substring(start, i));
                start = i + 1;
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            return List.of();
        }
        return out;
    }

    /** Whether decoded path segments fit this template (literal segments equal, labels anything). */
    boolean matchesPath(List<String> decodedSegments) {
        if (decodedSegments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!s.isLabel() && !s.literal().equals(decodedSegments.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean matchesQuery(Map<String, List<String>> query) {
        if (staticQueryKey == null) {
            return true;
        }
        List<String> values = query.get(staticQueryKey);
        return values != null && values.contains(staticQueryValue);
    }

    /** Higher is more specific: a matched static query key first (HTTP-005), then literal segments. */
    int specificity() {
        int literals = 0;
        for (Segment s : segments) {
            literals += s.isLabel() ? 0 : 1;
        }
        return (staticQueryKey == null ? 0 : 1000) + literals;
    }
}
