package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.core.error.ErrorType;
import chime.conformance.runner.target.TargetConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When AWS refuses: a provisioning failure half way deletes what was made before it is reported, and a
 * cleanup that cannot delete something says what and how to finish it, and does not pass for a success.
 * The reference served over HTTP stands in for AWS and refuses where the test plans it.
 */
class AwsCleanupFailureTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RecordingReference aws;
    private TargetConfig config;

    @BeforeEach
    void standIn() {
        aws = new RecordingReference();
        config = new TargetConfig(aws.uri(), null, "static", null, null, null, null, null, null, null,
                Map.of(AwsSettings.CONFIRM, "true", AwsSettings.DEPLOY_PROCESSORS, "false"), null, null, null, null);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aProvisioningFailureDeletesWhatWasCreatedBeforeItIsReported() {
        aws.failing = "createAppInstance";
        aws.failingCall = 2;

        IllegalStateException e = assertThrows(IllegalStateException.class, this::open);

        assertThat(e.getMessage(), containsString("provisioning the run on AWS failed: ForbiddenException"));
        assertThat(e.getMessage(), containsString("everything it had created is deleted"));
        assertThat(aws.operations, equalTo(List.of("createAppInstance", "createAppInstance!",
                "listChannelFlows", "deleteAppInstance")));
        assertThat(aws.allAppInstances(), empty());
    }

    @Test
    void aCleanupThatCannotDeleteSaysWhatIsLeftAndSweepFinishesIt() {
        AwsTarget target = open();
        aws.service.faults().failNext("DeleteAppInstance", ErrorType.FORBIDDEN);

        IllegalStateException e = assertThrows(IllegalStateException.class, target::close);

        assertThat(e.getMessage(), containsString("left 1 resource on AWS that could not be deleted"));
        assertThat(e.getMessage(), containsString("chime-conformance sweep --older-than 0s --region us-east-1"));
        assertThat(console.toString(StandardCharsets.UTF_8), containsString("COULD NOT DELETE AppInstance chime-conformance-"));
        assertThat(aws.kitAppInstances(), hasSize(1));
        // A second close (the shutdown hook after the end of the run) does not try again, nor fail again.
        target.close();

        AwsCleaner sweeper = new AwsCleaner(aws.service.identityClient(), aws.service.messagingClient(), null, null,
                d -> { });
        List<AwsResource> left = sweeper.find(Duration.ZERO, Clock.systemUTC());
        assertThat(left, hasSize(1));
        CleanupReport swept = sweeper.deleteAll(left);
        assertThat(swept.failed(), empty());
        assertThat(aws.kitAppInstances(), empty());
    }

    private AwsTarget open() {
        return new AwsTargetProvider().open(config, new PrintStream(console, true, StandardCharsets.UTF_8), d -> { });
    }
}
