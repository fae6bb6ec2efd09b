package chime.conformance.runner.wire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.plugin.event.EmbedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the self-test feature of the wire steps against the reference over HTTP: every scenario passes
 * but the one that fails on purpose, and that one carries its HTTP exchanges as a wire attachment.
 */
class WireStepsTest {

    @Test
    void theWireStepsWorkAndAFailureCarriesItsWire() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        EmbedRecorder.EMBEDS.clear();
        try (Target target = Targets.open("reference-http", TargetConfig.empty())) {
            TargetSession.install(target);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathResource("chime/conformance/runner/wire/wire-steps.feature"))
                    .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                    .configurationParameters(Map.of(
                            "cucumber.plugin", EmbedRecorder.class.getName(),
                            "cucumber.execution.parallel.enabled", "false"))
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest()) {
                        return;
                    }
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                        passed.add(id.getDisplayName());
                    } else {
                        failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse(""));
                    }
                }
            });
        } finally {
            TargetSession.install(null);
        }

        assertThat("passed: " + passed + "\nfailed: " + failures, passed.size(), is(6));
        assertThat(failures.size(), is(1));
        assertThat(failures.get(0), containsString("A failure carries the wire as evidence"));

        List<EmbedEvent> wire = EmbedRecorder.EMBEDS.stream()
                .filter(e -> WireLog.MEDIA_TYPE.equals(e.getMediaType())).toList();
        assertThat("one wire attachment, from the failed scenario", wire.size(), is(1));
        assertThat(wire.get(0).getName(), equalTo("wire"));
        JsonNode exchanges = new ObjectMapper().readTree(wire.get(0).getData());
        JsonNode last = exchanges.get(exchanges.size() - 1);
        assertThat(last.get("method").asText() + " " + last.get("status").asInt(), equalTo("POST 403"));
        assertThat(last.get("path").asText(), containsString("/messages"));
        assertThat(last.get("requestHeaders").get("Authorization").asText(), equalTo(Redaction.MASK));
        assertThat(last.get("responseHeaders").get("x-amzn-ErrorType").asText(), equalTo("ForbiddenException"));
        assertThat(last.get("responseBody").asText(), containsString("Forbidden"));
    }
}
