package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.Listings;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatusStructure;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageStatusResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelMessageResponse;

/**
 * Message status (SENT, PENDING, FAILED, DENIED) and the reads that show it: GetChannelMessageStatus ("reads
 * the status of"), GetChannelMessage and ListChannelMessages; and posting a message and waiting until the
 * channel flow has processed it. Sending, editing and getting messages otherwise use the message steps.
 */
public class StatusSteps {

    private final World world;
    private final MessageLedger ledger;
    private final Listings lists;
    private final ChannelFlowFixtures flows;

    public StatusSteps(World world, MessageLedger ledger, Listings lists, ChannelFlowFixtures flows) {
        this.world = world;
        this.ledger = ledger;
        this.lists = lists;
        this.flows = flows;
    }

    @ParameterType("SENT|PENDING|FAILED|DENIED")
    public ChannelMessageStatus status(String value) {
        return ChannelMessageStatus.fromValue(value);
    }

    // ---------------------------------------------------------------- sending and editing

    /** Sends and waits, through the sender's GetChannelMessageStatus, until the message is no longer PENDING. */
    @Given("{actor} has posted {string} in {channel}, which has been processed")
    public void hasPostedWhichHasBeenProcessed(String actor, String content, String channel) {
        ledger.post(actor, channel, content, b -> { });
        awaitProcessing(actor, content, channel);
    }

    @Given("{actor} has posted {string} with the metadata {string} in {channel}, which has been processed")
    public void hasPostedWithMetadataWhichHasBeenProcessed(String actor, String content, String metadata,
                                                           String channel) {
        ledger.post(actor, channel, content, b -> b.metadata(metadata));
        awaitProcessing(actor, content, channel);
    }

    // ---------------------------------------------------------------- reading

    @When("{actor} reads the status of {string} in {channel}")
    public void readsTheStatus(String actor, String label, String channel) {
        record(readStatus(actor, ledger.messageId(label), channel));
    }

    /** The read must end before the slow-pass-through processor can have answered (see ChannelFlowFixtures). */
    @When("{actor} reads the status of {string} in {channel} before the processor answers")
    public void readsTheStatusBeforeTheProcessorAnswers(String actor, String label, String channel) {
        readsTheStatus(actor, label, channel);
        flows.requireBeforeTheSlowProcessorAnswers();
    }

    /** Waits, through the sender's GetChannelMessageStatus, until the message is no longer PENDING. */
    @Given("{string} has been processed")
    public void hasBeenProcessed(String label) {
        MessageLedger.Posted posted = ledger.posted(label);
        awaitProcessing(posted.posterName(), label, posted.channel());
    }

    @When("{actor} reads the status of a message of {channel} that does not exist")
    public void readsTheStatusOfAMessageThatDoesNotExist(String actor, String channel) {
        record(readStatus(actor, unknownMessageId(), channel));
    }

    @When("{actor} gets a message of {channel} that does not exist")
    public void retrievesAMessageThatDoesNotExist(String actor, String channel) {
        record(retrieve(actor, unknownMessageId(), channel));
    }

    // ---------------------------------------------------------------- what the status is

    /** The status in the response of the When step: a send, an edit, a retrieval or a status read. */
    @Then("the message status is {status}")
    public void theMessageStatusIs(ChannelMessageStatus expected) {
        Outcome outcome = world.outcome();
        assertThat(outcome.toString(), outcome.failed(), is(false));
        assertThat(outcome.operation() + " status", statusOf(outcome.response()), is(expected));
    }

    @Then("{string} is listed with the status {status}")
    public void isListedWithTheStatus(String label, ChannelMessageStatus expected) {
        ChannelMessageSummary summary = listed(label);
        if (summary == null) {
            throw new AssertionError("\"" + label + "\" is not listed; listed: " + listedContents());
        }
        assertThat("status of \"" + label + "\"", summary.status() == null ? null : summary.status().value(),
                is(expected));
    }

    @Then("{string} is not among the messages listed")
    public void isNotAmongTheMessagesListed(String label) {
        assertThat("\"" + label + "\" listed", listed(label) == null, is(true));
    }

