package chime.conformance.reference.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one handler of the reserved prefix ({@value ReservedEndpoints#PREFIX}): a request under it goes to the first
 * {@link ReservedEndpoints} that has its path, or is a 404 UnknownOperationException naming the endpoints there
 * are; every other request goes, untouched, to the handler it wraps (the API's).
 */
final class ReservedPathsHandler extends Handler.Wrapper {

    /** A request to a reserved endpoint is a few bytes; anything larger is not one. */
    static final int MAX_BODY_BYTES = 4096;

    private final List<ReservedEndpoints> endpoints;

    ReservedPathsHandler(List<ReservedEndpoints> endpoints, Handler api) {
        super(api);
        this.endpoints = List.copyOf(endpoints);
    }

    static boolean reserved(String rawPath) {
        return rawPath != null && (rawPath.equals(ReservedEndpoints.PREFIX)
                || rawPath.startsWith(ReservedEndpoints.PREFIX + "/"));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (!reserved(rawPath)) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        String rawQuery = request.getHttpURI().getQuery();
        ReservedEndpoints owner = endpoints.stream().filter(e -> e.answers(rawPath)).findFirst().orElse(null);
        if (owner == null) {
            List<String> there = new ArrayList<>();
            endpoints.forEach(e -> there.addAll(e.describe()));
            RestJsonHandler.write(response, callback, WireReply.error(ErrorCatalogue.unknownOperation(
                    "No endpoint at " + method + " " + rawPath + "; under " + ReservedEndpoints.PREFIX + " there are: "
                            + String.join(", ", there), List.of())));
            return true;
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            RestJsonHandler.write(response, callback, WireReply.error(tooLarge()));
            return true;
        }
        // The bodies are a few bytes: read them whole, without holding a thread while they come. The endpoints
        // may do more than the API's in-memory updates (a reset closes a service and its sessions): they answer
        // on a thread of the pool, never on the one that reads requests.
        Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) ->
                request.getComponents().getThreadPool().execute(() ->
                        RestJsonHandler.write(response, callback, failure != null ? WireReply.error(tooLarge())
                                : owner.answer(method, rawPath, rawQuery, body))));
        return true;
    }

    private static WireError tooLarge() {
        return WireError.badRequest("A request under " + ReservedEndpoints.PREFIX + " takes a body of at most "
                + MAX_BODY_BYTES + " bytes, received in full");
    }
}
