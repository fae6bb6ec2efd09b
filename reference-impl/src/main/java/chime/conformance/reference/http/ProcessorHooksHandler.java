package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's side of the processor hooks: answers the hooks' paths ({@link ProcessorHooks#handles}) and hands
 * every other request, untouched, to the handler it wraps (the API's).
 */
final class ProcessorHooksHandler extends Handler.Wrapper {

    private final ProcessorHooks hooks;

    ProcessorHooksHandler(ProcessorHooks hooks, Handler api) {
        super(api);
        this.hooks = hooks;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (!ProcessorHooks.handles(rawPath)) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        String rawQuery = request.getHttpURI().getQuery();
        if (request.getLength() > ProcessorHooks.MAX_BODY_BYTES) {
            RestJsonHandler.write(response, callback, WireReply.error(tooLarge()));
            return true;
        }
        // The bodies of the hooks are a few bytes: read them whole, without holding a thread while they come.
        Content.Source.asByteArrayAsync(request, ProcessorHooks.MAX_BODY_BYTES).whenComplete((body, failure) ->
                RestJsonHandler.write(response, callback, failure != null ? WireReply.error(tooLarge())
                        : hooks.answer(method, rawPath, rawQuery, body)));
        return true;
    }

    private static WireError tooLarge() {
        return ErrorCatalogue.toWire(ModeledError.BAD_REQUEST, 413,
                "A processor hook takes a body of at most " + ProcessorHooks.MAX_BODY_BYTES
                        + " bytes, received in full");
    }
}
