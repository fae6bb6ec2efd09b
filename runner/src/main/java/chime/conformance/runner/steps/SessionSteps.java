package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.session.SessionClient;
import chime.conformance.runner.target.session.SessionConnector;
import chime.conformance.runner.target.session.SessionFrame;
import chime.conformance.runner.api.Driver;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The messaging session (capability {@code messaging-session}): each actor opens sessions as the app's client
 * does, and the steps look at what arrived. "receives" waits, with the connector's delivery bound, for a frame
 * that matches, among everything the session received since it opened; "receives no ..." waits the
 * connector's quiet period (stated in features/README.md) and then finds none. No step sleeps for a fixed
 * time otherwise.
 */
public class SessionSteps extends Steps {

    private static final String ESTABLISHED = "SESSION_ESTABLISHED";
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final AtomicLong SESSION_IDS = new AtomicLong(System.nanoTime() & 0xffffffL);

    /** Each actor's sessions, in the order opened; the last one opened by a When is "the session". */
    private final Map<String, List<SessionClient>> sessions = new LinkedHashMap<>();
    private SessionClient lastOpened;

    public SessionSteps(Driver api) {
        super(api);
    }

    private SessionConnector connector() {
        return world.target().sessions().orElseThrow(() -> new HarnessException("target " + world.target().name()
                + " opens no messaging sessions: tag the scenario @requires:" + Capability.MESSAGING_SESSION.tag()));
    }

    private SessionClient open(String actor, String userArn, boolean prefetch) {
        // A decimal number, as the Amazon Chime SDK for JavaScript generates it.
        String sessionId = Long.toString(SESSION_IDS.incrementAndGet());
        SessionClient client = connector().connect(userArn, sessionId, prefetch);
        sessions.computeIfAbsent(actor, a -> new ArrayList<>()).add(client);
        lastOpened = client;
        return client;
    }

    /** Opens a session and waits until it is established: what a "Given ... has a session open" promises. */
    private SessionClient openEstablished(String actor) throws InterruptedException {
        SessionClient client = open(actor, world.actor(actor), false);
        if (client.await(frame -> ESTABLISHED.equals(frame.eventType()), connector().deliveryBound()) == null) {
            throw new HarnessException(actor + "'s messaging session was not established within "
                    + connector().deliveryBound() + (client.closed() == null ? "" : ": closed " + client.closed()));
        }
        return client;
    }

    private List<SessionClient> sessionsOf(String actor) {
        List<SessionClient> opened = sessions.get(actor);
        if (opened == null || opened.isEmpty()) {
            throw new HarnessException("the scenario asserts what " + actor + " receives but " + actor
                    + " has no messaging session open");
        }
        return opened;
    }

    private SessionClient sessionOf(String actor) {
        List<SessionClient> opened = sessionsOf(actor);
        return opened.get(opened.size() - 1);
    }

    @After(order = 2)
    public void closeSessions() {
        sessions.values().forEach(list -> list.forEach(SessionClient::close));
    }

    // ---- opening ----------------------------------------------------------------------------------

