package chime.conformance.runner.target;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.runner.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target config is checked when it is loaded: each mistake names the file, the key and what is expected. */
class TargetConfigTest {

    static final String DENY = "arn:aws:lambda:us-east-1:111122223333:function:my-deny";

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("target.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String refusal(String yaml) throws Exception {
        Path file = file(yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetConfig.load(file));
        assertThat(e.getMessage(), containsString(file.toString()));
        return e.getMessage();
    }

    /** The processor hooks and the slow processor: a URL, and the delay without which that processor is useless. */
    @Test
    void hooksAndTheSlowProcessorsDelayAreRead() throws Exception {
        TargetConfig config = TargetConfig.load(file("""
                hooks: http://127.0.0.1:8080/_chime-conformance/v1
                processors:
                  slow-pass-through: arn:aws:lambda:us-east-1:111122223333:function:slow
                slowProcessorDelay: PT4S
                """));
        assertThat(config.hooks(), equalTo(java.net.URI.create("http://127.0.0.1:8080/_chime-conformance/v1")));
        assertThat(config.slowProcessorDelay(), equalTo(Duration.ofSeconds(4)));
        assertThat(config.processors().keySet(), equalTo(Set.of(ProcessorBehaviour.SLOW_PASS_THROUGH)));

        assertThat(refusal("hooks: _chime-conformance/v1\n"), containsString("hooks: expected an http or https URL"));
        assertThat(refusal("processors:\n  slow-pass-through: arn:aws:lambda:us-east-1:111122223333:function:slow\n"),
                containsString("slowProcessorDelay: processors.slow-pass-through needs it"));
        assertThat(refusal("slowProcessorDelay: 3 seconds\n"), containsString("slowProcessorDelay: expected a duration"));
    }

    @Test
    void aValidConfigIsRead() throws Exception {
        TargetConfig config = TargetConfig.load(file("""
                endpoint: http://127.0.0.1:8080
                region: eu-west-1
                credentials: profile:emulator
                capabilities: [wire, processor:deny]
                processors:
                  deny: %s
                  unreachable: arn:aws:lambda:eu-west-1:111122223333:function:nowhere:$LATEST
                consistency: PT0.5S
                appInstanceArn: arn:aws:chime:eu-west-1:111122223333:app-instance/abc-123
                """.formatted(DENY)));
        assertThat(config.capabilities(), equalTo(Set.of(Capability.WIRE, Capability.PROCESSOR_DENY)));
        assertThat(config.processors(), equalTo(Map.of(ProcessorBehaviour.DENY, DENY, ProcessorBehaviour.UNREACHABLE,
                "arn:aws:lambda:eu-west-1:111122223333:function:nowhere:$LATEST")));
        assertThat(config.consistency(), equalTo(Duration.ofMillis(500)));
        assertThat(config.warnings(), is(empty()));
    }

