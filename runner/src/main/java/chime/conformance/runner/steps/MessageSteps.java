package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger.Posted;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import java.util.Map;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Messages: send, get, update, delete, redact, list (rules MSG-001 to MSG-025).
 *
 * <p>Messages are named in features by a label, their content when first posted; an edited message keeps
 * its label. "posts" means STANDARD and PERSISTENT unless the step says otherwise (features/README.md).
 */
public class MessageSteps extends Steps {

    /** MSG-002: the form of a MessageId in the service model. */
    private static final String MESSAGE_ID_FORM = "[-_a-zA-Z0-9]{1,128}";

    public MessageSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- glossary

    /** The type or the persistence of a message, as the feature names it: "the CONTROL message". */
    public record MessageKind(ChannelMessageType type, ChannelMessagePersistenceType persistence) {
    }

    @ParameterType("STANDARD|CONTROL|PERSISTENT|NON_PERSISTENT")
    public MessageKind messageKind(String word) {
        return switch (word) {
            case "CONTROL" -> new MessageKind(ChannelMessageType.CONTROL, ChannelMessagePersistenceType.PERSISTENT);
            case "NON_PERSISTENT" -> new MessageKind(ChannelMessageType.STANDARD,
                    ChannelMessagePersistenceType.NON_PERSISTENT);
            default -> new MessageKind(ChannelMessageType.STANDARD, ChannelMessagePersistenceType.PERSISTENT);
        };
    }

    /**
     * How a feature asks for a channel's messages: the channel, then, if it says so, the order ("oldest first",
     * "newest first") and bounds set strictly between the creation times of two messages (MSG-022, MSG-023):
     * {@code "club" oldest first with NotBefore between "a" and "b" and NotAfter between "c" and "d"}.
     */
    public record MessageQuery(String channel, String order, String notBeforeAfter, String notBeforeBefore,
                               String notAfterAfter, String notAfterBefore) {
    }

    @ParameterType("\"([^\"]+)\"(?: (oldest first|newest first))?"
            + "(?: with NotBefore between \"([^\"]*)\" and \"([^\"]*)\")?"
            + "(?: (?:with|and) NotAfter between \"([^\"]*)\" and \"([^\"]*)\")?")
    public MessageQuery messageQuery(String channel, String order, String notBeforeAfter, String notBeforeBefore,
                                     String notAfterAfter, String notAfterBefore) {
        return new MessageQuery(channel, order == null ? null : order.startsWith("oldest") ? "ASCENDING" : "DESCENDING",
                notBeforeAfter, notBeforeBefore, notAfterAfter, notAfterBefore);
    }

