package chime.conformance.runner.target.sdk;

import chime.conformance.reports.model.Redaction;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.wire.WireRecordingInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The two SDK clients of a target that speaks HTTP, built one way: endpoint override, region, credentials
 * from the target config, the SDK's Apache HTTP client (its default synchronous client: pooled keep-alive
 * connections, TCP_NODELAY; over the loopback half the CPU of the URL-connection client for a call with a
 * body, and none of its wait on Nagle's algorithm), and the wire recorder. Both services share one endpoint when one is given (the reference serves both on one port).
 */
public final class SdkClients implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    /** Dummy keys for endpoints that do not check signatures; they are signed with, never verified. */
    public static final String DUMMY_ACCESS_KEY_ID = "AKIDCHIMECONFORMANCE";
    public static final String DUMMY_SECRET_ACCESS_KEY = "chime-conformance-dummy-secret";

    /** Whether the SDK retries: not against the reference (one call, one exchange), as configured elsewhere. */
    public enum Retries {
        NONE,
        SDK_DEFAULT,
        /**
         * For a real service with rate limits (AWS): up to 8 attempts, throttling (ThrottledClientException
         * is HTTP 429) backed off exponentially up to 20 s, and no circuit breaker, which would otherwise stop
         * retrying a whole run's calls after a burst of throttling.
         */
        PATIENT
    }

    /** How long an attempt of the aws target's patient clients may wait for an answer, unless configured. */
    static final Duration PATIENT_ATTEMPT = Duration.ofSeconds(60);

    private final SdkHttpClient http;
    private final Duration connectTimeout;
    private final Duration callTimeout;
    private final ChimeSdkMessagingClient messaging;
    private final ChimeSdkIdentityClient identity;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    private SdkClients(URI endpoint, Region region, AwsCredentialsProvider credentials, Retries retries,
                       TargetConfig.Timeouts timeouts, List<ExecutionInterceptor> interceptors) {
        this.region = region;
        this.credentials = redactedWhenResolved(credentials);
        this.connectTimeout = timeouts.connectOr(TargetConfig.DEFAULT_CONNECT);
        // A patient client waits out throttling with back-off: its calls have no overall limit unless the config
        // sets one, and then it bounds each attempt.
        boolean patient = retries == Retries.PATIENT;
        this.callTimeout = timeouts.callOr(patient ? PATIENT_ATTEMPT : TargetConfig.DEFAULT_CALL);
        this.http = ApacheHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(callTimeout)
                .build();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        interceptors.forEach(override::addExecutionInterceptor);
        override.addExecutionInterceptor(new WireRecordingInterceptor());
        if (retries == Retries.NONE) {
            override.retryPolicy(RetryPolicy.none());
        } else if (patient) {
            override.retryStrategy(patientRetries());
        }
        if (!patient) {
            override.apiCallTimeout(callTimeout);
        } else if (timeouts.call() != null) {
            override.apiCallAttemptTimeout(callTimeout);
        }
        ClientOverrideConfiguration overrides = override.build();
        var messagingBuilder = ChimeSdkMessagingClient.builder().region(region).credentialsProvider(this.credentials)
                .httpClient(http).overrideConfiguration(overrides);
        var identityBuilder = ChimeSdkIdentityClient.builder().region(region).credentialsProvider(this.credentials)
                .httpClient(http).overrideConfiguration(overrides);
        if (endpoint != null) {
            messagingBuilder.endpointOverride(endpoint);
            identityBuilder.endpointOverride(endpoint);
        }
        this.messaging = messagingBuilder.build();
        this.identity = identityBuilder.build();
    }

    /** Clients for {@code endpoint} (null: the SDK's regional AWS endpoints) with the config's settings. */
    public static SdkClients open(URI endpoint, TargetConfig config, Retries retries) {
        return open(endpoint, config, retries, List.of());
    }

    /** As above, with interceptors that see every call before the wire recorder (e.g. a call budget). */
    public static SdkClients open(URI endpoint, TargetConfig config, Retries retries,
                                  List<ExecutionInterceptor> interceptors) {
        return new SdkClients(endpoint, Region.of(config.regionOr(DEFAULT_REGION)),
                credentials(config, endpoint != null), retries, config.timeouts(), List.copyOf(interceptors));
    }

    /**
     * Gives another AWS service client the same region, credentials and HTTP client as these two (e.g. the
     * STS, Lambda and IAM clients of the aws target). The HTTP client stays owned by this object: closing the
     * other client leaves it open, closing this closes it.
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(region).credentialsProvider(credentials).httpClient(http);
    }

    static RetryStrategy patientRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(8)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .retryOnException(SdkClients::throttled)
                .treatAsThrottling(SdkClients::throttled)
                .build();
    }

    private static boolean throttled(Throwable t) {
        return t instanceof software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException
                || t instanceof software.amazon.awssdk.services.chimesdkidentity.model.ThrottledClientException
                || (t instanceof SdkServiceException e && e.isThrottlingException());
    }

    /**
     * {@code credentials} in the target config: {@code static} (the keys given, or dummy ones), {@code default}
     * (the SDK's default chain: environment, profile, container, instance), {@code profile:NAME}. Without
     * the setting, an endpoint gets dummy static keys and AWS the default chain.
     */
    static AwsCredentialsProvider credentials(TargetConfig config, boolean endpoint) {
        String how = config.credentials() == null || config.credentials().isBlank()
                ? (endpoint ? "static" : "default") : config.credentials().trim();
        if (how.equalsIgnoreCase("static")) {
            String key = config.accessKeyId() == null ? DUMMY_ACCESS_KEY_ID : config.accessKeyId();
            String secret = config.secretAccessKey() == null ? DUMMY_SECRET_ACCESS_KEY : config.secretAccessKey();
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        }
        if (how.equalsIgnoreCase("default")) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (how.toLowerCase(Locale.ROOT).startsWith("profile:") && how.length() > "profile:".length()) {
            return ProfileCredentialsProvider.create(how.substring("profile:".length()));
        }
        throw new IllegalArgumentException("credentials '" + how + "' in the target config: use static, default"
                + " or profile:NAME");
    }

    /** How long a connection may take to be accepted. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long a call may take to be answered (retries included, except for patient clients: each attempt). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The provider, registering every credential it resolves (access key ID, secret, session token) with the
     * kit's redaction, so that no output of the run shows them, whatever a target echoes: a provider that
     * refreshes its credentials has each new set registered as it comes.
     */
    static AwsCredentialsProvider redactedWhenResolved(AwsCredentialsProvider provider) {
        return new AwsCredentialsProvider() {
            /** The set last registered: the SDK resolves the credentials on every call, mostly the same set. */
            private volatile AwsCredentials registered;

            @Override
            public AwsCredentials resolveCredentials() {
                AwsCredentials resolved = provider.resolveCredentials();
                if (resolved == registered) {
                    return resolved;
                }
                registered = resolved;
                Redaction.secret(resolved.accessKeyId());
                Redaction.secret(resolved.secretAccessKey());
                if (resolved instanceof AwsSessionCredentials session) {
                    Redaction.secret(session.sessionToken());
                }
                return resolved;
            }

            @Override
            public String toString() {
                return provider.toString();
            }
        };
    }

    public ChimeSdkMessagingClient messaging() {
        return messaging;
    }

    public ChimeSdkIdentityClient identity() {
        return identity;
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public void close() {
        messaging.close();
        identity.close();
        http.close();
    }
}
