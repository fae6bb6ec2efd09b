package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in the messaging session endpoint: the rules of area ENDP. */
final class EndpointFaults {

    private EndpointFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("endpoint-is-an-http-url", "ENDP-002",
                        "GetMessagingSessionEndpoint answers an http:// URL, as if the API's own endpoint took websockets",
                        ctx -> Interceptor.on(GetMessagingSessionEndpointRequest.class, (q, chain) -> {
                            GetMessagingSessionEndpointResponse r = chain.call(q);
                            String host = r.endpoint().url().replaceFirst("^[a-z]+://", "");
                            return r.toBuilder().endpoint(e -> e.url("http://" + host)).build();
                        })),
                fault("endpoint-host-with-path", "ENDP-003",
                        "GetMessagingSessionEndpoint answers the host followed by the /connect path, without a scheme: neither a host name nor a URL",
                        ctx -> Interceptor.on(GetMessagingSessionEndpointRequest.class, (q, chain) -> {
                            GetMessagingSessionEndpointResponse r = chain.call(q);
                            String host = r.endpoint().url().replaceFirst("^[a-z]+://", "");
                            return r.toBuilder().endpoint(e -> e.url(host + "/connect")).build();
                        })),
                fault("endpoint-missing", "ENDP-001",
                        "GetMessagingSessionEndpoint answers 200 without an Endpoint",
                        ctx -> Interceptor.answer(GetMessagingSessionEndpointRequest.class, GetMessagingSessionEndpointResponse.class, (q, r) ->
                                r.toBuilder().endpoint((MessagingSessionEndpoint) null).build())));
    }
}
