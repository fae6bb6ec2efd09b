package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.Outcome;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Message status (SENT, PENDING, FAILED, DENIED) and the reads that show it: GetChannelMessageStatus ("reads
 * the status of"), GetChannelMessage and ListChannelMessages; and posting a message and waiting until the
 * channel flow has processed it. Sending, editing and getting messages otherwise use the message steps.
 */
public class StatusSteps extends Steps {

    public StatusSteps(Driver api) {
        super(api);
    }

    @ParameterType("content|metadata")
    public String messageField(String word) {
        return word.equals("content") ? "Content" : "Metadata";
    }

    // ---------------------------------------------------------------- sending and editing

    /** Sends and waits, through the sender's GetChannelMessageStatus, until the message is no longer PENDING. */
    @Given("{actor} has posted {string} in {channel}, which has been processed")
    public void hasPostedWhichHasBeenProcessed(String actor, String content, String channel) {
        post(actor, channel, content, c -> c);
        awaitProcessing(actor, content, channel);
    }

    @Given("{actor} has posted {string} with the metadata {string} in {channel}, which has been processed")
    public void hasPostedWithMetadataWhichHasBeenProcessed(String actor, String content, String metadata,
                                                           String channel) {
        post(actor, channel, content, c -> c.with("Metadata", metadata));
        awaitProcessing(actor, content, channel);
    }

    // ---------------------------------------------------------------- reading

    @When("{actor} reads the status of {string} in {channel}")
    public void readsTheStatus(String actor, String label, String channel) {
        status(ledger.messageId(label), channel).attempt(actor);
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
        status(world.ids().token(), channel).attempt(actor);
    }

    @When("{actor} gets a message of {channel} that does not exist")
    public void retrievesAMessageThatDoesNotExist(String actor, String channel) {
        message(world.ids().token(), channel).attempt(actor);
    }

    // ---------------------------------------------------------------- what the status is

    /** The status in the response of the When step: a send, an edit, a retrieval or a status read. */
    @Then("the message status is {status}")
    public void theMessageStatusIs(ChannelMessageStatus expected) {
        Outcome outcome = world.outcome();
        assertThat(outcome.toString(), outcome.failed(), is(false));
        assertThat(outcome.operation() + " status", outcome.messageStatus(), is(expected));
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
        Outcome read = world.eventually(() -> status(id, channel).read(actor), StatusSteps::processed);
        assertThat(read.toString(), read.messageStatus(), is(expected));
    }

    @Then("{actor} still reads the status of {string} in {channel} as {status}")
    public void stillReadsTheStatusAs(String actor, String label, String channel, ChannelMessageStatus expected) {
        Outcome read = status(ledger.messageId(label), channel).read(actor);
        assertThat(read.toString(), read.messageStatus(), is(expected));
    }

    @Then("the message read has the content {string} and the metadata {string}")
    public void theMessageReadHas(String content, String metadata) {
        ChannelMessage message = world.outcome().response(GetChannelMessageResponse.class).channelMessage();
        assertThat("Content", message.content(), is(content));
        assertThat("Metadata", message.metadata(), is(metadata));
    }

    @Then("{actor} gets the message {string} from {channel} with the content {string}")
    public void retrievesWithTheContent(String actor, String label, String channel, String content) {
        Outcome read = message(world.message(label), channel).read(actor);
        assertThat("Content", read.response(GetChannelMessageResponse.class).channelMessage().content(), is(content));
    }

    /**
     * Reads the message until the member (Content or Metadata) holds the value; a message the scenario posted
     * has its label as content, which an edit of the metadata alone keeps.
     */
    @Then("{actor} eventually gets the message {string} from {channel} with the {messageField} {string}")
    public void eventuallyRetrievesWith(String actor, String label, String channel, String member, String value) {
        String id = world.message(label);
        Outcome read = world.eventually(() -> message(id, channel).read(actor), o -> !o.failed()
                && value.equals(Members.get(o.response(GetChannelMessageResponse.class).channelMessage(), member)));
        ChannelMessage message = read.response(GetChannelMessageResponse.class).channelMessage();
        assertThat(member, Members.get(message, member), is(value));
        assertThat("Content", message.content(), is("Content".equals(member) ? value : label));
    }

    /** The edit is not visible: the read fails, or shows something else. */
    @Then("{actor} does not see the content {string} when getting the message {string} from {channel}")
    public void doesNotSeeTheContent(String actor, String content, String label, String channel) {
        Outcome read = message(world.message(label), channel).read(actor);
        if (!read.failed()) {
            assertThat("Content", read.response(GetChannelMessageResponse.class).channelMessage().content(),
                    not(is(content)));
        }
    }

    /** MSG-015: "Deletion makes messages inaccessible immediately": read once, at once. */
    @Then("{actor} can no longer get the message {string} from {channel}")
    public void canNoLongerRetrieve(String actor, String label, String channel) {
        Outcome read = message(world.message(label), channel).read(actor);
        assertThat(read.toString(), read.error(), instanceOf(NotFoundException.class));
    }

    @Then("{actor} eventually can no longer get the message {string} from {channel}")
    public void eventuallyCanNoLongerRetrieve(String actor, String label, String channel) {
        String id = world.message(label);
        Outcome read = world.eventually(() -> message(id, channel).read(actor), Outcome::failed);
        assertThat(read.toString(), read.error(), instanceOf(NotFoundException.class));
    }

    /** Polled up to the target's consistency bound: for a clean-up whose timing is not documented (MSG-017). */
    @Then("{actor} eventually finds no message in {channel}")
    public void eventuallyFindsNoMessage(String actor, String channel) {
        List<String> contents = world.eventually(() -> api.canonical("ListChannelMessages", channel, null)
                .<ChannelMessageSummary>items(actor).stream()
                .map(m -> m.content() == null ? "" : m.content()).toList(), List::isEmpty);
        assertThat(contents, is(empty()));
    }

    @Then("{actor} finds no message in {channel}")
    public void findsNoMessage(String actor, String channel) {
        List<ChannelMessageSummary> messages = api.canonical("ListChannelMessages", channel, null)
                .<ListChannelMessagesResponse>send(actor).channelMessages();
        assertThat(messages.stream().map(ChannelMessageSummary::content).toList(), is(empty()));
    }

    /** Processing is over when the status read fails (a denied message has none) or is no longer PENDING. */
    private static boolean processed(Outcome read) {
        return read.failed() || read.messageStatus() != ChannelMessageStatus.PENDING;
    }

    // ---------------------------------------------------------------- helpers

    private void awaitProcessing(String actor, String content, String channel) {
        String id = world.message(content);
        Outcome read = world.eventually(() -> status(id, channel).read(actor), StatusSteps::processed);
        if (!processed(read)) {
            throw new AssertionError("processing of \"" + content + "\" was not over within "
                    + world.processingBound() + ": " + read);
        }
    }

    private Driver.Call status(String messageId, String channel) {
        return api.canonical("GetChannelMessageStatus", channel, null).with("MessageId", messageId);
    }

    private Driver.Call message(String messageId, String channel) {
        return api.canonical("GetChannelMessage", channel, null).with("MessageId", messageId);
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
}
