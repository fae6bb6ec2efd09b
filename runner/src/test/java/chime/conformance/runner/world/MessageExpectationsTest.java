package chime.conformance.runner.world;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.runner.faults.Interceptor;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.target.reference.ReferenceTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;

/**
 * Every message a scenario reads is checked against what the scenario wrote: here the reference is read
 * through a layer that can change what it answers, as a faulty service would.
 */
class MessageExpectationsTest {

    private final ReferenceTarget reference = new ReferenceTarget();
    /** What the service underneath does to a message it returns. */
    private volatile UnaryOperator<ChannelMessage> tamper = m -> m;
    /** How long the target says its reads may lag behind its writes. */
    private volatile Duration bound = Duration.ZERO;
    private World world;
    private String alice;
    private String channel;

    private final class Tampered implements Target {
        private final ChimeSdkMessagingClient messaging = Interceptor.wrap(reference.messaging(), Interceptor.all(
                Interceptor.on(GetChannelMessageRequest.class, (q, chain) -> {
                    GetChannelMessageResponse r = chain.call(q);
                    return r.toBuilder().channelMessage(tamper.apply(r.channelMessage())).build();
                }),
                Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                    ListChannelMessagesResponse r = chain.call(q);
                    return r.toBuilder().channelMessages(r.channelMessages().stream().map(s -> {
                        ChannelMessage m = tamper.apply(ChannelMessage.builder().messageId(s.messageId()).content(s.content())
                                .metadata(s.metadata()).type(s.type()).sender(s.sender()).status(s.status()).build());
                        return s.toBuilder().content(m.content()).metadata(m.metadata()).type(m.type()).sender(m.sender()).build();
                    }).toList()).build();
                })));

        @Override
        public String name() {
            return "tampered";
        }

        @Override
        public String description() {
            return "the reference, read through a layer that may change messages";
        }

        @Override
        public Set<Capability> capabilities() {
            return reference.capabilities();
        }

        @Override
        public ChimeSdkMessagingClient messaging() {
            return messaging;
        }

        @Override
        public ChimeSdkIdentityClient identity() {
            return reference.identity();
        }

        @Override
        public Fixtures fixtures() {
            return reference.fixtures();
        }

        @Override
        public Optional<String> processorArn(ProcessorBehaviour behaviour) {
            return reference.processorArn(behaviour);
        }

        @Override
        public Duration consistencyBound() {
            return bound;
        }
    }

    @BeforeEach
    void aChannelWithAMember() {
        TargetSession.install(new Tampered());
        world = new World();
        alice = world.actor("Alice");
        String arn = world.messaging().createChannel(r -> r.appInstanceArn(world.appInstanceArn()).name("lobby")
                .mode(ChannelMode.UNRESTRICTED).privacy(ChannelPrivacy.PUBLIC)
                .clientRequestToken(UUID.randomUUID().toString()).chimeBearer(alice)).channelArn();
        world.rememberChannel("lobby", arn);
        channel = arn;
        Setup.tolerateConflict(() -> world.messaging().createChannelMembership(r -> r.channelArn(arn).memberArn(alice)
                .type("DEFAULT").chimeBearer(world.actor(World.ADMIN))));
    }

    @AfterEach
    void uninstall() {
        world.close();
        TargetSession.install(null);
        reference.close();
    }

    private String post(String content, String metadata) {
        String id = world.messaging().sendChannelMessage(r -> r.channelArn(channel).content(content).metadata(metadata)
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(UUID.randomUUID().toString()).chimeBearer(alice)).messageId();
        world.rememberMessage(content, id);
        return id;
    }

    private ChannelMessage get(String id) {
        return world.messaging().getChannelMessage(r -> r.channelArn(channel).messageId(id).chimeBearer(alice))
                .channelMessage();
    }

    private void list() {
        world.messaging().listChannelMessages(r -> r.channelArn(channel).chimeBearer(alice));
    }

    @Test
    void aMessageReadAsItWasSentPasses() {
        String id = post("Hello", "{\"x\":1}");
        assertThat(get(id).content(), equalTo("Hello"));
        list();
        assertThat(world.expectations().checked(), equalTo(2));
    }

    @Test
    void alteredContentFailsTheReadNamingTheMessageAndTheMember() {
        String id = post("Hello", null);
        tamper = m -> m.toBuilder().content(m.content() + "!").build();
        AssertionError got = assertThrows(AssertionError.class, () -> get(id));
        assertThat(got.getMessage(), allOf(containsString("GetChannelMessage by Alice"), containsString("\"Hello\""),
                containsString("Content \"Hello!\""), containsString("as sent")));
        assertThat(assertThrows(AssertionError.class, this::list).getMessage(), containsString("ListChannelMessages by Alice"));
    }

    @Test
    void alteredMetadataTypeOrSenderFailsTheRead() {
        String id = post("Hello", "lang=en");
        tamper = m -> m.toBuilder().metadata("lang=fr").build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("Metadata \"lang=fr\""));
        tamper = m -> m.toBuilder().type(ChannelMessageType.CONTROL).build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("Type CONTROL"));
        String bob = world.actor("Bob");
        tamper = m -> m.toBuilder().sender(s -> s.arn(bob).name("Bob")).build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("Sender.Arn"));
    }

    @Test
    void metadataNeverSentIsNotChecked() {
        String id = post("Hello", null);
        tamper = m -> m.toBuilder().metadata("").build();
        assertThat(get(id).metadata(), equalTo(""));
    }

    @Test
    void anEditedMessageMustReadAsEdited() {
        String id = post("Helo", "v1");
        world.messaging().updateChannelMessage(r -> r.channelArn(channel).messageId(id).content("Hello").metadata("v2")
                .chimeBearer(alice));
        assertThat(get(id).content(), equalTo("Hello"));
        tamper = m -> m.toBuilder().content("Helo").build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("as edited"));
    }

    @Test
    void onATargetWhoseReadsMayLagTheValueAnEditReplacedIsAcceptedWithinTheBound() {
        bound = Duration.ofMinutes(1);
        String id = post("Helo", null);
        world.messaging().updateChannelMessage(r -> r.channelArn(channel).messageId(id).content("Hello").chimeBearer(alice));
        tamper = m -> m.toBuilder().content("Helo").build();
        assertThat(get(id).content(), equalTo("Helo"));
        tamper = m -> m.toBuilder().content("Hullo").build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("Content \"Hullo\""));
    }

    @Test
    void aRedactedMessageMustReadWithoutContentButItsMetadataIsNotChecked() {
        String id = post("my password is hunter2", "kept?");
        world.messaging().redactChannelMessage(r -> r.channelArn(channel).messageId(id).chimeBearer(world.actor(World.ADMIN)));
        tamper = m -> m.toBuilder().metadata(null).build();
        get(id);
        tamper = m -> m.toBuilder().content("my password is hunter2").build();
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(), containsString("cleared by the redaction"));
    }

    @Test
    void aMessageTheRewriteProcessorDeliveredMustReadAsRewritten() {
        String flow = world.messaging().createChannelFlow(r -> r.appInstanceArn(world.appInstanceArn()).name("shout")
                .clientRequestToken(UUID.randomUUID().toString())
                .processors(p -> p.name("rewrite").executionOrder(1).fallbackAction(FallbackAction.ABORT)
                        .configuration(c -> c.lambda(l -> l.resourceArn(reference.processorArn(ProcessorBehaviour.REWRITE)
                                .orElseThrow()).invocationType(InvocationType.ASYNC))))).channelFlowArn();
        world.messaging().associateChannelFlow(r -> r.channelArn(channel).channelFlowArn(flow)
                .chimeBearer(world.actor(World.ADMIN)));
        String id = post("please help", "lang=en");
        ChannelMessage delivered = pollUntilSent(id);
        assertThat(delivered.content(), equalTo("PLEASE HELP"));
        tamper = m -> m.status().value() == ChannelMessageStatus.SENT ? m.toBuilder().content("please help").build() : m;
        assertThat(assertThrows(AssertionError.class, () -> get(id)).getMessage(),
                containsString("as the rewrite processor leaves it"));
    }

    private ChannelMessage pollUntilSent(String id) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ChannelMessage read = get(id);
        while (read.status().value() != ChannelMessageStatus.SENT && System.nanoTime() < until) {
            Thread.onSpinWait();
            read = get(id);
        }
        return read;
    }

    @Test
    void messagesTheScenarioDidNotSendAreNotChecked() {
        String id = reference.messaging().sendChannelMessage(r -> r.channelArn(channel).content("raw")
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(UUID.randomUUID().toString()).chimeBearer(alice)).messageId();
        tamper = m -> m.toBuilder().content("anything").build();
        assertThat(get(id).content(), equalTo("anything"));
        assertThat(world.expectations().checked(), equalTo(0));
    }
}
