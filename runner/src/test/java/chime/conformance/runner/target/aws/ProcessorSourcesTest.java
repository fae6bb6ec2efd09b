package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor functions the kit deploys answer the service as the reference's processors do (pass-through:
 * the MessageId only; deny: DeleteResource; rewrite: upper-cased content and the rewritten-by-processor
 * metadata). Each is run as Lambda would run it, with the sources from the kit's jar and a stand-in for boto3
 * that records the ChannelFlowCallback call. Needs python3 on the PATH; skipped where there is none.
 */
class ProcessorSourcesTest {

    private static final String EVENT = """
            {"EventType": "CHANNEL_MESSAGE_EVENT",
             "CallbackId": "0123456789abcdef0123456789abcdef",
             "ChannelMessage": {"MessageId": "m-1", "ChannelArn": "arn:aws:chime:us-east-1:123456789012:app-instance/a/channel/c",
                                "Content": "Straße is big", "Metadata": "original", "Type": "STANDARD",
                                "Persistence": "PERSISTENT", "Sender": {"Arn": "arn:u", "Name": "Alice"}}}
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void python() throws IOException {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "python3 is not on the PATH");
        Files.writeString(dir.resolve("boto3.py"), """
                # Stands in for boto3 inside Lambda: records the callback instead of calling the service.
                calls = []

                class _Messaging:
                    def channel_flow_callback(self, **kwargs):
                        calls.append(kwargs)

                def client(name):
                    assert name == "chime-sdk-messaging", name
                    return _Messaging()
                """);
        for (String module : new String[] {"pass_through", "deny", "rewrite", "slow_pass_through"}) {
            Files.write(dir.resolve(module + ".py"), ProcessorDeployer.source(module));
        }
    }

    @Test
    void passThroughAnswersWithTheMessageIdOnly() throws Exception {
        JsonNode call = invoke("pass_through");
        assertThat(call.toString(), equalTo("{\"CallbackId\":\"0123456789abcdef0123456789abcdef\","
                + "\"ChannelArn\":\"arn:aws:chime:us-east-1:123456789012:app-instance/a/channel/c\","
                + "\"ChannelMessage\":{\"MessageId\":\"m-1\"}}"));
    }

    @Test
    void denyAnswersWithDeleteResource() throws Exception {
        JsonNode call = invoke("deny");
        assertThat(call.get("DeleteResource").asBoolean(), equalTo(true));
        assertThat(call.get("ChannelMessage").toString(), equalTo("{\"MessageId\":\"m-1\"}"));
    }

    @Test
    void rewriteUpperCasesTheContentAndMarksTheMetadata() throws Exception {
        JsonNode call = invoke("rewrite");
        assertThat(call.has("DeleteResource"), equalTo(false));
        assertThat(call.get("ChannelMessage").get("Content").asText(), equalTo("STRASSE IS BIG"));
        assertThat(call.get("ChannelMessage").get("Metadata").asText(), equalTo("rewritten-by-processor"));
        assertThat(call.get("CallbackId").asText(), equalTo("0123456789abcdef0123456789abcdef"));
    }

    /** It waits the delay its environment gives, then answers as the pass-through processor does. */
    @Test
    void slowPassThroughWaitsThenAnswersWithTheMessageIdOnly() throws Exception {
        JsonNode call = invoke("slow_pass_through", "import time\n"
                + "slept = []\n"
                + "time.sleep = lambda seconds: slept.append(seconds)\n",
                "assert slept == [2.5], slept\n", Map.of("DELAY_SECONDS", "2.5"));
        assertThat(call, equalTo(invoke("pass_through")));
    }

    /** Runs {@code module.handler(event, None)} and returns the one ChannelFlowCallback it made. */
    private static JsonNode invoke(String module) throws Exception {
        return invoke(module, "", "", Map.of());
    }

    /** The same, with Python run before the handler and after it, and environment variables. */
    private static JsonNode invoke(String module, String before, String after, Map<String, String> environment)
            throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, EVENT);
        String script = before + "import json, sys, boto3, " + module + "\n"
                + module + ".handler(json.load(open(sys.argv[1], encoding='utf-8')), None)\n"
                + after
                + "assert len(boto3.calls) == 1, boto3.calls\n"
                + "print(json.dumps(boto3.calls[0], ensure_ascii=False))\n";
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", script, event.toString()).directory(dir.toFile());
        builder.environment().put("PYTHONPATH", dir.toString());
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out, p.waitFor(), equalTo(0));
        return new ObjectMapper().readTree(out);
    }
}
