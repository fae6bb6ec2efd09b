package chime.conformance.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reference.ReferenceService;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;

@ChimeFake
class ChimeFakeExtensionTest {

    private ReferenceService beforeEachService;

    @BeforeEach
    void remember(ReferenceService service) {
        beforeEachService = service;
    }

    /** Each repetition is another test method invocation: it finds no AppInstance of an earlier one. */
    @RepeatedTest(2)
    void eachTestStartsFromAnEmptyService(ChimeSdkIdentityClient identity) {
        assertEquals(0, identity.listAppInstances(r -> { }).appInstances().size());
        identity.createAppInstance(r -> r.name("club"));
        assertEquals(1, identity.listAppInstances(r -> { }).appInstances().size());
    }

    @Test
    void theClientsOfOneTestShareItsService(ChimeSdkIdentityClient identity, ChimeSdkMessagingClient messaging,
                                            ReferenceService service) {
        assertSame(beforeEachService, service);
        assertSame(service.identityClient(), identity);
        assertSame(service.messagingClient(), messaging);

        String appInstance = identity.createAppInstance(r -> r.name("club")).appInstanceArn();
        String alice = identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance)
                .appInstanceUserId("alice").name("Alice")).appInstanceUserArn();
        String channel = messaging.createChannel(r -> r.appInstanceArn(appInstance).name("general")
                .mode(ChannelMode.UNRESTRICTED).privacy(ChannelPrivacy.PUBLIC).chimeBearer(alice)).channelArn();
        assertEquals("general", messaging.describeChannel(r -> r.channelArn(channel).chimeBearer(alice))
                .channel().name());
    }

    @Test
    void theDefaultRegionAndAccountAreInTheArns(ChimeSdkIdentityClient identity) {
        String arn = identity.createAppInstance(r -> r.name("club")).appInstanceArn();
        assertTrue(arn.startsWith("arn:aws:chime:us-east-1:111122223333:app-instance/"), arn);
    }

    @Test
    void theEndpointServesTheSameServiceOverHttp(@ChimeEndpoint URI endpoint, @ChimeEndpoint String same,
                                                 ChimeSdkIdentityClient fake) {
        assertEquals(endpoint.toString(), same);
        assertEquals("127.0.0.1", endpoint.getHost());
        try (ChimeSdkIdentityClient overHttp = ChimeSdkIdentityClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String arn = overHttp.createAppInstance(r -> r.name("club")).appInstanceArn();
            assertEquals("club", fake.describeAppInstance(r -> r.appInstanceArn(arn)).appInstance().name());
        }
    }

    @Nested
    @ChimeFake(region = "eu-west-1", accountId = "444455556666")
    class InAnotherRegionAndAccount {

        @Test
        void theArnsUseThem(ChimeSdkIdentityClient identity) {
            String arn = identity.createAppInstance(r -> r.name("club")).appInstanceArn();
            assertTrue(arn.startsWith("arn:aws:chime:eu-west-1:444455556666:app-instance/"), arn);
        }
    }
}
