package chime.conformance.reference;

import chime.conformance.reference.http.ReferenceHttpServer;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * {@link ConcurrencyInvariants} over HTTP: the reference served on a free loopback port, driven by the AWS
 * SDK for Java from many threads, so the server's own concurrency (connections, worker threads, request
 * binding) is under test too. No retries: one call is one exchange.
 */
class ConcurrencyOverHttpTest extends ConcurrencyInvariants {

    @Override
    protected Fixture open() {
        ReferenceService service = ReferenceService.create();
        ReferenceHttpServer server = ReferenceHttpServer.start(service, "127.0.0.1", 0);
        SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));
        var overrides = ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
        ChimeSdkMessagingClient messaging = ChimeSdkMessagingClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides)
                .endpointOverride(server.uri()).build();
        ChimeSdkIdentityClient identity = ChimeSdkIdentityClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides)
                .endpointOverride(server.uri()).build();
        return new Fixture(service, messaging, identity, () -> {
            messaging.close();
            identity.close();
            http.close();
            server.close();
        });
    }

    @Override
    protected int scale() {
        return 2;
    }
}
