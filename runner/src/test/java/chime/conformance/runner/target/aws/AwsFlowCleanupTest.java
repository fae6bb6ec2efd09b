package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.reference.ReferenceProcessors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;

/**
 * Channel flows on the aws target, with the processors of the target config (the configured-ARN path): a
 * flow runs the configured processor; a scenario's flows are deleted when the scenario ends; a flow nobody's
 * scenario deleted, still associated with a channel, is disassociated by the janitor and deleted when the
 * run closes. The reference served over HTTP stands in for AWS.
 */
class AwsFlowCleanupTest {

    private RecordingReference aws;
    private AwsTarget target;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        aws = new RecordingReference();
        Map<ProcessorBehaviour, String> processors = new EnumMap<>(ProcessorBehaviour.class);
        for (ProcessorBehaviour b : AwsSettings.NEEDED) {
            processors.put(b, ReferenceProcessors.arn(b));
        }
        TargetConfig config = new TargetConfig(aws.uri(), null, "static", null, null, null, processors,
                Duration.ofSeconds(2), null, null, Map.of(AwsSettings.CONFIRM, "true"), null, null, null, null);
        target = new AwsTargetProvider().open(config, new PrintStream(console, true, StandardCharsets.UTF_8), d -> { });
    }

    @AfterEach
    void close() {
        target.close();
        aws.close();
    }

    @Test
    void aFlowRunsTheConfiguredProcessorAndGoesWithItsScenario() {
        // The processors configured, and the messaging session, which AWS serves.
        assertThat(target.capabilities(), contains(Capability.PROCESSOR_PASS_THROUGH, Capability.PROCESSOR_DENY,
                Capability.PROCESSOR_REWRITE, Capability.PROCESSOR_UNREACHABLE, Capability.MESSAGING_SESSION));
        assertThat(target.processorArn(ProcessorBehaviour.HOLD).isPresent(), is(false));
        ChimeSdkMessagingClient messaging = target.messaging();
        AppInstanceScope scope = target.fixtures().newScope("scenario");
        String ada = scope.createUser("Ada");
        scope.makeAdmin(ada);
        String channel = channel(scope, ada, "shouting");
        String flow = flow(scope, ProcessorBehaviour.REWRITE);
        messaging.associateChannelFlow(r -> r.channelArn(channel).channelFlowArn(flow).chimeBearer(ada));
        messaging.createChannelMembership(r -> r.channelArn(channel).memberArn(ada).type("DEFAULT").chimeBearer(ada));

        messaging.sendChannelMessage(r -> r.channelArn(channel).chimeBearer(ada).content("quiet please")
                .type("STANDARD").persistence("PERSISTENT").clientRequestToken(UUID.randomUUID().toString()));
        // The sender sees its message at once, PENDING while the processor runs: wait for the processed one.
        List<ChannelMessageSummary> seen = poll(() -> messaging.listChannelMessages(r -> r.channelArn(channel)
                .chimeBearer(ada)).channelMessages().stream()
                .filter(m -> m.status() == null || !"PENDING".equals(m.status().valueAsString())).toList());
        assertThat(seen.get(0).content(), equalTo("QUIET PLEASE"));
        assertThat(seen.get(0).metadata(), equalTo("rewritten-by-processor"));

        scope.close();

        assertThat(aws.deletedFlows, contains(flow));
        assertThat(aws.operations, hasItem("disassociateChannelFlow"));
        assertThat(messaging.listChannelFlows(r -> r.appInstanceArn(scope.appInstanceArn())).channelFlows(), empty());
    }

    @Test
    void flowsNoScenarioDeletedAreDisassociatedAndDeletedWhenTheRunCloses() throws Exception {
        AtomicReference<String> left = new AtomicReference<>();
        // A scenario on another thread creates a flow, associates it, and never ends (an interrupted run).
        Thread scenario = new Thread(() -> {
            AppInstanceScope scope = target.fixtures().newScope("scenario");
            String ada = scope.createUser("Ada");
            scope.makeAdmin(ada);
            String channel = channel(scope, ada, "abandoned");
            String flow = flow(scope, ProcessorBehaviour.PASS_THROUGH);
            target.messaging().associateChannelFlow(r -> r.channelArn(channel).channelFlowArn(flow).chimeBearer(ada));
            left.set(flow);
        });
        scenario.start();
        scenario.join();
        assertThat(left.get(), is(not((String) null)));
        // This thread's scenario has no flow of its own: closing it deletes nothing of the other's.
        target.fixtures().newScope("scenario").close();
        assertThat(aws.deletedFlows, empty());

        target.close();

        assertThat(aws.deletedFlows, contains(left.get()));
        assertThat(aws.kitAppInstances(), empty());
        CleanupReport report = target.cleanupReport().orElseThrow();
        assertThat(report.failed(), empty());
        assertThat(report.deleted().stream().map(AwsResource::kind).toList(), containsInAnyOrder(
                AwsResource.Kind.CHANNEL_FLOW, AwsResource.Kind.APP_INSTANCE, AwsResource.Kind.APP_INSTANCE));
        assertThat(new String(console.toByteArray(), StandardCharsets.UTF_8),
                org.hamcrest.Matchers.containsString("deleted channel flow"));
        // Deleting after close: the gate is shut for scenarios.
        assertThat(aws.operations.get(aws.operations.size() - 1), equalTo("deleteAppInstance"));
    }

    private String channel(AppInstanceScope scope, String bearer, String name) {
        return target.messaging().createChannel(r -> r.appInstanceArn(scope.appInstanceArn()).name(name)
                .chimeBearer(bearer).clientRequestToken(UUID.randomUUID().toString())).channelArn();
    }

    private String flow(AppInstanceScope scope, ProcessorBehaviour behaviour) {
        return target.messaging().createChannelFlow(r -> r.appInstanceArn(scope.appInstanceArn()).name(behaviour.key())
                .clientRequestToken(UUID.randomUUID().toString())
                .processors(p -> p.name(behaviour.key()).executionOrder(1).fallbackAction("ABORT")
                        .configuration(c -> c.lambda(l -> l.resourceArn(target.processorArn(behaviour).orElseThrow())
                                .invocationType("ASYNC"))))).channelFlowArn();
    }

    private static <T> List<T> poll(java.util.function.Supplier<List<T>> read) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<T> value = read.get();
        while (value.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }
}
