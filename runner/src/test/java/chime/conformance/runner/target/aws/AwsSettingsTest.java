package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.TargetConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aws target's settings: defaults, and a clear refusal of every bad value. */
class AwsSettingsTest {

    @TempDir
    Path dir;

    private static TargetConfig config(URI endpoint, Map<ProcessorBehaviour, String> processors, Map<String, String> options) {
        return new TargetConfig(endpoint, null, null, null, null, null, processors, null, null, Path.of("aws.yaml"), options,
                null, null, null, null);
    }

    @Test
    void defaultsAreUsEast1TenSecondsNoBudgetAndDeployedProcessors() {
        AwsSettings s = AwsSettings.from(TargetConfig.empty());
        assertThat(s.region(), equalTo("us-east-1"));
        assertThat(s.consistency(), equalTo(Duration.ofSeconds(10)));
        assertThat(s.maxCalls(), equalTo(0L));
        assertThat(s.confirmed(), is(false));
        assertThat(s.looksUpAccount(), is(true));
        assertThat(s.deploysProcessors(), is(true));
    }

    @Test
    void anEndpointOverrideSkipsStsAndDeploymentUnlessTheirEndpointsAreGiven() {
        URI local = URI.create("http://127.0.0.1:9");
        AwsSettings bare = AwsSettings.from(config(local, null, null));
        assertThat(bare.looksUpAccount(), is(false));
        assertThat(bare.deploysProcessors(), is(false));
        AwsSettings lambdaOnly = AwsSettings.from(config(local, null, Map.of(AwsSettings.LAMBDA_ENDPOINT, "http://127.0.0.1:10",
                AwsSettings.IAM_ENDPOINT, "http://127.0.0.1:11")));
        assertThat("the invoke permission needs the account", lambdaOnly.deploysProcessors(), is(false));
        AwsSettings all = AwsSettings.from(config(local, null, Map.of(AwsSettings.LAMBDA_ENDPOINT, "http://127.0.0.1:10",
                AwsSettings.IAM_ENDPOINT, "http://127.0.0.1:11", AwsSettings.STS_ENDPOINT, "http://127.0.0.1:12")));
        assertThat(all.deploysProcessors(), is(true));
        assertThat(AwsSettings.from(config(null, null, Map.of(AwsSettings.DEPLOY_PROCESSORS, "false"))).deploysProcessors(), is(false));
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThat(refusal(config(null, null, Map.of("max-call", "5"))), containsString("option 'max-call' is not one of"));
        assertThat(refusal(config(null, null, Map.of(AwsSettings.MAX_CALLS, "many"))), containsString("--max-calls must be a whole number"));
        assertThat(refusal(config(null, null, Map.of(AwsSettings.DEPLOY_PROCESSORS, "perhaps"))), containsString("must be true or false"));
        assertThat(refusal(config(null, null, Map.of(AwsSettings.STS_ENDPOINT, "nowhere"))), containsString("must be a URL with a host"));
        assertThat(refusal(config(null, Map.of(ProcessorBehaviour.HOLD, "arn:aws:lambda:us-east-1:1:function:h"), null)),
                containsString("the hold processor needs"));
        assertThat(refusal(new TargetConfig(null, null, null, null, null, null, null, null,
                "arn:aws:chime:us-east-1:1:app-instance/x", Path.of("aws.yaml"), null, null, null, null, null)), containsString("appInstanceArn"));
    }

    /** Each processor behaviour is a capability of its own: a config may give some of them. */
    @Test
    void aConfigMayGiveSomeProcessorsOnly() {
        AwsSettings some = AwsSettings.from(config(null, Map.of(ProcessorBehaviour.DENY,
                "arn:aws:lambda:us-east-1:111122223333:function:d"), null));
        assertThat(some.processors().keySet(), equalTo(java.util.Set.of(ProcessorBehaviour.DENY)));
        assertThat(some.deploysProcessors(), is(false));
    }

    @Test
    void aConfirmationInAConfigFileIsRefused() throws Exception {
        Path file = dir.resolve("aws.yaml");
        Files.writeString(file, "options:\n  yes-create-resources: true\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetConfig.load(file));
        assertThat(e.getMessage(), containsString("give it on the command line (--yes-create-resources)"));
        Files.writeString(file, "options:\n  max-calls: 50\n");
        assertThat(AwsSettings.from(TargetConfig.load(file)).maxCalls(), equalTo(50L));
    }

    @Test
    void runIdsNameResourcesAndAreFoundInNames() {
        RunId run = new RunId("20250314t101500z-3fa9");
        assertThat(run.resourceName("deny"), equalTo("chime-conformance-20250314t101500z-3fa9-deny"));
        assertThat(RunId.ofName("chime-conformance-20250314t101500z-3fa9-s12").orElseThrow(), equalTo(run));
        assertThat(RunId.ofName("chime-conformance-prod").isPresent(), is(false));
        assertThat(run.startedAt().toString(), equalTo("2025-03-14T10:15:00Z"));
        assertThrows(IllegalArgumentException.class, () -> new RunId("yesterday"));
    }

    private static String refusal(TargetConfig config) {
        return assertThrows(IllegalArgumentException.class, () -> AwsSettings.from(config)).getMessage();
    }
}
