package chime.conformance.reference.http;

import chime.conformance.contract.Service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceFailureException;

/**
 * The generic binding, both ways, for every member of every operation: the real SDK client sends a
 * request with every member set through the server, and the client behind the server must receive an
 * equal request; it answers with every response member set, and the SDK must parse an equal response.
 * Errors thrown behind the server reach the SDK as the same modeled exception (ERR-009).
 */
class SdkRoundTripTest {

    private static final FakeClients FAKE = new FakeClients();
    private static ReferenceHttpServer server;
    private static ChimeSdkMessagingClient messaging;
    private static ChimeSdkIdentityClient identity;

    @BeforeAll
    static void start() {
        server = ReferenceHttpServer.start(FAKE.messaging, FAKE.identity, "127.0.0.1", 0);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        messaging = ChimeSdkMessagingClient.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        identity = ChimeSdkIdentityClient.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    @AfterAll
    static void stop() {
        messaging.close();
        identity.close();
        server.close();
    }

    @BeforeEach
    void forget() {
        FAKE.calls.clear();
    }

    static Stream<String> operations() {
        return RouteTable.routes().stream().map(Route::operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyMemberCrossesTheWireBothWays(String operation) throws Throwable {
        OperationBinding binding = OperationBinding.resolve(RouteTable.route(operation).orElseThrow());
        SdkRequest sent = (SdkRequest) ModelSamples.full(binding.requestType());
        Object answer = ModelSamples.full(binding.clientMethod().getReturnType());
        FAKE.answer(operation, request -> answer);
        Object client = binding.route().api() == Service.MESSAGING ? messaging : identity;

        Object received;
        try {
            received = binding.clientMethod().invoke(client, sent);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }

        assertThat(FAKE.calls.size(), is(1));
        assertThat(FAKE.calls.get(0).operation(), is(operation));
        assertThat(FAKE.calls.get(0).request(), equalTo(sent));
        // Responses carry the HTTP response they came in, which equals() compares too: compare the members.
        assertThat(received + "\n  differs from\n" + answer,
                ((SdkPojo) received).equalsBySdkFields(answer), is(true));
    }

    @Test
    void aModeledExceptionReachesTheSdkAsTheSameType() {
        FAKE.answer("DescribeChannel", request -> {
            throw ForbiddenException.builder().message("not yours").code(ErrorCode.FORBIDDEN).build();
        });
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> messaging.describeChannel(r -> r
                .channelArn("arn:aws:chime:us-east-1:1:app-instance/a/channel/c").chimeBearer("arn:aws:chime:x")));
        assertThat(e.statusCode(), is(403));
        assertThat(e.awsErrorDetails().errorCode(), is("ForbiddenException"));
        assertThat(e.code(), is(ErrorCode.FORBIDDEN));
    }

    /** Design section 10: ResourceLimitExceeded shares 400 with BadRequest; only its type tells them apart. */
    @Test
    void resourceLimitExceededIsItsOwnTypeAt400() {
        FAKE.answer("CreateChannelBan", request -> {
            throw ResourceLimitExceededException.builder().message("too many").build();
        });
        ResourceLimitExceededException e = assertThrows(ResourceLimitExceededException.class,
                () -> messaging.createChannelBan(r -> r.channelArn("arn:aws:chime:c").memberArn("arn:aws:chime:m")
                        .chimeBearer("arn:aws:chime:b")));
        assertThat(e.statusCode(), is(400));
        assertThat(e.code(), is(ErrorCode.RESOURCE_LIMIT_EXCEEDED));
    }

    @Test
    void identityExceptionsReachTheSdkAsIdentityTypes() {
        FAKE.answer("CreateAppInstance", request -> {
            throw software.amazon.awssdk.services.chimesdkidentity.model.ConflictException.builder()
                    .message("exists").build();
        });
        var e = assertThrows(software.amazon.awssdk.services.chimesdkidentity.model.ConflictException.class,
                () -> identity.createAppInstance(r -> r.name("n").clientRequestToken("token-1")));
        assertThat(e.statusCode(), is(409));
    }

    @Test
    void anUnexpectedFailureIsAServiceFailureThatTellsNothing() {
        FAKE.answer("ListChannels", request -> {
            throw new IllegalStateException("secret internal detail");
        });
        ChimeSdkMessagingException e = assertThrows(ChimeSdkMessagingException.class,
                () -> messaging.listChannels(r -> r.appInstanceArn("arn:aws:chime:a").chimeBearer("arn:aws:chime:b")));
        assertThat(e, instanceOf(ServiceFailureException.class));
        assertThat(e.statusCode(), is(500));
        assertThat(e.awsErrorDetails().errorMessage(), equalTo(ErrorCatalogue.GENERIC_FAILURE_MESSAGE));
    }
}
