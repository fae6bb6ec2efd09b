package chime.conformance.reference.http;

import chime.conformance.contract.ModeledError;

import chime.conformance.contract.Service;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessagingSessionEndpoint;

/**
 * restJson1 requests to SDK calls and back, independent of any HTTP server: route (one table), bind (one
 * codec), invoke the operation on the client of its API, serialize the response or map the error (one
 * catalogue). Authorization headers are accepted without verification: SigV4 is IAM's business, not the
 * API's contract.
 */
public final class RestJsonDispatcher {

    private static final System.Logger LOG = System.getLogger(RestJsonDispatcher.class.getName());

    private final Map<String, OperationBinding> operations = OperationBinding.resolveAll();
    private final Supplier<? extends ChimeSdkMessagingClient> messaging;
    private final Supplier<? extends ChimeSdkIdentityClient> identity;
    private final MemoryBudget memory;
    private volatile boolean servesSessions;

    public RestJsonDispatcher(ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity) {
        this(messaging, identity, MemoryBudget.unlimited());
    }

    /** @param memory past this budget, operations that add data are refused (ServiceUnavailableException) */
    public RestJsonDispatcher(ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity, MemoryBudget memory) {
        this(() -> messaging, () -> identity, memory);
    }

    /**
     * Clients looked up for every request: whichever the suppliers give then answers it (serve's resettable
     * service hands out the current service's clients this way, without a proxy in between).
     */
    RestJsonDispatcher(Supplier<? extends ChimeSdkMessagingClient> messaging,
                       Supplier<? extends ChimeSdkIdentityClient> identity, MemoryBudget memory) {
        this.messaging = messaging;
        this.identity = identity;
        this.memory = memory;
    }

    /**
     * The server also serves messaging sessions at {@code /connect}: GetMessagingSessionEndpoint then answers
     * the host and port the request was addressed to (its {@code Host} header), which clients dial as
     * {@code wss://<Url>/connect} (or {@code ws://}), instead of the service's own host name.
     */
    public RestJsonDispatcher servingSessions() {
        this.servesSessions = true;
        return this;
    }

    /**
     * Answers one request. Never throws: every failure becomes a reply in the AWS error shape, and an
     * unexpected one a ServiceFailureException whose message says nothing of the server's insides.
     *
     * @param rawPath  the path as it arrived, still percent-encoded
     * @param rawQuery the query string as it arrived, or null
     * @param headers  all values of a header, by case-insensitive name
     */
    public WireReply dispatch(String method, String rawPath, String rawQuery,
                              Function<String, List<String>> headers, byte[] body) {
        try {
            return answer(method, rawPath, rawQuery, headers, body);
        } catch (WireError e) {
            return withRequestId(WireReply.error(e));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "unexpected failure answering " + method + " " + rawPath, e);
            return withRequestId(WireReply.error(ErrorCatalogue.toWire(ModeledError.SERVICE_FAILURE,
                    ErrorCatalogue.GENERIC_FAILURE_MESSAGE)));
        }
    }

    private WireReply answer(String method, String rawPath, String rawQuery,
                             Function<String, List<String>> headers, byte[] body) {
        List<String> segments = WireText.decodePath(rawPath);
        Map<String, List<String>> query = WireText.decodeQuery(rawQuery);
        RouteTable.Match match = RouteTable.match(method, segments, query);
        if (match instanceof RouteTable.NoRoute none) {
            throw ErrorCatalogue.unknownOperation("No operation at " + method + " " + rawPath
                    + (none.hint().isEmpty() ? "" : ": " + none.hint()), List.of());
        }
        if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            List<String> allow = List.copyOf(notAllowed.allowed());
            throw ErrorCatalogue.unknownOperation("No operation at " + method + " " + rawPath + "; this path takes "
                    + String.join(", ", allow), allow);
        }
        RouteTable.Found found = (RouteTable.Found) match;
        OperationBinding operation = operations.get(found.route().operation());
        if (operation.addsData() && !memory.admitsWrites()) {
            throw ErrorCatalogue.toWire(ModeledError.SERVICE_UNAVAILABLE, "The service holds as much data as its memory budget"
                    + " allows: requests that add data are refused until some is deleted; reads and deletes go on");
        }
        SdkRequest request = RestJsonCodec.bindRequest(operation, found.labels(), query, headers, body);
        Object client = found.route().api() == Service.MESSAGING ? messaging.get() : identity.get();
        SdkResponse response;
        try {
            response = operation.invoke(client, request);
        } catch (Throwable e) {
            if (!ErrorCatalogue.isModeled(e)) {
                LOG.log(Level.WARNING, operation.operation() + " failed unexpectedly", e);
            }
            throw ErrorCatalogue.fromServiceException(e);
        }
        if (response == null) {
            LOG.log(Level.WARNING, operation.operation() + " returned no response");
            throw ErrorCatalogue.toWire(ModeledError.SERVICE_FAILURE, ErrorCatalogue.GENERIC_FAILURE_MESSAGE);
        }
        if (servesSessions && response instanceof GetMessagingSessionEndpointResponse endpoint) {
            response = withSessionHost(endpoint, headers);
        }
        return RestJsonCodec.writeResponse(found.route(), response, requestId());
    }

    /**
     * ENDP-003: the real service answers a bare host ({id}.{region}.ws-messaging.chime.aws) and the Amazon
     * Chime SDK for JavaScript builds {@code wss://} + Url + {@code /connect} from it; this server is
     * reachable at the host and port the client used for the API, so that is the Url.
     */
    private static SdkResponse withSessionHost(GetMessagingSessionEndpointResponse endpoint,
                                               Function<String, List<String>> headers) {
        List<String> host = headers.apply("Host");
        if (host == null || host.isEmpty() || host.get(0).isBlank()) {
            return endpoint;
        }
        return endpoint.toBuilder().endpoint(MessagingSessionEndpoint.builder().url(host.get(0).trim()).build())
                .build();
    }

    /**
     * Whether an operation adds data, and so waits for memory under the budget: everything but reads
     * (Describe, List, Get) and removals (Delete, Disassociate, Untag, Redact), which must go on so that a
     * full server can still be read and emptied.
     */
    static boolean addsData(String operation) {
        for (String prefix : new String[] {"Describe", "List", "Get", "Delete", "Disassociate", "Untag", "Redact"}) {
            if (operation.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Every answer carries a request id, where SDKs look for it. */
    private static WireReply withRequestId(WireReply reply) {
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put(REQUEST_ID, requestId());
        return new WireReply(reply.status(), headers, reply.body());
    }

    static final String REQUEST_ID = "x-amzn-RequestId";

    /**
     * A request id in the form of a random (version 4) UUID, as the service's are. It identifies a request and
     * guards nothing, so it comes from the thread's own generator rather than UUID.randomUUID's SecureRandom,
     * which every request thread would otherwise take turns at.
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
