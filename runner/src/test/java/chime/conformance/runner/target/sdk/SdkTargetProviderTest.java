package chime.conformance.runner.target.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.http.ProcessorHooks;
import chime.conformance.reference.http.ReferenceHttpServer;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.Targets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

class SdkTargetProviderTest {

    private final SdkTargetProvider provider = new SdkTargetProvider();

    @Test
    void acceptsHttpAndHttpsUrlsOnly() {
        assertThat(provider.accepts("http://127.0.0.1:8080"), is(true));
        assertThat(provider.accepts("HTTPS://chime.example.com"), is(true));
        assertThat(provider.accepts("reference"), is(false));
        assertThat(provider.accepts("ftp://example.com"), is(false));
    }

    @Test
    void aUrlOpensTheSdkTargetThroughServiceLoader() {
        try (Target target = Targets.open("http://127.0.0.1:9", TargetConfig.empty())) {
            assertThat(target, instanceOf(SdkTarget.class));
            assertThat(target.capabilities(), equalTo(Set.of(Capability.WIRE)));
            assertThat(target.endpoint(), equalTo(Optional.of(URI.create("http://127.0.0.1:9"))));
            assertThat(target.processorArn(ProcessorBehaviour.PASS_THROUGH), equalTo(Optional.empty()));
        }
    }

    @Test
    void capabilitiesProcessorsRegionAndConsistencyComeFromTheConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target.yaml");
        Files.writeString(file, """
                region: eu-central-1
                capabilities: [flow-processors]
                processors:
                  pass-through: arn:aws:lambda:eu-central-1:111122223333:function:pass
                  deny: arn:aws:lambda:eu-central-1:111122223333:function:deny
                consistency: PT7S
                """);
        try (Target target = provider.open("http://127.0.0.1:9", TargetConfig.load(file))) {
            assertThat(target.capabilities(), equalTo(Set.of(Capability.WIRE, Capability.PROCESSOR_PASS_THROUGH,
                    Capability.PROCESSOR_DENY)));
            assertThat(target.processorArn(ProcessorBehaviour.DENY),
                    equalTo(Optional.of("arn:aws:lambda:eu-central-1:111122223333:function:deny")));
            assertThat(target.consistencyBound(), equalTo(Duration.ofSeconds(7)));
            assertThat(((SdkTarget) target).raw().endpoint(), equalTo(URI.create("http://127.0.0.1:9")));
            assertThat(target.description(), containsString("eu-central-1"));
        }
    }

    @Test
    void processorInspectionClockControlAndHoldNeedTheHooks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target.yaml");
        for (String config : new String[] {"capabilities: [processor-inspection]\n", "capabilities: [clock-control]\n",
                "processors: {hold: 'arn:aws:lambda:us-east-1:111122223333:function:hold'}\n"}) {
            Files.writeString(file, config);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.open("http://127.0.0.1:9", TargetConfig.load(file)));
            assertThat(config, e.getMessage(), containsString("hooks:"));
        }
    }

    /**
     * With {@code hooks:}, an endpoint sees invocations and may run the hold processor (the scenario plays it);
     * the clock is the endpoint's to move only when the config declares it.
     */
    @Test
    void theHooksGiveProcessorInspectionAndTheDeclaredClock(@TempDir Path dir) throws Exception {
        try (ReferenceService service = ReferenceService.create();
             ReferenceHttpServer server = ReferenceHttpServer.start(service, "127.0.0.1", 0)) {
            Path file = dir.resolve("target.yaml");
            Files.writeString(file, "hooks: " + server.uri() + ProcessorHooks.PREFIX + "\n"
                    + "processors:\n  hold: " + service.processors().holdArn() + "\n");
            try (Target target = provider.open(server.uri().toString(), TargetConfig.load(file))) {
                assertThat(target.capabilities(), equalTo(Set.of(Capability.WIRE, Capability.PROCESSOR_INSPECTION,
                        Capability.PROCESSOR_HOLD)));
                assertThat(target.processorProbe().isPresent(), is(true));
                assertThrows(UnsupportedOperationException.class, () -> target.advanceClock(Duration.ofHours(1)));
            }
            Files.writeString(file, "hooks: " + server.uri() + ProcessorHooks.PREFIX + "/\n"
                    + "capabilities: [clock-control]\n");
            try (Target target = provider.open(server.uri().toString(), TargetConfig.load(file))) {
                assertThat(target.has(Capability.CLOCK_CONTROL), is(true));
                java.time.Instant before = java.time.Instant.now();
                target.advanceClock(Duration.ofHours(49));
                String app = service.identityClient().createAppInstance(r -> r.name("clock")).appInstanceArn();
                java.time.Instant created = service.identityClient().describeAppInstance(r -> r.appInstanceArn(app))
                        .appInstance().createdTimestamp();
                assertThat("the service's clock moved", created.isAfter(before.plus(Duration.ofHours(48))), is(true));
            }
        }
    }

    @Test
    void hooksThatDoNotAnswerStopTheRunBeforeItStarts(@TempDir Path dir) throws Exception {
        try (ReferenceService service = ReferenceService.create();
             ReferenceHttpServer server = ReferenceHttpServer.start(service, "127.0.0.1", 0)) {
            Path file = dir.resolve("target.yaml");
            Files.writeString(file, "hooks: " + server.uri() + "/not-the-hooks\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.open(server.uri().toString(), TargetConfig.load(file)));
            assertThat(e.getMessage(), containsString("do not answer as version 1"));
            assertThat(e.getMessage(), containsString("404"));
        }
    }

    @Test
    void flowProcessorsNeedTheirArns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target.yaml");
        Files.writeString(file, "capabilities: [flow-processors]\n");
        assertThrows(IllegalArgumentException.class, () -> provider.open("http://127.0.0.1:9", TargetConfig.load(file)));
    }

    @Test
    void credentialsAreDummyStaticKeysForAnEndpointUnlessConfigured() {
        AwsCredentials dummy = SdkClients.credentials(TargetConfig.empty(), true).resolveCredentials();
        assertThat(dummy.accessKeyId(), equalTo(SdkClients.DUMMY_ACCESS_KEY_ID));
        TargetConfig keys = new TargetConfig(null, null, "static", "AKIDGIVEN", "given-secret", null, null, null,
                null, null, null, null, null, null, null);
        assertThat(SdkClients.credentials(keys, true).resolveCredentials().accessKeyId(), equalTo("AKIDGIVEN"));
        TargetConfig chain = TargetConfig.empty().withCredentials("default");
        assertThat(SdkClients.credentials(chain, true), instanceOf(DefaultCredentialsProvider.class));
        TargetConfig profile = TargetConfig.empty().withCredentials("profile:conformance");
        assertThat(SdkClients.credentials(profile, true), instanceOf(ProfileCredentialsProvider.class));
        TargetConfig wrong = TargetConfig.empty().withCredentials("vault");
        assertThrows(IllegalArgumentException.class, () -> SdkClients.credentials(wrong, true));
    }
}