    @Given("{actor} has {sessionCount} messaging session(s) open")
    public void hasSessionsOpen(String actor, Integer count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            openEstablished(actor);
        }
    }

    @ParameterType("a|two")
    public Integer sessionCount(String words) {
        return words.equals("a") ? 1 : 2;
    }

    @When("{actor} opens a messaging session")
    public void opensASession(String actor) {
        open(actor, world.actor(actor), false);
    }

    @When("{actor} opens a messaging session with prefetch on connect")
    public void opensASessionWithPrefetch(String actor) {
        open(actor, world.actor(actor), true);
    }

    @When("a user that does not exist opens a messaging session")
    public void anUnknownUserOpensASession() {
        open("Nobody", world.appInstanceArn() + "/user/nobody-" + world.ids().token(), false);
    }

    // ---- establishment and refusal ----------------------------------------------------------------

    @Then("the session is established before any other event")
    public void establishedFirst() throws InterruptedException {
        SessionFrame first = lastOpened.await(frame -> true, connector().deliveryBound());
        assertThat("the session's first frame (closed: " + lastOpened.closed() + ")", first, notNullValue());
        assertThat("the event type of the first frame " + first.text(), first.eventType(), equalTo(ESTABLISHED));
    }

    @Then("the session established event carries no payload")
    public void establishedHasNoPayload() throws InterruptedException {
        SessionFrame established = lastOpened.await(frame -> ESTABLISHED.equals(frame.eventType()),
                connector().deliveryBound());
        assertThat("a SESSION_ESTABLISHED frame", established, notNullValue());
        assertThat("the payload of " + established.text(), established.payloadText() == null
                || established.payloadText().isEmpty(), is(true));
    }

    @Then("the session is closed with the code {int}")
    public void closedWithCode(int code) throws InterruptedException {
        SessionClient.Closed closed = lastOpened.awaitClose(connector().deliveryBound());
        assertThat("the session's close within " + connector().deliveryBound(), closed, notNullValue());
        assertThat("the close code (reason: " + closed.reason() + ")", closed.code(), equalTo(code));
        assertThat("frames before the close", lastOpened.frames().stream()
                .filter(f -> ESTABLISHED.equals(f.eventType())).toList(), empty());
    }

    @Then("{actor}'s session is closed with the code {int}")
    public void actorsSessionClosedWithCode(String actor, int code) throws InterruptedException {
        for (SessionClient client : sessionsOf(actor)) {
            SessionClient.Closed closed = client.awaitClose(connector().deliveryBound());
            assertThat(actor + "'s session's close within " + connector().deliveryBound(), closed, notNullValue());
            assertThat("the close code (reason: " + closed.reason() + ")", closed.code(), equalTo(code));
        }
    }

    // ---- prefetch ---------------------------------------------------------------------------------

    @Then("{actor} receives the channel details of {channel} after the session established event")
    public void receivesChannelDetails(String actor, String channel) throws InterruptedException {
        SessionFrame details = await(actor, channelDetails(channel), "the CHANNEL_DETAILS of " + channel);
        List<SessionFrame> frames = sessionOf(actor).frames();
        int established = indexOf(frames, f -> ESTABLISHED.equals(f.eventType()));
        assertThat("SESSION_ESTABLISHED comes before CHANNEL_DETAILS in " + frames, established,
                lessThan(frames.indexOf(details)));
        assertThat("the frame's message type", details.messageType(), equalTo("SYSTEM"));
    }

    @Then("the channel details of {channel} that {actor} receives include the message {string}")
    public void channelDetailsIncludeMessage(String channel, String actor, String content) throws InterruptedException {
        SessionFrame details = await(actor, channelDetails(channel), "the CHANNEL_DETAILS of " + channel);
        List<String> contents = new ArrayList<>();
        details.payload().path("ChannelMessages").forEach(m -> contents.add(m.path("Content").asText()));
        assertThat("the messages in " + details.payloadText(), contents.contains(content), is(true));
    }

    @Then("the channel details of {channel} that {actor} receives list {actor} among the members")
    public void channelDetailsListMember(String channel, String actor, String member) throws InterruptedException {
        SessionFrame details = await(actor, channelDetails(channel), "the CHANNEL_DETAILS of " + channel);
        String arn = world.actor(member);
        List<String> members = new ArrayList<>();
        details.payload().path("ChannelMemberships").forEach(m -> members.add(m.path("Member").path("Arn").asText()));
        assertThat("the memberships in " + details.payloadText(), members.contains(arn), is(true));
    }

    private Predicate<SessionFrame> channelDetails(String channel) {
        String arn = world.channel(channel);
        return f -> "CHANNEL_DETAILS".equals(f.eventType()) && arn.equals(f.channelArn());
    }

    // ---- messages ---------------------------------------------------------------------------------

    @Then("{actor} receives {string} from {actor}")
    public void receivesMessage(String actor, String content, String sender) throws InterruptedException {
        awaitMessage(actor, content, sender);
    }

    @Then("each of {actor}'s sessions receives {string} from {actor}")
    public void everySessionReceives(String actor, String content, String sender) throws InterruptedException {
        Predicate<SessionFrame> wanted = messageEvent("CREATE_CHANNEL_MESSAGE", content).and(fromSender(sender));
        for (SessionClient client : sessionsOf(actor)) {
            SessionFrame frame = client.await(wanted, connector().deliveryBound());
            assertThat(actor + "'s session " + sessionsOf(actor).indexOf(client) + " received " + client.frames(),
                    frame, notNullValue());
        }
    }

    @Then("{actor} receives {string} from {actor} as a {word} message")
    public void receivesMessageOfType(String actor, String content, String sender, String type)
            throws InterruptedException {
        SessionFrame frame = awaitMessage(actor, content, sender);
        assertThat("x-amz-chime-message-type of " + frame.text(), frame.messageType(), equalTo(type));
        assertThat("the payload's Type", frame.field("Type"), equalTo(type));
    }

    @Then("{actor} receives the {word} event for {string}")
    public void receivesEventForMessage(String actor, String eventType, String label) throws InterruptedException {
        await(actor, messageEvent(eventType, label), eventType + " for \"" + label + "\"");
    }

    @Then("{actor} receives the {word} event for {string} reading {string}")
    public void receivesEventReading(String actor, String eventType, String label, String content)
            throws InterruptedException {
        await(actor, messageEvent(eventType, label).and(f -> content.equals(f.field("Content"))),
                eventType + " for \"" + label + "\" reading \"" + content + "\"");
    }

    @Then("{actor} receives {string} with the status {word}")
    public void receivesWithStatus(String actor, String label, String status) throws InterruptedException {
        SessionFrame frame = await(actor, messageEvent(null, label).and(f -> status.equals(f.field("Status.Value"))),
                "an event for \"" + label + "\" with the status " + status);
        assertThat(frame.field("Status.Value"), equalTo(status));
    }

    @Then("{actor} receives no event for {string}")
    public void receivesNoEventFor(String actor, String label) throws InterruptedException {
        assertNothing(actor, messageEvent(null, label), "an event for \"" + label + "\"");
    }

    @Then("{actor} receives no {word} event for {string}")
    public void receivesNoSuchEventFor(String actor, String eventType, String label) throws InterruptedException {
        assertNothing(actor, messageEvent(eventType, label), eventType + " for \"" + label + "\"");
    }

    @Then("{actor} receives {string} before {string}")
    public void receivesInOrder(String actor, String first, String second) throws InterruptedException {
        SessionFrame later = await(actor, messageEvent("CREATE_CHANNEL_MESSAGE", second), "\"" + second + "\"");
        List<SessionFrame> frames = sessionOf(actor).frames();
        int a = indexOf(frames, messageEvent("CREATE_CHANNEL_MESSAGE", first));
        assertThat("\"" + first + "\" among " + frames, a, greaterThanOrEqualTo(0));
        assertThat("the position of \"" + first + "\" before \"" + second + "\" in " + frames, a,
                lessThan(frames.indexOf(later)));
    }

    @Then("{actor} receives the events {word}, {word}, {word} and {word} for {string}, in that order")
    public void receivesEventsInOrder(String actor, String e1, String e2, String e3, String e4, String label)
            throws InterruptedException {
        await(actor, messageEvent(e4, label), e4 + " for \"" + label + "\"");
        List<String> seen = sessionOf(actor).frames().stream().filter(messageEvent(null, label))
                .map(SessionFrame::eventType).toList();
        assertThat("the events for \"" + label + "\"", seen, equalTo(List.of(e1, e2, e3, e4)));
    }

    @Then("the event {actor} received for {string} carries the message as the API describes it")
    public void theEventCarriesTheMessage(String actor, String label) throws InterruptedException {
        SessionFrame frame = await(actor, messageEvent("CREATE_CHANNEL_MESSAGE", label), "\"" + label + "\"");
        assertThat("the frame " + frame.text() + " is JSON with Headers and a string Payload", frame.wellFormed(),
                is(true));
        JsonNode message = frame.payload();
        assertThat("the payload is the ChannelMessage itself, not wrapped: " + frame.payloadText(),
                message.has("MessageId"), is(true));
        assertThat(frame.field("MessageId"), equalTo(ledger.messageId(label)));
        assertThat(frame.field("ChannelArn"), equalTo(world.channel(ledger.posted(label).channel())));
        assertThat(frame.field("Content"), equalTo(label));
        assertThat(frame.field("Type"), equalTo("STANDARD"));
        assertThat(frame.field("Persistence"), equalTo("PERSISTENT"));
        assertThat(frame.field("Sender.Arn"), equalTo(ledger.posted(label).posterArn()));
        assertThat(frame.field("Sender.Name"), notNullValue());
        assertThat(frame.field("Status.Value"), equalTo("SENT"));
        assertThat(frame.field("Redacted"), equalTo("false"));
        assertThat(frame.messageType(), equalTo("STANDARD"));
    }

    @Then("the timestamps in the event {actor} received for {string} are ISO-8601 with milliseconds")
    public void timestampsAreIso(String actor, String label) throws InterruptedException {
        SessionFrame frame = await(actor, messageEvent("CREATE_CHANNEL_MESSAGE", label), "\"" + label + "\"");
        for (String field : List.of("CreatedTimestamp", "LastUpdatedTimestamp")) {
            assertThat(field + " in " + frame.payloadText(), frame.field(field), matchesPattern(ISO_MILLIS));
        }
    }

    /**
     * A channel-message event (any type if null) about the message with this label: by its ID when the
     * scenario posted it, else by its content.
     */
    private Predicate<SessionFrame> messageEvent(String eventType, String label) {
        String id = knownMessageId(label);
        return f -> f.eventType() != null && f.eventType().endsWith("CHANNEL_MESSAGE")
                && (eventType == null || eventType.equals(f.eventType()))
                && (id != null ? id.equals(f.field("MessageId")) : label.equals(f.field("Content")));
    }

    private String knownMessageId(String label) {
        try {
            return ledger.messageId(label);
        } catch (HarnessException | IllegalStateException | ClassCastException notPosted) {
            return null;
        }
    }

    private Predicate<SessionFrame> fromSender(String sender) {
        String arn = world.actor(sender);
        return f -> arn.equals(f.field("Sender.Arn"));
    }

    private SessionFrame awaitMessage(String actor, String content, String sender) throws InterruptedException {
        return await(actor, messageEvent("CREATE_CHANNEL_MESSAGE", content).and(fromSender(sender)),
                "CREATE_CHANNEL_MESSAGE \"" + content + "\" from " + sender);
    }

    // ---- memberships and channels -----------------------------------------------------------------

    @Then("{actor} receives the {word} event for {actor} in {channel}")
    public void receivesMembershipEvent(String actor, String eventType, String member, String channel)
            throws InterruptedException {
        SessionFrame frame = await(actor, membershipEvent(eventType, member, channel),
                eventType + " for " + member + " in " + channel);
        assertThat("x-amz-chime-message-type", frame.messageType(), equalTo("SYSTEM"));
    }

    @Then("{actor} receives no {word} event for {actor} in {channel}")
    public void receivesNoMembershipEvent(String actor, String eventType, String member, String channel)
            throws InterruptedException {
        assertNothing(actor, membershipEvent(eventType, member, channel), eventType + " for " + member + " in " + channel);
    }

    private Predicate<SessionFrame> membershipEvent(String eventType, String member, String channel) {
        String memberArn = world.actor(member);
        String channelArn = world.channel(channel);
        return f -> eventType.equals(f.eventType()) && channelArn.equals(f.channelArn())
                && memberArn.equals(f.field("Member.Arn"));
    }

    @Then("{actor} receives one {word} event for {channel} naming {actorList}")
    public void receivesOneBatchEvent(String actor, String eventType, String channel, List<String> members)
            throws InterruptedException {
        String channelArn = world.channel(channel);
        SessionFrame frame = awaitChannelEvent(actor, eventType, channel);
        List<String> named = new ArrayList<>();
        frame.payload().path("Members").forEach(m -> named.add(m.path("Arn").asText()));
        List<String> expected = members.stream().map(world::actor).sorted().toList();
        assertThat("the members named by " + frame.payloadText(), named.stream().sorted().toList(), equalTo(expected));
        assertThat("per-member events for the batch", sessionOf(actor).frames().stream()
                .filter(f -> "CREATE_CHANNEL_MEMBERSHIP".equals(f.eventType()) && channelArn.equals(f.channelArn()))
                .toList(), empty());
    }

    @Then("{actor} receives the {word} event for the channel {channel}")
    public void receivesChannelEvent(String actor, String eventType, String channel) throws InterruptedException {
        SessionFrame frame = awaitChannelEvent(actor, eventType, channel);
        assertThat("x-amz-chime-message-type", frame.messageType(), equalTo("SYSTEM"));
    }

    @Then("the {word} event {actor} received for {channel} names the channel {string}")
    public void channelEventNames(String eventType, String actor, String channel, String name)
            throws InterruptedException {
        SessionFrame frame = awaitChannelEvent(actor, eventType, channel);
        assertThat("the Name in " + frame.payloadText(), frame.field("Name"), equalTo(name));
    }

    private SessionFrame awaitChannelEvent(String actor, String eventType, String channel) throws InterruptedException {
        String channelArn = world.channel(channel);
        return await(actor, f -> eventType.equals(f.eventType()) && channelArn.equals(f.channelArn()),
                eventType + " for " + channel);
    }

    @Then("{actor} receives nothing about {channel}")
    public void receivesNothingAbout(String actor, String channel) throws InterruptedException {
        String channelArn = world.channel(channel);
        assertNothing(actor, f -> channelArn.equals(f.channelArn()), "an event about " + channel);
    }

    // ---- waiting ----------------------------------------------------------------------------------

    private SessionFrame await(String actor, Predicate<SessionFrame> wanted, String what) throws InterruptedException {
        SessionClient client = sessionOf(actor);
        Duration bound = connector().deliveryBound();
        SessionFrame frame = client.await(wanted, bound);
        assertThat(actor + " receives " + what + " within " + bound + "; received " + client.frames()
                + (client.closed() == null ? "" : ", then closed " + client.closed()), frame, notNullValue());
        return frame;
    }

    /** Waits the quiet period on every session of the actor, then finds nothing that matches. */
    private void assertNothing(String actor, Predicate<SessionFrame> unwanted, String what) throws InterruptedException {
        Duration quiet = connector().quietPeriod();
        for (SessionClient client : sessionsOf(actor)) {
            List<SessionFrame> found = client.during(unwanted, quiet);
            assertThat(actor + " receives nothing that is " + what + " (waited " + quiet + ")", found, empty());
        }
    }

    private static int indexOf(List<SessionFrame> frames, Predicate<SessionFrame> wanted) {
        for (int i = 0; i < frames.size(); i++) {
            if (wanted.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "SessionSteps" + Objects.toString(sessions.keySet());
    }
}
