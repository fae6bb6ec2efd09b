package chime.conformance.reference;

import chime.conformance.reference.core.error.ErrorType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceFailureException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceUnavailableException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorMappingTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** The core's error types and the kit's error catalogue name the same nine kinds (SdkErrors maps by name). */
    @Test
    void everyCoreErrorTypeIsACatalogueEntry() {
        assertThat(java.util.Arrays.stream(ErrorType.values()).map(Enum::name).toList(),
                equalTo(java.util.Arrays.stream(chime.conformance.contract.ModeledError.values()).map(Enum::name).toList()));
    }

    @Test
    void aRejectionCarriesStatusCodeAndShapeName() {
        // ERR-001, ERR-009
        var error = assertThrows(BadRequestException.class, () -> f.messaging.describeChannel(r -> r.channelArn("abc")
                .chimeBearer(f.alice)));
        assertThat(error.statusCode(), equalTo(400));
        assertThat(error.code(), equalTo(ErrorCode.BAD_REQUEST));
        assertThat(error.awsErrorDetails().errorCode(), equalTo("BadRequestException"));
        assertThat(error.awsErrorDetails().sdkHttpResponse().statusCode(), equalTo(400));
    }

    @Test
    void plannedFaultsRaiseTheErrorsTheServiceNeverRaisesOnItsOwn() {
        // ERR-006 to ERR-008
        String channel = f.bookClub();
        f.service.faults().failNext("SendChannelMessage", ErrorType.THROTTLED_CLIENT);
        f.service.faults().failNext("SendChannelMessage", ErrorType.SERVICE_UNAVAILABLE);
        var throttled = assertThrows(ThrottledClientException.class, () -> send(channel));
        assertThat(throttled.statusCode(), equalTo(429));
        assertThat(throttled.code(), equalTo(ErrorCode.THROTTLED));
        assertThat(assertThrows(ServiceUnavailableException.class, () -> send(channel)).statusCode(), equalTo(503));
        send(channel);
        f.service.faults().failNext("DescribeChannel", ErrorType.SERVICE_FAILURE);
        f.service.faults().failNext("DescribeChannel", ErrorType.UNAUTHORIZED_CLIENT);
        assertThat(assertThrows(ServiceFailureException.class, () -> describe(channel)).statusCode(), equalTo(500));
        assertThat(assertThrows(UnauthorizedClientException.class, () -> describe(channel)).statusCode(), equalTo(401));
    }

    @Test
    void identityRejectionsUseTheIdentityExceptions() {
        var error = assertThrows(software.amazon.awssdk.services.chimesdkidentity.model.BadRequestException.class,
                () -> f.identity.createAppInstance(r -> r.name("")));
        assertThat(error.awsErrorDetails().errorCode(), equalTo("BadRequestException"));
    }

    private void send(String channel) {
        f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("hi")
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT));
    }

    private void describe(String channel) {
        f.messaging.describeChannel(r -> r.chimeBearer(f.bob).channelArn(channel));
    }
}