    /** One or more quoted texts: {@code "one", "two" and "three"}. */
    @ParameterType("\"[^\"]*\"(?:(?:, | and )\"[^\"]*\")*")
    public List<String> texts(String quoted) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(quoted);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return List.copyOf(texts);
    }

    // ---------------------------------------------------------------- Given: messages already there

    @Given("{actor} has posted {string} in {channel}")
    public void hasPosted(String actor, String content, String channel) {
        post(actor, channel, content, c -> c);
        ledger.tryToLearnCreationTime(content);
    }

    /** Posts the messages one after another, each created at a later moment than the one before. */
    @Given("{actor} has posted these messages in {channel}, one after another:")
    public void hasPostedInSequence(String actor, String channel, List<String> contents) {
        Instant previous = null;
        for (String content : contents) {
            post(actor, channel, content, c -> c);
            Instant created = ledger.createdAt(content);
            if (previous != null && !created.isAfter(previous)) {
                throw new HarnessException("\"" + content + "\" was created at " + created
                        + ", not after the message before it (" + previous + ")");
            }
            previous = created;
        }
    }

    @Given("{actor} has posted {string} in {channel} with the metadata:")
    public void hasPostedWithMetadata(String actor, String content, String channel, String metadata) {
        post(actor, channel, content, c -> c.with("Metadata", metadata));
        ledger.tryToLearnCreationTime(content);
    }

    @Given("{actor} has posted the {messageKind} message {string} in {channel}")
    public void hasPostedKind(String actor, MessageKind kind, String content, String channel) {
        post(actor, channel, content, c -> c.with("Type", kind.type()).with("Persistence", kind.persistence()));
        if (kind.persistence() == ChannelMessagePersistenceType.PERSISTENT) {
            ledger.tryToLearnCreationTime(content);
        }
    }

    @Given("{actor} has edited {string} to read {string}")
    public void hasEdited(String actor, String label, String content) {
        editNow(actor, label, content, null);
    }

    @Given("{actor} has edited {string} to read {string} with the metadata:")
    public void hasEditedWithMetadata(String actor, String label, String content, String metadata) {
        editNow(actor, label, content, metadata);
    }

    @Given("{actor} has changed only the metadata of {string} to:")
    public void hasChangedOnlyTheMetadata(String actor, String label, String metadata) {
        editNow(actor, label, null, metadata);
    }

    @Given("{actor} has deleted the message {string} from {channel}")
    public void hasDeleted(String actor, String label, String channel) {
        api.aboutMessage("DeleteChannelMessage", channel, label).send(actor);
    }

    @Given("{actor} has redacted the message {string} in {channel}")
    public void hasRedacted(String actor, String label, String channel) {
        ledger.timed(() -> api.aboutMessage("RedactChannelMessage", channel, label).send(actor));
    }

    // ---------------------------------------------------------------- When: sending

    @When("{actor} posts {string} in {channel}")
    public void posts(String actor, String content, String channel) {
        postsKindWithMetadata(actor, standard(), content, channel, null);
    }

    @When("{actor} posts the {messageKind} message {string} in {channel}")
    public void postsKind(String actor, MessageKind kind, String content, String channel) {
        postsKindWithMetadata(actor, kind, content, channel, null);
    }

    /** Posts as a When: the outcome is recorded, and a message that was accepted is remembered. */
    @When("{actor} posts the {messageKind} message {string} in {channel} with the metadata:")
    public void postsKindWithMetadata(String actor, MessageKind kind, String content, String channel, String metadata) {
        if (!timed(actor, post(channel, content).with("Type", kind.type()).with("Persistence", kind.persistence())
                .with("Metadata", metadata)).failed()) {
            String id = world.outcome().response(SendChannelMessageResponse.class).messageId();
            ledger.record(new Posted(content, channel, id, actor, world.actor(actor), content, metadata,
                    kind.type(), kind.persistence()));
        }
    }

    /** The members of a message a feature leaves out or sets to any text, by the features' words. */
    private static final Map<String, String> POST_MEMBERS = Map.of("a type", "Type", "type", "Type",
            "saying whether to persist it", "Persistence", "persistence", "Persistence");

    @ParameterType("a type|saying whether to persist it|type|persistence")
    public String postMember(String words) {
        return POST_MEMBERS.get(words);
    }

    @When("{actor} posts {string} in {channel} without {postMember}")
    public void postsWithout(String actor, String content, String channel, String member) {
        timed(actor, post(channel, content).without(member));
    }

    /**
     * Any text as the Type or the Persistence, to see values outside STANDARD and CONTROL refused (MSG-003), or
     * "true" where the documentation says "Boolean" (MSG-004).
     */
    @When("{actor} posts {string} in {channel} with the {postMember} {string}")
    public void postsWithThe(String actor, String content, String channel, String member, String value) {
        timed(actor, post(channel, content).with(member, value));
    }

    // ---------------------------------------------------------------- When: reading, editing, deleting

    @When("{actor} gets the message {string} from {channel}")
    public void getsTheMessage(String actor, String label, String channel) {
        api.aboutMessage("GetChannelMessage", channel, label).attempt(actor);
    }

    /** The read must end before the slow-pass-through processor can have answered (see ChannelFlowFixtures). */
    @When("{actor} gets the message {string} from {channel} before the processor answers")
    public void getsTheMessageBeforeTheProcessorAnswers(String actor, String label, String channel) {
        getsTheMessage(actor, label, channel);
        flows.requireBeforeTheSlowProcessorAnswers();
    }

    @When("{actor} edits {string} to read {string}")
    public void edits(String actor, String label, String content) {
        timed(actor, edit(label, content, null));
    }

    @When("{actor} deletes the message {string} from {channel}")
    public void deletes(String actor, String label, String channel) {
        api.aboutMessage("DeleteChannelMessage", channel, label).attempt(actor);
    }

    @When("{actor} redacts the message {string} in {channel}")
    public void redacts(String actor, String label, String channel) {
        timed(actor, api.aboutMessage("RedactChannelMessage", channel, label));
    }

    // ---------------------------------------------------------------- When: listing (one page)

    @When("{actor} lists the messages in {messageQuery}")
    public void listsTheMessages(String actor, MessageQuery query) {
        list(actor, query.channel(), query.order(), between(query.notBeforeAfter(), query.notBeforeBefore()),
                between(query.notAfterAfter(), query.notAfterBefore()));
    }

    /** The listing must end before the slow-pass-through processor can have answered (see ChannelFlowFixtures). */
    @When("{actor} lists the messages in {channel} before the processor answers")
    public void listsTheMessagesBeforeTheProcessorAnswers(String actor, String channel) {
        list(actor, channel, null, null, null);
        flows.requireBeforeTheSlowProcessorAnswers();
    }

    // ---------------------------------------------------------------- Then: sending

    @Then("the message is accepted in {channel} with an ID and a status")
    public void theMessageIsAccepted(String channel) {
        SendChannelMessageResponse sent = world.outcome().response(SendChannelMessageResponse.class);
        assertThat("ChannelArn", sent.channelArn(), equalTo(world.channel(channel)));
        assertThat("MessageId", sent.messageId(), not(emptyOrNullString()));
        assertThat("Status", sent.status(), notNullValue());
        assertThat("Status.Value", sent.status().valueAsString(), not(emptyOrNullString()));
    }

    @Then("the new message's ID differs from that of {string}")
    public void theNewIdDiffers(String label) {
        SendChannelMessageResponse sent = world.outcome().response(SendChannelMessageResponse.class);
        assertThat("MessageId of the new message", sent.messageId(), not(equalTo(world.message(label))));
    }

    @Then("the new message's ID is 1 to 128 letters, digits, hyphens or underscores")
    public void theNewIdHasItsForm() {
        SendChannelMessageResponse sent = world.outcome().response(SendChannelMessageResponse.class);
        assertThat("MessageId", sent.messageId(), matchesPattern(MESSAGE_ID_FORM));
    }

    // ---------------------------------------------------------------- Then: one message read back

    @Then("the message's type is {messageKind}")
    public void theTypeIs(MessageKind kind) {
        assertThat("Type", message().type(), equalTo(kind.type()));
    }

    @Then("she/he reads {string}")
    public void reads(String content) {
        assertThat("Content", message().content(), equalTo(content));
    }

    @Then("she/he gets the message in full: its channel, ID, content, metadata, type, creation time, sender,"
            + " persistence and status")
    public void getsTheMessageInFull() {
        ChannelMessage got = message();
        Posted posted = postedWithId(got.messageId());
        assertThat("ChannelArn", got.channelArn(), equalTo(world.channel(posted.channel())));
        assertThat("MessageId", got.messageId(), equalTo(posted.messageId()));
        assertThat("Content", got.content(), equalTo(posted.content()));
        assertThat("Metadata", got.metadata(), equalTo(posted.metadata()));
        assertThat("Type", got.type(), equalTo(posted.type()));
        assertThat("CreatedTimestamp", got.createdTimestamp(), notNullValue());
        assertThat("Sender", got.sender(), notNullValue());
        assertThat("Sender.Arn", got.sender().arn(), equalTo(posted.posterArn()));
        assertThat("Sender.Name", got.sender().name(), equalTo(posted.posterName()));
        assertThat("Persistence", got.persistence(), equalTo(posted.persistence()));
        assertThat("Status", got.status(), notNullValue());
        assertThat("Status.Value", got.status().valueAsString(), not(emptyOrNullString()));
    }

    @Then("the message is not redacted and has no edit time")
    public void isNotRedactedAndHasNoEditTime() {
        ChannelMessage got = message();
        assertThat("Redacted", got.redacted(), is(false));
        assertThat("LastEditedTimestamp", got.lastEditedTimestamp(), nullValue());
    }

    @Then("the message's sender is {actor}")
    public void theSenderIs(String sender) {
        ChannelMessage got = message();
        assertThat("Sender", got.sender(), notNullValue());
        assertThat("Sender.Arn", got.sender().arn(), equalTo(world.actor(sender)));
        assertThat("Sender.Name", got.sender().name(), equalTo(sender));
    }

    @Then("the message has no metadata")
    public void hasNoMetadata() {
        assertThat("Metadata", message().metadata(), nullValue());
    }

    /** MSG-018: after a redaction, as for the content, absent, null and "" all conform. */
    @Then("the message's metadata is gone")
    public void theMetadataIsGone() {
        assertThat("Metadata", message().metadata(), emptyOrNullString());
    }

    @Then("the message's metadata is exactly:")
    public void theMetadataIsExactly(String metadata) {
        assertThat("Metadata", message().metadata(), equalTo(metadata));
    }

    @Then("the message has no edit time")
    public void hasNoEditTime() {
        assertThat("LastEditedTimestamp", message().lastEditedTimestamp(), nullValue());
    }

    @Then("the message's edit time is no earlier than its creation time")
    public void theEditTimeIsNoEarlierThanCreation() {
        ChannelMessage got = message();
        assertThat("LastEditedTimestamp", got.lastEditedTimestamp(), notNullValue());
        assertThat("LastEditedTimestamp", got.lastEditedTimestamp(),
                greaterThanOrEqualTo(got.createdTimestamp()));
    }

    /** The edit or redaction came a few milliseconds after the post, so the service's time moved on. */
    @Then("the message's last update time is later than its creation time")
    public void theLastUpdateTimeIsLater() {
        ChannelMessage got = message();
        assertThat("LastUpdatedTimestamp", got.lastUpdatedTimestamp(), notNullValue());
        assertThat("LastUpdatedTimestamp", got.lastUpdatedTimestamp(), greaterThan(got.createdTimestamp()));
    }

    @Then("the message has no content and is marked redacted")
    public void hasNoContentAndIsRedacted() {
        ChannelMessage got = message();
        // MSG-019: "null content" here, "empty" in lists: absent, null and "" all conform.
        assertThat("Content", got.content(), emptyOrNullString());
        assertThat("Redacted", got.redacted(), is(true));
    }

    // ---------------------------------------------------------------- Then: a message as its sender reads it

    /** Read by the sender, a member of the channel. */
    @Then("{actor}'s message {string} is still in {channel}")
    public void theMessageIsStillIn(String sender, String message, String channel) {
        ChannelMessage read = readAsSender(sender, message, channel);
        assertThat("\"" + message + "\"", read, notNullValue());
        assertThat("the message ID of \"" + message + "\"", read.messageId(), equalTo(world.message(message)));
    }

    /** Redacted: no content (absent, null or ""); not redacted: the content it was posted with. */
    @Then("{actor}'s message {string} in {channel} {redacted}")
    public void theMessageIsRedacted(String sender, String message, String channel, Boolean redacted) {
        ChannelMessage read = readAsSender(sender, message, channel);
        assertThat("\"" + message + "\" redacted", Boolean.TRUE.equals(read.redacted()), equalTo(redacted));
        assertThat("the content of \"" + message + "\"", read.content(), redacted ? emptyOrNullString() : equalTo(message));
    }

    @ParameterType("is redacted|is not redacted")
    public Boolean redacted(String words) {
        return !words.contains("not");
    }

    // ---------------------------------------------------------------- Then: edits and redactions

    @Then("the edit of {string} is accepted with a status")
    public void theEditIsAccepted(String label) {
        UpdateChannelMessageResponse updated = world.outcome().response(UpdateChannelMessageResponse.class);
        assertThat("ChannelArn", updated.channelArn(),
                equalTo(world.channel(ledger.posted(label).channel())));
        assertThat("MessageId", updated.messageId(), equalTo(world.message(label)));
        assertThat("Status", updated.status(), notNullValue());
    }

    @Then("the redaction of {string} in {channel} is confirmed")
    public void theRedactionIsConfirmed(String label, String channel) {
        RedactChannelMessageResponse redacted = world.outcome().response(RedactChannelMessageResponse.class);
        assertThat("ChannelArn", redacted.channelArn(), equalTo(world.channel(channel)));
        assertThat("MessageId", redacted.messageId(), equalTo(world.message(label)));
    }

    // ---------------------------------------------------------------- Then: listings

    @Then("she/he sees {string} from {actor}")
    public void seesFrom(String content, String sender) {
        String senderArn = world.actor(sender);
        List<String> seen = seen().stream()
                .map(m -> m.content() + " from " + world.actorNameOf(m.sender() == null ? "?" : m.sender().arn()))
                .toList();
        assertThat(seen, hasItem(content + " from " + world.actorNameOf(senderArn)));
    }

    @Then("she/he sees only {texts}")
    public void seesOnly(List<String> contents) {
        assertThat("contents listed", contentsSeen(), containsInAnyOrder(contents.toArray(String[]::new)));
    }

    @Then("she/he sees {texts}, in that order")
    public void seesInThatOrder(List<String> contents) {
        assertThat("contents listed, in order", contentsSeen(), equalTo(contents));
    }

    @Then("she/he sees no messages")
    public void seesNoMessages() {
        assertThat("contents listed", contentsSeen(), empty());
    }

    @Then("each message she/he sees names its sender:")
    public void eachMessageNamesItsSender(List<List<String>> contentAndSender) {
        List<String> expected = new ArrayList<>();
        for (List<String> row : contentAndSender) {
            expected.add(row.get(0) + " from " + row.get(1) + " (" + world.actor(row.get(1)) + ")");
        }
        List<String> seen = seen().stream()
                .map(m -> m.content() + " from "
                        + (m.sender() == null ? "no sender" : m.sender().name() + " (" + m.sender().arn() + ")"))
                .toList();
        assertThat("messages listed with their senders", seen, containsInAnyOrder(expected.toArray(String[]::new)));
    }

    /** Read by Ada, the AppInstanceAdmin, who may read every channel: whether a message has this content. */
    @Then("the messages of {channel} {inclusion} {string}")
    public void theMessagesInclude(String channel, Boolean included, String content) {
        List<String> contents = api.canonical("ListChannelMessages", channel, null)
                .<ChannelMessageSummary>items(World.ADMIN).stream().map(ChannelMessageSummary::content).toList();
        assertThat("the messages of \"" + channel + "\"", contents, included ? hasItem(content) : not(hasItem(content)));
    }

    @Then("the message {string} is listed as redacted, with no content")
    public void isListedAsRedacted(String label) {
        ChannelMessageSummary listed = listed(label);
        assertThat("Redacted of " + label, listed.redacted(), is(true));
        assertThat("Content of " + label, listed.content(), emptyOrNullString());
    }

    @Then("the message {string} is listed with the metadata:")
    public void isListedWithTheMetadata(String label, String metadata) {
        assertThat("Metadata of " + label, listed(label).metadata(), equalTo(metadata));
    }

    @Then("the message {string} is listed without its metadata")
    public void isListedWithoutMetadata(String label) {
        assertThat("Metadata of " + label, listed(label).metadata(), emptyOrNullString());
    }

    @Then("the message {string} is listed with an edit time no earlier than its creation time")
    public void isListedWithAnEditTime(String label) {
        ChannelMessageSummary listed = listed(label);
        assertThat("LastEditedTimestamp of " + label, listed.lastEditedTimestamp(), notNullValue());
        assertThat("LastEditedTimestamp of " + label, listed.lastEditedTimestamp(),
                greaterThanOrEqualTo(listed.createdTimestamp()));
    }

    @Then("the summary of {string} shows its ID, content, metadata, type, sender, redaction, status, and creation,"
            + " update and edit times")
    public void theSummaryShowsEverything(String label) {
        Posted posted = ledger.posted(label);
        ChannelMessageSummary listed = listed(label);
        assertThat("MessageId", listed.messageId(), equalTo(posted.messageId()));
        assertThat("Content", listed.content(), not(emptyOrNullString()));
        assertThat("Metadata", listed.metadata(), equalTo(posted.metadata()));
        assertThat("Type", listed.type(), equalTo(posted.type()));
        assertThat("Sender.Arn", listed.sender() == null ? null : listed.sender().arn(), equalTo(posted.posterArn()));
        assertThat("Sender.Name", listed.sender() == null ? null : listed.sender().name(),
                equalTo(posted.posterName()));
        assertThat("Redacted", listed.redacted(), is(false));
        assertThat("Status", listed.status(), notNullValue());
        assertThat("CreatedTimestamp", listed.createdTimestamp(), notNullValue());
        assertThat("LastUpdatedTimestamp", listed.lastUpdatedTimestamp(), notNullValue());
        assertThat("LastEditedTimestamp", listed.lastEditedTimestamp(), notNullValue());
    }

    // ---------------------------------------------------------------- helpers

    private static MessageKind standard() {
        return new MessageKind(ChannelMessageType.STANDARD, ChannelMessagePersistenceType.PERSISTENT);
    }

    /** SendChannelMessage of that content: STANDARD and PERSISTENT unless the step changes them. */
    private Driver.Call post(String channel, String content) {
        return api.canonical("SendChannelMessage", channel, null).with("Content", content);
    }

    /** A write that the ledger spaces out from the one before, so that each has a time of its own. */
    private Outcome timed(String actor, Driver.Call write) {
        return ledger.timed(() -> write.attempt(actor));
    }

    /** UpdateChannelMessage carrying only the members given (null: left out). */
    private Driver.Call edit(String label, String content, String metadata) {
        Posted posted = ledger.posted(label);
        return api.canonical("UpdateChannelMessage", posted.channel(), null).with("MessageId", posted.messageId())
                .with("Content", content).with("Metadata", metadata);
    }

    /** UpdateChannelMessage as a Given: the call must succeed. */
    private void editNow(String actor, String label, String content, String metadata) {
        ledger.timed(() -> edit(label, content, metadata).send(actor));
    }

    /** A moment strictly between the creation times of two messages; null if the step names none. */
    private Instant between(String earlier, String later) {
        return earlier == null ? null : ledger.between(earlier, later);
    }

    private void list(String actor, String channel, String order, Instant notBefore, Instant notAfter) {
        Outcome outcome = api.canonical("ListChannelMessages", channel, null).with("SortOrder", order)
                .with("NotBefore", notBefore).with("NotAfter", notAfter).attempt(actor);
        if (!outcome.failed()) {
            ledger.seen(outcome.response(ListChannelMessagesResponse.class).channelMessages());
        }
    }

    /** GetChannelMessage by the sender; fails the step if the service refuses. */
    private ChannelMessage readAsSender(String sender, String message, String channel) {
        return api.aboutMessage("GetChannelMessage", channel, message).<GetChannelMessageResponse>send(sender)
                .channelMessage();
    }

    /** The message the last GetChannelMessage returned, asserting it succeeded. */
    private ChannelMessage message() {
        ChannelMessage got = world.outcome().response(GetChannelMessageResponse.class).channelMessage();
        assertThat("ChannelMessage", got, notNullValue());
        return got;
    }

    private Posted postedWithId(String messageId) {
        return ledger.posted(ledger.labelOf(messageId));
    }

    /** The messages the last listing showed, asserting the listing succeeded. */
    private List<ChannelMessageSummary> seen() {
        return ledger.seen();
    }

    /** What each listed message says, in order; a message without content reads as "". */
    private List<String> contentsSeen() {
        return seen().stream().map(m -> m.content() == null ? "" : m.content()).toList();
    }

    private ChannelMessageSummary listed(String label) {
        String id = world.message(label);
        return seen().stream().filter(m -> id.equals(m.messageId())).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + label + "\" (" + id + ") is not among the messages listed: "
                        + seen().stream().map(m -> ledger.labelOf(m.messageId())).toList()));
    }
}
