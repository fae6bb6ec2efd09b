package chime.conformance.reference.http;

import static chime.conformance.reference.http.Api.IDENTITY;
import static chime.conformance.reference.http.Api.MESSAGING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one route table of the server: every operation served, with its method, request URI and success
 * status exactly as the service models give them (model-constraints sections 1 and 6). Binding, invocation
 * and serialization are generic; this table is the only per-operation data the server has.
 *
 * <p>No operation has code of its own. What looks special on the wire follows from this table and the
 * model: AssociateChannelFlow answers 200 with an empty body because its model has no output members and
 * its success status is 200 (HTTP-003); the 204s have no body; the operations that share a path differ by
 * the static query parameter of their route (HTTP-005); identity's TagResource, UntagResource and
 * ListTagsForResource share {@code /tags} with messaging's and are not served (fixtures do not need them).
 */
public final class RouteTable {

    private static final List<Route> ROUTES = List.of(
            // Chime SDK Messaging 2021-05-15: the 43 documented operations.
            Route.of(MESSAGING, "PUT", "/channels/{channelArn}/channel-flow", "AssociateChannelFlow", 200),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/memberships?operation=batch-create", "BatchCreateChannelMembership", 200),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}?operation=channel-flow-callback", "ChannelFlowCallback", 200),
            Route.of(MESSAGING, "POST", "/channels", "CreateChannel", 201),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/bans", "CreateChannelBan", 201),
            Route.of(MESSAGING, "POST", "/channel-flows", "CreateChannelFlow", 201),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/memberships", "CreateChannelMembership", 201),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/moderators", "CreateChannelModerator", 201),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}", "DeleteChannel", 204),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}/bans/{memberArn}", "DeleteChannelBan", 204),
            Route.of(MESSAGING, "DELETE", "/channel-flows/{channelFlowArn}", "DeleteChannelFlow", 204),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}/memberships/{memberArn}", "DeleteChannelMembership", 204),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}/messages/{messageId}", "DeleteChannelMessage", 204),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}/moderators/{channelModeratorArn}", "DeleteChannelModerator", 204),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}", "DescribeChannel", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/bans/{memberArn}", "DescribeChannelBan", 200),
            Route.of(MESSAGING, "GET", "/channel-flows/{channelFlowArn}", "DescribeChannelFlow", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/memberships/{memberArn}", "DescribeChannelMembership", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}?scope=app-instance-user-membership", "DescribeChannelMembershipForAppInstanceUser", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}?scope=app-instance-user-moderated-channel", "DescribeChannelModeratedByAppInstanceUser", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/moderators/{channelModeratorArn}", "DescribeChannelModerator", 200),
            Route.of(MESSAGING, "DELETE", "/channels/{channelArn}/channel-flow/{channelFlowArn}", "DisassociateChannelFlow", 204),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/messages/{messageId}", "GetChannelMessage", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/messages/{messageId}?scope=message-status", "GetChannelMessageStatus", 200),
            Route.of(MESSAGING, "GET", "/endpoints/messaging-session", "GetMessagingSessionEndpoint", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/bans", "ListChannelBans", 200),
            Route.of(MESSAGING, "GET", "/channel-flows", "ListChannelFlows", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/memberships", "ListChannelMemberships", 200),
            Route.of(MESSAGING, "GET", "/channels?scope=app-instance-user-memberships", "ListChannelMembershipsForAppInstanceUser", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/messages", "ListChannelMessages", 200),
            Route.of(MESSAGING, "GET", "/channels/{channelArn}/moderators", "ListChannelModerators", 200),
            Route.of(MESSAGING, "GET", "/channels", "ListChannels", 200),
            Route.of(MESSAGING, "GET", "/channels?scope=channel-flow-associations", "ListChannelsAssociatedWithChannelFlow", 200),
            Route.of(MESSAGING, "GET", "/channels?scope=app-instance-user-moderated-channels", "ListChannelsModeratedByAppInstanceUser", 200),
            Route.of(MESSAGING, "GET", "/tags", "ListTagsForResource", 200),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/messages/{messageId}?operation=redact", "RedactChannelMessage", 200),
            Route.of(MESSAGING, "POST", "/channels/{channelArn}/messages", "SendChannelMessage", 201),
            Route.of(MESSAGING, "POST", "/tags?operation=tag-resource", "TagResource", 204),
            Route.of(MESSAGING, "POST", "/tags?operation=untag-resource", "UntagResource", 204),
            Route.of(MESSAGING, "PUT", "/channels/{channelArn}", "UpdateChannel", 200),
            Route.of(MESSAGING, "PUT", "/channel-flows/{channelFlowArn}", "UpdateChannelFlow", 200),
            Route.of(MESSAGING, "PUT", "/channels/{channelArn}/messages/{messageId}", "UpdateChannelMessage", 200),
            Route.of(MESSAGING, "PUT", "/channels/{channelArn}/readMarker", "UpdateChannelReadMarker", 200),
            // Chime SDK Identity 2021-04-20: what fixtures need. The model gives no responseCode for some
            // GETs; HTTP's default, 200, applies.
            Route.of(IDENTITY, "POST", "/app-instances", "CreateAppInstance", 201),
            Route.of(IDENTITY, "GET", "/app-instances/{appInstanceArn}", "DescribeAppInstance", 200),
            Route.of(IDENTITY, "DELETE", "/app-instances/{appInstanceArn}", "DeleteAppInstance", 204),
            Route.of(IDENTITY, "GET", "/app-instances", "ListAppInstances", 200),
            Route.of(IDENTITY, "POST", "/app-instance-users", "CreateAppInstanceUser", 201),
            Route.of(IDENTITY, "GET", "/app-instance-users/{appInstanceUserArn}", "DescribeAppInstanceUser", 200),
            Route.of(IDENTITY, "DELETE", "/app-instance-users/{appInstanceUserArn}", "DeleteAppInstanceUser", 204),
            Route.of(IDENTITY, "GET", "/app-instance-users", "ListAppInstanceUsers", 200),
            Route.of(IDENTITY, "POST", "/app-instances/{appInstanceArn}/admins", "CreateAppInstanceAdmin", 201),
            Route.of(IDENTITY, "GET", "/app-instances/{appInstanceArn}/admins/{appInstanceAdminArn}", "DescribeAppInstanceAdmin", 200),
            Route.of(IDENTITY, "DELETE", "/app-instances/{appInstanceArn}/admins/{appInstanceAdminArn}", "DeleteAppInstanceAdmin", 204),
            Route.of(IDENTITY, "GET", "/app-instances/{appInstanceArn}/admins", "ListAppInstanceAdmins", 200));

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
        List<Route> samePath = new ArrayList<>();
        for (Route r : ROUTES) {
            if (r.matchesPath(decodedSegments)) {
                samePath.add(r);
            }
        }
        if (samePath.isEmpty()) {
            return new NoRoute("");
        }
        Optional<Route> best = samePath.stream()
                .filter(r -> r.method().equals(method))
                .filter(r -> r.matchesQuery(query))
                .max(Comparator.comparingInt(Route::specificity));
        if (best.isEmpty()) {
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
        Route route = best.get();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < route.segments().size(); i++) {
            Route.Segment s = route.segments().get(i);
            if (s.isLabel()) {
                labels.put(s.label(), decodedSegments.get(i));
            }
        }
        return new Found(route, labels);
    }
}
