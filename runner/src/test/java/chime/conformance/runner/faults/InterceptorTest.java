package chime.conformance.runner.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reference.ReferenceService;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.reference.ReferenceTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointRequest;

class InterceptorTest {

    private ReferenceService service;
    private String appInstance;
    private String alice;
    private String carol;

    @BeforeEach
    void setUp() {
        service = ReferenceService.create();
        appInstance = service.identityClient().createAppInstance(r -> r.name("faults")
                .clientRequestToken(UUID.randomUUID().toString())).appInstanceArn();
        alice = user("alice");
        carol = user("carol");
    }

    private String user(String id) {
        return service.identityClient().createAppInstanceUser(r -> r.appInstanceArn(appInstance).appInstanceUserId(id)
                .name(id).clientRequestToken(UUID.randomUUID().toString())).appInstanceUserArn();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void everyOverloadOfAnOperationGoesThroughTheInterceptor() {
        List<String> seen = new ArrayList<>();
        ChimeSdkMessagingClient client = Interceptor.wrap(service.messagingClient(), (q, chain) -> {
            seen.add(q.getClass().getSimpleName());
            return chain.proceed(q);
        });
        client.getMessagingSessionEndpoint(r -> r.overrideConfiguration(c -> { }));
        client.getMessagingSessionEndpoint(r -> { });
        client.getMessagingSessionEndpoint(GetMessagingSessionEndpointRequest.builder().build());
        assertEquals(List.of("GetMessagingSessionEndpointRequest", "GetMessagingSessionEndpointRequest",
                "GetMessagingSessionEndpointRequest"), seen);
        assertEquals(service.messagingClient().serviceName(), client.serviceName());
    }

    @Test
    void errorsOfTheServiceReachTheCallerUnchanged() {
        ChimeSdkMessagingClient client = Interceptor.wrap(service.messagingClient(), (q, chain) -> chain.proceed(q));
        String channel = privateChannel();
        assertThrows(ForbiddenException.class, () -> client.describeChannel(r -> r.channelArn(channel).chimeBearer(carol)));
    }

    @Test
    void interceptorsChainInTheOrderGiven() {
        List<String> order = new ArrayList<>();
        Interceptor first = (q, chain) -> {
            order.add("first");
            return chain.proceed(q);
        };
        Interceptor second = (q, chain) -> {
            order.add("second");
            return chain.proceed(q);
        };
        Interceptor.wrap(service.messagingClient(), Interceptor.all(first, second)).getMessagingSessionEndpoint(r -> { });
        assertEquals(List.of("first", "second"), order);
    }

    @Test
    void aFaultChangesWhatTheTargetAnswers() {
        String channel = privateChannel();
        Target faulty = new FaultyTarget(new ReferenceTarget(service),
                FaultCatalogue.named(List.of("unknown-bearer-accepted")));
        String ghost = appInstance + "/user/nobody";
        // AUTH-002: the reference answers UnauthorizedClientException, as the real service was reported to.
        assertThrows(UnauthorizedClientException.class,
                () -> service.messagingClient().describeChannel(DescribeChannelRequest.builder().channelArn(channel).chimeBearer(ghost).build()));
        assertEquals(channel, faulty.messaging().describeChannel(r -> r.channelArn(channel).chimeBearer(ghost)).channel().channelArn());
        assertTrue(faulty.name().endsWith("+unknown-bearer-accepted"));
    }

    private String privateChannel() {
        return service.messagingClient().createChannel(r -> r.appInstanceArn(appInstance).name("diary")
                .mode(ChannelMode.RESTRICTED).privacy(ChannelPrivacy.PRIVATE).chimeBearer(alice)).channelArn();
    }
}
