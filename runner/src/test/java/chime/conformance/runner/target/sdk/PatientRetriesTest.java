package chime.conformance.runner.target.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.runner.target.TargetConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException;

/**
 * The retries of a target with rate limits (the aws target): a throttled call (ThrottledClientException,
 * HTTP 429) is tried again with backoff until it goes through; an error that another attempt cannot fix is
 * not. A server that throttles the first calls of one operation stands in for AWS.
 */
class PatientRetriesTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private int throttleFirst;
    private ReferenceService service;
    private ReferenceHttpServer server;
    private SdkClients clients;

    @BeforeEach
    void serve() {
        service = ReferenceService.create();
        ChimeSdkMessagingClient wire = service.wireMessagingClient();
        ChimeSdkMessagingClient throttling = (ChimeSdkMessagingClient) Proxy.newProxyInstance(
                ChimeSdkMessagingClient.class.getClassLoader(), new Class<?>[] {ChimeSdkMessagingClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMessagingSessionEndpoint") && args != null) {
                        if (attempts.incrementAndGet() <= throttleFirst) {
                            throw ThrottledClientException.builder().message("Rate exceeded").statusCode(429).build();
                        }
                    }
                    if (method.getName().equals("describeChannel") && args != null) {
                        attempts.incrementAndGet();
                        throw BadRequestException.builder().message("no").statusCode(400).build();
                    }
                    try {
                        return method.invoke(wire, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        server = ReferenceHttpServer.start(throttling, service.wireIdentityClient(), "127.0.0.1", 0);
        clients = SdkClients.open(server.uri(), TargetConfig.empty(), SdkClients.Retries.PATIENT);
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
        service.close();
    }

    @Test
    void aThrottledCallIsTriedAgainUntilItGoesThrough() {
        throttleFirst = 3;

        clients.messaging().getMessagingSessionEndpoint(r -> { });

        assertThat(attempts.get(), equalTo(4));
    }

    @Test
    void throttlingIsTriedUpToEightTimes() {
        // Checked on the strategy: eight attempts of throttled backoff take most of a minute.
        assertThat(SdkClients.patientRetries().maxAttempts(), equalTo(8));
    }

    @Test
    void aBadRequestIsNotRetried() {
        assertThrows(BadRequestException.class, () -> clients.messaging().describeChannel(r -> r
                .channelArn("arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c")
                .chimeBearer("arn:aws:chime:us-east-1:111122223333:app-instance/a/user/u")));

        assertThat(attempts.get(), equalTo(1));
    }
}