    @Test
    void eachMistakeNamesTheKeyAndWhatIsExpected() throws Exception {
        assertThat(refusal("endpoints: http://127.0.0.1:8080\n"),
                allOf(containsString("endpoints: unknown key"), containsString("expected one of endpoint, region")));
        assertThat(refusal("capabilities: [wire, flow-processor]\n"),
                allOf(containsString("capabilities: unknown capability 'flow-processor'"),
                        containsString("expected one of processor:pass-through")));
        assertThat(refusal("processors:\n  shout: " + DENY + "\n"),
                allOf(containsString("processors.shout: unknown processor behaviour"),
                        containsString("expected one of pass-through, deny, rewrite, unreachable, hold")));
        assertThat(refusal("processors:\n  deny: my-deny-function\n"),
                allOf(containsString("processors.deny: expected a Lambda function ARN"),
                        containsString("got 'my-deny-function'")));
        assertThat(refusal("processors:\n  deny: arn:aws:sns:us-east-1:111122223333:topic\n"),
                containsString("processors.deny: expected a Lambda function ARN"));
        assertThat(refusal("consistency: soon\n"),
                allOf(containsString("consistency: expected a duration: ISO-8601 such as PT5S"),
                        containsString("or a number with a unit such as 5s"), containsString("got 'soon'")));
        assertThat(refusal("consistency: -PT1S\n"), allOf(containsString("consistency: expected a duration"),
                containsString("(zero or more)")));
        assertThat(refusal("callTimeout: PT0S\n"), allOf(containsString("callTimeout: expected a duration"),
                containsString("(more than zero)")));
        assertThat(refusal("connectTimeout: 5\n"), allOf(containsString("connectTimeout: expected a duration"),
                containsString("a bare number has no unit: write '5s' for seconds")));
        assertThat(refusal("endpoint: localhost:8080\n"), containsString("endpoint: expected an http or https URL"));
        assertThat(refusal("credentials: vault\n"), containsString("credentials: expected static, default or profile:NAME"));
        assertThat(refusal("capabilities: wire\n"), containsString("capabilities: expected a list of capability names"));
        assertThat(refusal("capabilities: [processor:rewrite]\n"),
                containsString("capabilities: processor:rewrite needs the ARN of the processor under 'processors: rewrite:'"));
        assertThat(refusal("appInstanceArn: my-app\n"), containsString("appInstanceArn: expected an AppInstance ARN"));
        assertThat(refusal("- a\n- b\n"), containsString("must be a YAML mapping"));
    }

    @Test
    void durationsAreIso8601OrANumberWithAUnitAndTimeoutsHaveDefaults() throws Exception {
        TargetConfig config = TargetConfig.load(file("consistency: 5s\nconnectTimeout: 500ms\ncallTimeout: PT2M\n"));
        assertThat(config.consistency(), equalTo(Duration.ofSeconds(5)));
        assertThat(config.timeouts().connect(), equalTo(Duration.ofMillis(500)));
        assertThat(config.timeouts().call(), equalTo(Duration.ofMinutes(2)));
        assertThat(TargetConfig.load(file("callTimeout: 1.5s\n")).timeouts().call(), equalTo(Duration.ofMillis(1500)));
        TargetConfig unset = TargetConfig.load(file("region: us-east-1\n"));
        assertThat(unset.timeouts().connectOr(TargetConfig.DEFAULT_CONNECT), equalTo(Duration.ofSeconds(5)));
        assertThat(unset.timeouts().callOr(TargetConfig.DEFAULT_CALL), equalTo(Duration.ofSeconds(30)));
        assertThat("the timeouts survive the command line's additions",
                config.withOption("max-calls", "5").withRegion("eu-west-1").timeouts(), equalTo(config.timeouts()));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String message = refusal("colour: blue\nconsistency: soon\nprocessors:\n  deny: nope\n");
        assertThat(message, containsString("has 3 problems"));
        assertThat(message, allOf(containsString("colour: unknown key"), containsString("consistency: expected"),
                containsString("processors.deny: expected a Lambda function ARN")));
    }

    @Test
    void flowProcessorsIsADeprecatedAliasForTheProcessorsGiven() throws Exception {
        TargetConfig config = TargetConfig.load(file("capabilities: [flow-processors]\nprocessors:\n  deny: " + DENY + "\n"));
        assertThat(config.capabilities(), is(empty()));
        assertThat(config.warnings(), hasSize(1));
        assertThat(config.warnings().get(0), allOf(containsString("flow-processors is deprecated"),
                containsString("processor:deny")));
        assertThat(refusal("capabilities: [flow-processors]\n"),
                containsString("capabilities: flow-processors needs the processor ARNs under 'processors:'"));
    }

    @Test
    void theRunCommandStopsWithExitCode2OnABadConfig() throws Exception {
        Path file = file("processors:\n  rewrite: upper-case-it\n");
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("run", "--target", "http://127.0.0.1:9", "--target-config", file.toString(),
                    "--report", dir.resolve("report").toString());
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit, is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), allOf(containsString(file.toString()),
                containsString("processors.rewrite: expected a Lambda function ARN")));
    }
}
