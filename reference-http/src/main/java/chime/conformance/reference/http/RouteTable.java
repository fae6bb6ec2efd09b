package chime.conformance.reference.http;

import chime.conformance.contract.Operations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table of the server: every operation of the kit's one operation list ({@link Operations}: the
 * method and request URI the SDK binds each operation to, and its success status, model-constraints sections
 * 1 and 6) as a route. Binding, invocation and serialization are generic; the operation list is the only
 * per-operation data the server has.
 *
 * <p>No operation has code of its own. What looks special on the wire follows from this table and the
 * model: AssociateChannelFlow answers 200 with an empty body because its model has no output members and
 * its success status is 200 (HTTP-003); the 204s have no body; the operations that share a path differ by
 * the static query parameter of their route (HTTP-005); identity's TagResource, UntagResource and
 * ListTagsForResource share {@code /tags} with messaging's and are not served (fixtures do not need them).
 */
public final class RouteTable {

    private static final List<Route> ROUTES = Operations.all().stream()
            .map(op -> Route.of(op.service(), op.method(), op.requestUri(), op.name(), op.successStatus()))
            .toList();

    /** The routes by their number of path segments: a path is matched against the routes of its length only. */
    private static final Map<Integer, List<Route>> BY_SEGMENT_COUNT = ROUTES.stream()
            .collect(java.util.stream.Collectors.groupingBy(r -> r.segments().size()));

    /** How a request matched the table. */
    public sealed interface Match permits Found, MethodNotAllowed, NoRoute {
    }

    /** The route, and its labels bound to the decoded path segments. */
    public record Found(Route route, Map<String, String> labels) implements Match {
    }

    /** The path exists but not with this method; {@code allowed} lists the methods that exist there. */
    public record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    /** No operation lives at this method and path; {@code hint} says what is near, or is empty. */
    public record NoRoute(String hint) implements Match {
    }

    private RouteTable() {
    }

    public static List<Route> routes() {
        return ROUTES;
    }

    public static Optional<Route> route(String operation) {
        return ROUTES.stream().filter(r -> r.operation().equals(operation)).findFirst();
    }

    /**
     * Matches already percent-decoded path segments (decoded one by one, so that an encoded {@code /}
     * inside an ARN stays inside its segment, HTTP-006) and the query parameters. The most specific
     * route wins: the one whose static query key is present beats the bare path (HTTP-005).
     */
    public static Match match(String method, List<String> decodedSegments, Map<String, List<String>> query) {
        List<Route> sameLength = BY_SEGMENT_COUNT.getOrDefault(decodedSegments.size(), List.of());
        Route best = null;
        for (Route r : sameLength) {
            // The method first: it is the cheaper test, and most routes of a length take another one.
            if (r.method().equals(method) && r.matchesPath(decodedSegments) && r.matchesQuery(query)
                    && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        if (best != null) {
            return new Found(best, labels(best, decodedSegments));
        }
        for (Route r : sameLength) {
            if (r.matchesPath(decodedSegments)) {
                return nearMiss(method, decodedSegments, sameLength);
            }
        }
        return new NoRoute("");
    }

    /** Why no route of this path takes the request: another method, or the same one with a query parameter. */
    private static Match nearMiss(String method, List<String> decodedSegments, List<Route> sameLength) {
        List<Route> samePath = sameLength.stream().filter(r -> r.matchesPath(decodedSegments)).toList();
        List<String> queryRoutes = samePath.stream().filter(r -> r.method().equals(method))
                .map(r -> r.staticQueryKey() + "=" + r.staticQueryValue()).toList();
        if (!queryRoutes.isEmpty()) {
            // e.g. POST /tags: only ?operation=tag-resource and ?operation=untag-resource exist there.
            return new NoRoute("this path takes " + method + " only with the query parameter "
                    + String.join(" or ", queryRoutes));
        }
        Set<String> allowed = new TreeSet<>();
        samePath.forEach(r -> allowed.add(r.method()));
        return new MethodNotAllowed(allowed);
    }

    /** The route's labels bound to the decoded segments at their places (a route has at most three). */
    private static Map<String, String> labels(Route route, List<String> decodedSegments) {
        String[] pairs = new String[6];
        int n = 0;
        for (int i = 0; i < route.segments().size(); i++) {
            Route.Segment s = route.segments().get(i);
            if (s.isLabel()) {
                if (n == pairs.length) {
                    throw new IllegalStateException("route " + route.operation() + " has more than three labels");
                }
                pairs[n++] = s.label();
                pairs[n++] = decodedSegments.get(i);
            }
        }
        return switch (n) {
            case 0 -> Map.of();
            case 2 -> Map.of(pairs[0], pairs[1]);
            case 4 -> Map.of(pairs[0], pairs[1], pairs[2], pairs[3]);
            default -> Map.of(pairs[0], pairs[1], pairs[2], pairs[3], pairs[4], pairs[5]);
        };
    }
}