    @Then("{actor} eventually reads the status of {string} in {channel} as {status}")
    public void eventuallyReadsTheStatusAs(String actor, String label, String channel, ChannelMessageStatus expected) {
        String id = ledger.messageId(label);
        Outcome read = world.eventually(() -> readStatus(actor, id, channel), StatusSteps::processed);
        assertThat(read.toString(), read.failed(), is(false));
        assertThat(statusOf(read.response()), is(expected));
    }

    @Then("{actor} still reads the status of {string} in {channel} as {status}")
    public void stillReadsTheStatusAs(String actor, String label, String channel, ChannelMessageStatus expected) {
        Outcome read = readStatus(actor, ledger.messageId(label), channel);
        assertThat(read.toString(), read.failed(), is(false));
        assertThat(statusOf(read.response()), is(expected));
    }

    @Then("the message read has the content {string} and the metadata {string}")
    public void theMessageReadHas(String content, String metadata) {
        ChannelMessage message = world.outcome().response(GetChannelMessageResponse.class).channelMessage();
        assertThat("Content", message.content(), is(content));
        assertThat("Metadata", message.metadata(), is(metadata));
    }

    @Then("{actor} gets the message {string} from {channel} with the content {string}")
    public void retrievesWithTheContent(String actor, String label, String channel, String content) {
        Outcome read = retrieve(actor, world.message(label), channel);
        assertThat("Content", read.response(GetChannelMessageResponse.class).channelMessage().content(), is(content));
    }

    @Then("{actor} eventually gets the message {string} from {channel} with the content {string}")
    public void eventuallyRetrievesWithTheContent(String actor, String label, String channel, String content) {
        String id = world.message(label);
        Outcome read = world.eventually(() -> retrieve(actor, id, channel), o -> !o.failed()
                && content.equals(o.response(GetChannelMessageResponse.class).channelMessage().content()));
        assertThat("Content", read.response(GetChannelMessageResponse.class).channelMessage().content(), is(content));
    }

    @Then("{actor} eventually gets the message {string} from {channel} with the metadata {string}")
    public void eventuallyRetrievesWithTheMetadata(String actor, String label, String channel, String metadata) {
        String id = world.message(label);
        Outcome read = world.eventually(() -> retrieve(actor, id, channel), o -> !o.failed()
                && metadata.equals(o.response(GetChannelMessageResponse.class).channelMessage().metadata()));
        ChannelMessage message = read.response(GetChannelMessageResponse.class).channelMessage();
        assertThat("Metadata", message.metadata(), is(metadata));
        assertThat("Content", message.content(), is(label));
    }

    /** The edit is not visible: the read fails, or shows something else. */
    @Then("{actor} does not see the content {string} when getting the message {string} from {channel}")
    public void doesNotSeeTheContent(String actor, String content, String label, String channel) {
        Outcome read = retrieve(actor, world.message(label), channel);
        if (!read.failed()) {
            assertThat("Content", read.response(GetChannelMessageResponse.class).channelMessage().content(),
                    not(is(content)));
        }
    }

    /** MSG-015: "Deletion makes messages inaccessible immediately": read once, at once. */
    @Then("{actor} can no longer get the message {string} from {channel}")
    public void canNoLongerRetrieve(String actor, String label, String channel) {
        Outcome read = retrieve(actor, world.message(label), channel);
        assertThat(read.toString(), read.error(), instanceOf(NotFoundException.class));
    }

    @Then("{actor} eventually can no longer get the message {string} from {channel}")
    public void eventuallyCanNoLongerRetrieve(String actor, String label, String channel) {
        String id = world.message(label);
        Outcome read = world.eventually(() -> retrieve(actor, id, channel), Outcome::failed);
        assertThat(read.toString(), read.error(), instanceOf(NotFoundException.class));
    }

    /** Polled up to the target's consistency bound: for a clean-up whose timing is not documented (MSG-017). */
    @Then("{actor} eventually finds no message in {channel}")
    public void eventuallyFindsNoMessage(String actor, String channel) {
        String reader = world.actor(actor);
        String arn = world.channel(channel);
        List<String> contents = world.eventually(() -> lists.messages(reader, arn).stream()
                .map(m -> m.content() == null ? "" : m.content()).toList(), List::isEmpty);
        assertThat(contents, is(empty()));
    }

