package chime.conformance.runner.target.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.Targets;
import chime.conformance.runner.wire.Redaction;
import chime.conformance.runner.wire.WireCapture;
import chime.conformance.runner.wire.WireExchange;
import chime.conformance.runner.wire.WireLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;

/** The reference over HTTP as the suite sees it: capabilities, fixtures over the wire, and the wire evidence. */
class ReferenceHttpTargetTest {

    private static Target target;

    @BeforeAll
    static void open() {
        target = Targets.open("reference-http", TargetConfig.empty());
    }

    @AfterAll
    static void close() {
        target.close();
    }

    @Test
    void hasEveryCapabilityOfTheInProcessReferenceAndTheWire() {
        assertThat(target.capabilities(), equalTo(EnumSet.allOf(Capability.class)));
        assertThat(target.endpoint().orElseThrow().getHost(), equalTo("127.0.0.1"));
        assertThat(target.processorArn(ProcessorBehaviour.REWRITE).orElseThrow(), startsWith("arn:aws:lambda:"));
        assertThat(target.processorProbe().isPresent(), is(true));
    }

    @Test
    void recordsEveryExchangeOfTheThreadsScenarioWithSecretsRedacted() throws Exception {
        WireLog log = new WireLog();
        WireCapture.bind(log);
        try (AppInstanceScope scope = target.fixtures().newScope("wire-test")) {
            String alice = scope.createUser("Alice");
            String carol = scope.createUser("Carol");
            String channel = target.messaging().createChannel(r -> r.appInstanceArn(scope.appInstanceArn())
                    .name("wire").privacy(ChannelPrivacy.PUBLIC).mode(ChannelMode.UNRESTRICTED)
                    .clientRequestToken(UUID.randomUUID().toString()).chimeBearer(alice)).channelArn();
            assertThrows(ForbiddenException.class, () -> target.messaging().sendChannelMessage(r -> r
                    .channelArn(channel).content("hi").type("STANDARD").persistence("PERSISTENT")
                    .clientRequestToken("token-12345").chimeBearer(carol)));
        } finally {
            WireCapture.unbind();
        }
        List<WireExchange> exchanges = log.exchanges();
        // CreateAppInstance, two CreateAppInstanceUser, CreateChannel, SendChannelMessage (and the cleanup).
        assertThat(exchanges.size(), greaterThanOrEqualTo(5));
        assertThat(exchanges.get(0).method() + " " + exchanges.get(0).path(), equalTo("POST /app-instances"));
        assertThat(exchanges.get(0).status(), is(201));
        WireExchange denied = exchanges.get(4);
        assertThat(denied.path(), startsWith("/channels/arn%3Aaws%3Achime"));
        assertThat(denied.status(), is(403));
        assertThat(denied.responseHeader("x-amzn-ErrorType"), equalTo("ForbiddenException"));
        assertThat(denied.requestBody(), containsString("\"Content\":\"hi\""));
        assertThat(denied.responseBody(), containsString("\"Code\":\"Forbidden\""));
        assertThat(exchanges.stream().map(e -> e.requestHeaders().get("Authorization")).toList(),
                everyItem(equalTo(Redaction.MASK)));

        JsonNode json = new ObjectMapper().readTree(log.toJson());
        assertThat(json.isArray(), is(true));
        for (String member : List.of("method", "path", "query", "status", "requestHeaders", "requestBody",
                "responseHeaders", "responseBody")) {
            assertThat(member, json.get(4).has(member), is(true));
        }
        assertThat(new String(log.toJson()), not(containsString(SdkClients.DUMMY_SECRET_ACCESS_KEY)));
        assertThat(new String(log.toJson()), not(containsString("Signature=")));
    }

    @Test
    void recordsNothingOutsideAScenario() {
        WireCapture.unbind();
        target.messaging().getMessagingSessionEndpoint(r -> { });
        assertThat(WireCapture.current(), equalTo(null));
    }
}