    @Then("{actor} finds no message in {channel}")
    public void findsNoMessage(String actor, String channel) {
        String reader = world.actor(actor);
        String arn = world.channel(channel);
        List<ChannelMessageSummary> messages = world.messaging().listChannelMessages(r -> r.channelArn(arn)
                .chimeBearer(reader)).channelMessages();
        assertThat(messages.stream().map(ChannelMessageSummary::content).toList(), is(empty()));
    }

    // ---------------------------------------------------------------- shared with the other step classes

    /** The status a response carries, for the responses that carry one. */
    static ChannelMessageStatus statusOf(SdkResponse response) {
        ChannelMessageStatusStructure status;
        if (response instanceof SendChannelMessageResponse sent) {
            status = sent.status();
        } else if (response instanceof UpdateChannelMessageResponse updated) {
            status = updated.status();
        } else if (response instanceof GetChannelMessageResponse got) {
            status = got.channelMessage() == null ? null : got.channelMessage().status();
        } else if (response instanceof GetChannelMessageStatusResponse read) {
            status = read.status();
        } else {
            throw new HarnessException("a " + (response == null ? "missing response" : response.getClass().getSimpleName())
                    + " carries no message status");
        }
        return status == null ? null : status.value();
    }

    /** Processing is over when the status read fails (a denied message has none) or is no longer PENDING. */
    private static boolean processed(Outcome read) {
        return read.failed() || statusOf(read.response()) != ChannelMessageStatus.PENDING;
    }

    // ---------------------------------------------------------------- helpers

    private void awaitProcessing(String actor, String content, String channel) {
        String id = world.message(content);
        Outcome read = world.eventually(() -> readStatus(actor, id, channel), StatusSteps::processed);
        if (!processed(read)) {
            throw new AssertionError("processing of \"" + content + "\" was not over within "
                    + world.processingBound() + ": " + read);
        }
    }

    /** Reads the status without recording it as the When step's outcome (record() does that). */
    private Outcome readStatus(String actor, String messageId, String channel) {
        String reader = world.actor(actor);
        String arn = world.channel(channel);
        return quietly("GetChannelMessageStatus", actor, () -> world.messaging().getChannelMessageStatus(r -> r
                .channelArn(arn).messageId(messageId).chimeBearer(reader)));
    }

    private Outcome retrieve(String actor, String messageId, String channel) {
        String reader = world.actor(actor);
        String arn = world.channel(channel);
        return quietly("GetChannelMessage", actor, () -> world.messaging().getChannelMessage(r -> r
                .channelArn(arn).messageId(messageId).chimeBearer(reader)));
    }

    /** Makes the outcome of a read the When step's outcome. */
    private void record(Outcome read) {
        world.attempt(read.operation(), read.actor(), () -> {
            if (read.failed()) {
                throw read.error();
            }
            return read.response();
        });
    }

    /** A call whose outcome a Given or Then step inspects itself, leaving the When step's outcome alone. */
    static Outcome quietly(String operation, String actor, Supplier<? extends SdkResponse> call) {
        try {
            return new Outcome(operation, actor, call.get(), null);
        } catch (AwsServiceException e) {
            return new Outcome(operation, actor, null, e);
        }
    }

    /** The listing of the When step's entry for a message: by the ID remembered for it, else by content. */
    private ChannelMessageSummary listed(String label) {
        ListChannelMessagesResponse page = world.outcome().response(ListChannelMessagesResponse.class);
        String id;
        try {
            id = world.message(label);
        } catch (HarnessException notRemembered) {
            id = null;
        }
        for (ChannelMessageSummary summary : page.channelMessages()) {
            if (id != null ? id.equals(summary.messageId()) : label.equals(summary.content())) {
                return summary;
            }
        }
        return null;
    }

    private List<String> listedContents() {
        return world.outcome().response(ListChannelMessagesResponse.class).channelMessages().stream()
                .map(ChannelMessageSummary::content).toList();
    }

    private static String unknownMessageId() {
        return UUID.randomUUID().toString();
    }
}
