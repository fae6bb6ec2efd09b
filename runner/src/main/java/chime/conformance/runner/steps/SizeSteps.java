package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.steps.MessageSteps.MessageKind;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.MessageLedger.Posted;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * Size limits (SIZE-001 to SIZE-012): content, metadata, names, batches, callback IDs and ARNs, with
 * values just inside and just outside each limit. Texts are written in features as a count and a
 * character, with the number of UTF-8 bytes they make: {@code 2048 "é" (4096 bytes)}.
 */
public class SizeSteps extends Steps {

    /** An ARN of the right form, to be padded to a length; only its length is wrong once padded past 1600. */
    private static final String ARN_PREFIX = "arn:aws:chime:us-east-1:111122223333:app-instance/";

    private ReadBack readBack;
    private List<String> batch;

    public SizeSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- glossary

    /** A text made of one character (or string) repeated; {@code bytes} is its length in UTF-8. */
    public record Repeated(int count, String unit, int bytes) {

        public String text() {
            return unit.repeat(count);
        }

        @Override
        public String toString() {
            return count + " \"" + unit + "\" (" + bytes + " bytes)";
        }
    }

    /** {@code 2048 "é" (4096 bytes)}: the byte count is checked, so that a feature cannot misstate it. */
    @ParameterType("(\\d+) \"([^\"]*)\" \\((\\d+) bytes\\)")
    public Repeated bytes(String count, String unit, String bytes) {
        Repeated repeated = new Repeated(Integer.parseInt(count), unit, Integer.parseInt(bytes));
        int actual = repeated.text().getBytes(StandardCharsets.UTF_8).length;
        if (actual != repeated.bytes()) {
            throw new HarnessException(repeated + " is " + actual + " bytes of UTF-8, not " + repeated.bytes());
        }
        return repeated;
    }

    /** {@code 257 "é"}: a count of characters. */
    @ParameterType("(\\d+) \"([^\"]*)\"")
    public Repeated chars(String count, String unit) {
        Repeated repeated = new Repeated(Integer.parseInt(count), unit, -1);
        return new Repeated(repeated.count(), unit, repeated.text().getBytes(StandardCharsets.UTF_8).length);
    }

    /** A malformed ARN: quoted, or "an ARN of N characters" (well formed but for its length). */
    @ParameterType("\"[^\"]*\"|an ARN of \\d+ characters")
    public String arnText(String text) {
        if (text.startsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        int length = Integer.parseInt(text.replaceAll("\\D", ""));
        if (length < ARN_PREFIX.length()) {
            throw new HarnessException("an ARN of the right form has at least " + ARN_PREFIX.length() + " characters");
        }
        return ARN_PREFIX + "x".repeat(length - ARN_PREFIX.length());
    }

    // ---------------------------------------------------------------- messages (SIZE-001 to SIZE-005, SIZE-007)

    @When("{actor} posts a {messageKind} message of {bytes} in {channel}")
    public void postsAMessageOf(String actor, MessageKind kind, Repeated content, String channel) {
        api.canonical("SendChannelMessage", channel, null).with("Content", content.text()).with("Type", kind.type())
                .with("Persistence", kind.persistence()).attempt(actor);
        readBack("content", content.text(), () -> sentMessage(actor, channel).content());
    }

    @When("{actor} posts {string} in {channel} with metadata of {bytes}")
    public void postsWithMetadataOf(String actor, String content, String channel, Repeated metadata) {
        api.canonical("SendChannelMessage", channel, null).with("Content", content).with("Metadata", metadata.text())
                .attempt(actor);
        readBack("metadata", metadata.text(), () -> sentMessage(actor, channel).metadata());
    }

    @When("{actor} edits {string} to content of {bytes}")
    public void editsToContentOf(String actor, String label, Repeated content) {
        edit(actor, label, content.text(), null);
        readBack("content", content.text(), () -> postedMessage(actor, label).content());
    }

    @When("{actor} edits the metadata of {string} to {bytes}")
    public void editsTheMetadataTo(String actor, String label, Repeated metadata) {
        edit(actor, label, null, metadata.text());
        readBack("metadata", metadata.text(), () -> postedMessage(actor, label).metadata());
    }

    private void edit(String actor, String label, String content, String metadata) {
        Posted posted = ledger.posted(label);
        api.canonical("UpdateChannelMessage", posted.channel(), null).with("MessageId", posted.messageId())
                .with("Content", content).with("Metadata", metadata).attempt(actor);
    }

    // ---------------------------------------------------------------- channels (SIZE-006, SIZE-008)

    @When("{actor} creates a channel with metadata of {bytes}")
    public void createsAChannelWithMetadataOf(String actor, Repeated metadata) {
        createChannel(actor, "sized", metadata.text());
        readBack("metadata", metadata.text(), () -> createdChannel(actor).metadata());
    }

    @When("{actor} creates the public channel {channel} with the metadata:")
    public void createsThePublicChannelWithTheMetadata(String actor, String channel, String metadata) {
        api.canonical("CreateChannel", null, null).with("Name", channel).with("Metadata", metadata)
                .attemptCreating(actor, channel);
    }

    @When("{actor} creates a channel with a name of {chars}")
    public void createsAChannelWithANameOf(String actor, Repeated name) {
        createChannel(actor, name.text(), null);
        readBack("name", name.text(), () -> createdChannel(actor).name());
    }

    /**
     * UpdateChannel always carries Name and Mode, which the documentation marks required (CHAN-017). The
     * channel is one a Given step created under its feature name, unrestricted: a null name keeps that
     * name, and the mode stays UNRESTRICTED. Metadata is sent only when given.
     */
    @When("{actor} updates {channel} with metadata of {bytes}")
    public void updatesWithMetadataOf(String actor, String channel, Repeated metadata) {
        api.canonical("UpdateChannel", channel, null).with("Name", channel).with("Metadata", metadata.text()).attempt(actor);
        readBack("metadata", metadata.text(), () -> describe(actor, world.channel(channel)).metadata());
    }

    @When("{actor} renames {channel} to a name of {chars}")
    public void renamesToANameOf(String actor, String channel, Repeated name) {
        api.canonical("UpdateChannel", channel, null).with("Name", name.text()).attempt(actor);
        readBack("name", name.text(), () -> describe(actor, world.channel(channel)).name());
    }

    @Then("describing the new channel shows exactly the metadata:")
    public void describingTheNewChannelShowsTheMetadata(String metadata) {
        assertThat("Metadata", createdChannel(world.outcome().actor()).metadata(), equalTo(metadata));
    }

    private void createChannel(String actor, String name, String metadata) {
        api.canonical("CreateChannel", null, null).with("Name", name).with("Metadata", metadata).attempt(actor);
    }

    // ---------------------------------------------------------------- channel flows (SIZE-008)

    @When("a channel flow is created with a name of {chars}")
    public void aChannelFlowIsCreatedWithANameOf(Repeated name) {
        api.canonical("CreateChannelFlow", null, null).with("Name", name.text()).attempt(DEVELOPER);
        readBack("name", name.text(), () -> describeFlow(createdFlow()).name());
    }

    @When("a channel flow is created whose processor has a name of {chars}")
    public void aChannelFlowIsCreatedWhoseProcessorHasANameOf(Repeated name) {
        api.canonical("CreateChannelFlow", null, null).with("Name", "sized").with("Processors", List.of(
                flows.processor(ProcessorBehaviour.PASS_THROUGH).toBuilder().name(name.text()).build())).attempt(DEVELOPER);
        readBack("name", name.text(), () -> {
            ChannelFlow described = describeFlow(createdFlow());
            return described.hasProcessors() && described.processors().size() == 1 ? described.processors().get(0).name() : null;
        });
    }

    @When("the channel flow {flow} is renamed to a name of {chars}")
    public void theChannelFlowIsRenamed(String flow, Repeated name) {
        api.canonical("UpdateChannelFlow", null, flow).with("Name", name.text()).attempt(DEVELOPER);
        readBack("name", name.text(), () -> describeFlow(world.flow(flow)).name());
    }

    // ---------------------------------------------------------------- reading accepted values back

    /** A value a When step sent, and how to read it back from the service (null: not there to read). */
    private record ReadBack(String member, String sent, Supplier<String> read) {
    }

    /** The member a step says reads back: the one the When step sent. */
    @ParameterType("content|metadata|name")
    public String sizedMember(String member) {
        return member;
    }

    /**
     * An accepted value at a limit is kept whole: read back by the caller of the When step (DescribeChannel,
     * DescribeChannelFlow, GetChannelMessage), polled up to the target's consistency bound, it is the very
     * bytes sent.
     */
    @Then("the {sizedMember} reads back byte for byte")
    public void readsBackByteForByte(String member) {
        if (world.outcome().failed()) {
            throw new AssertionError(world.outcome() + ": nothing was accepted to read back");
        }
        ReadBack back = readBack;
        if (back == null || !back.member().equals(member)) {
            throw new HarnessException("the When step sent no " + member + " to read back"
                    + (back == null ? "" : " (it sent a " + back.member() + ")"));
        }
        Object[] last = new Object[1];
        String read = world.eventually(() -> {
            try {
                return back.read().get();
            } catch (AwsServiceException notThereYet) {
                last[0] = notThereYet;
                return null;
            }
        }, back.sent()::equals);
        if (read == null && last[0] != null) {
            throw new AssertionError("the " + member + " sent could not be read back: " + last[0]);
        }
        assertSameBytes(member, back.sent(), read);
    }

    /** Compares byte for byte, saying where two texts part. */
    static void assertSameBytes(String member, String sent, String read) {
        if (sent.equals(read)) {
            return;
        }
        byte[] a = sent.getBytes(StandardCharsets.UTF_8);
        byte[] b = read == null ? new byte[0] : read.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < a.length && at < b.length && a[at] == b[at]) {
            at++;
        }
        throw new AssertionError("the " + member + " reads back as " + (read == null ? "nothing" : b.length + " bytes")
                + " where " + a.length + " bytes were sent; they part at byte " + (at + 1));
    }

    private void readBack(String member, String sent, Supplier<String> read) {
        readBack = world.outcome().failed() ? null : new ReadBack(member, sent, read);
    }

    /** The message the When step sent, read by its sender. */
    private ChannelMessage sentMessage(String actor, String channel) {
        String id = world.outcome().response(SendChannelMessageResponse.class).messageId();
        return api.canonical("GetChannelMessage", channel, null).with("MessageId", id)
                .<GetChannelMessageResponse>send(actor).channelMessage();
    }

    private ChannelMessage postedMessage(String actor, String label) {
        Posted posted = ledger.posted(label);
        return api.canonical("GetChannelMessage", posted.channel(), null).with("MessageId", posted.messageId())
                .<GetChannelMessageResponse>send(actor).channelMessage();
    }

    private Channel createdChannel(String actor) {
        return describe(actor, world.outcome().response(CreateChannelResponse.class).channelArn());
    }

    private Channel describe(String actor, String channelArn) {
        return api.call("DescribeChannel").with("ChannelArn", channelArn).<DescribeChannelResponse>send(actor).channel();
    }

    private String createdFlow() {
        return world.outcome().response(CreateChannelFlowResponse.class).channelFlowArn();
    }

    private ChannelFlow describeFlow(String flowArn) {
        return api.call("DescribeChannelFlow").with("ChannelFlowArn", flowArn).<DescribeChannelFlowResponse>send(DEVELOPER)
                .channelFlow();
    }

    // ---------------------------------------------------------------- batches (SIZE-009)

    @Given("{int} more users have joined the AppInstance")
    public void moreUsersHaveJoined(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(world.actor(String.format("Guest%03d", i)));
        }
        batch = List.copyOf(users);
    }

    @When("{actor} adds those {int} users to {channel} in one batch")
    public void addsThoseUsersInOneBatch(String actor, int count, String channel) {
        batch(actor, channel, batchOf(count));
    }

    @When("{actor} adds no users to {channel} in one batch")
    public void addsNoUsersInOneBatch(String actor, String channel) {
        batch(actor, channel, List.of());
    }

    @Then("the batch added all {int} of them")
    public void theBatchAddedAll(int count) {
        BatchCreateChannelMembershipResponse response = world.outcome()
                .response(BatchCreateChannelMembershipResponse.class);
        assertThat("Errors", response.errors(), anyOf(nullValue(), emptyIterable()));
        assertThat("BatchChannelMemberships", response.batchChannelMemberships(), notNullValue());
        List<String> added = response.batchChannelMemberships().members().stream().map(Identity::arn).toList();
        assertThat("members added", added, containsInAnyOrder(batch.toArray(String[]::new)));
        assertThat("the number of members added", added.size(), equalTo(count));
    }

    /** Read by Ada, every page of ListChannelMemberships, up to the target's consistency bound. */
    @Then("all {int} of them belong to {channel}")
    public void allOfThemBelongTo(int count, String channel) {
        List<String> users = batchOf(count);
        List<String> members = world.eventually(() -> api.canonical("ListChannelMemberships", channel, null)
                .items(World.ADMIN).stream().map(Members::id).toList(), listed -> listed.containsAll(users));
        List<String> missing = users.stream().filter(u -> !members.contains(u)).map(world::actorNameOf).toList();
        assertThat("users of the batch who are not members of \"" + channel + "\"", missing, emptyIterable());
    }

    private List<String> batchOf(int count) {
        if (batch == null || batch.size() != count) {
            throw new HarnessException("the scenario made " + (batch == null ? 0 : batch.size())
                    + " users for the batch, not " + count);
        }
        return batch;
    }

    private void batch(String actor, String channel, List<String> users) {
        api.canonical("BatchCreateChannelMembership", channel, null).with("MemberArns", users).attempt(actor);
    }

    // ---------------------------------------------------------------- callback IDs (SIZE-010)

    @When("a processor calls back for {string} in {channel} with a callback ID of {int} characters")
    public void aProcessorCallsBack(String label, String channel, int length) {
        api.canonical("ChannelFlowCallback", channel, null).with("CallbackId", world.ids().token(length))
                .with("ChannelMessage", ChannelMessageCallback.builder().messageId(world.message(label))
                        .content(label).build()).attempt("the processor");
    }

    // ---------------------------------------------------------------- ARNs (SIZE-011)

    @When("{actor} posts {string} in the channel whose ARN is {arnText}")
    public void postsInTheChannelWhoseArnIs(String actor, String content, String channelArn) {
        api.call("SendChannelMessage").with("ChannelArn", channelArn).with("Content", content)
                .with("Type", "STANDARD").with("Persistence", "PERSISTENT").attempt(actor);
    }

    @When("{actor} adds the user whose ARN is {arnText} to {channel}")
    public void addsTheUserWhoseArnIs(String actor, String memberArn, String channel) {
        api.canonical("CreateChannelMembership", channel, null).with("MemberArn", memberArn).attempt(actor);
    }

    /** SIZE-011: a malformed ARN among well-formed ones makes the whole batch a bad request. */
    @When("{actor} adds the users whose ARNs are {arnText} and {actor}'s to {channel} in one batch")
    public void addsTheUsersWhoseArnsAre(String actor, String memberArn, String other, String channel) {
        batch(actor, channel, List.of(memberArn, world.actor(other)));
    }

    @When("{actor} lists the public channels of the AppInstance whose ARN is {arnText}")
    public void listsThePublicChannelsOf(String actor, String appInstanceArn) {
        api.call("ListChannels").with("AppInstanceArn", appInstanceArn).with("Privacy", "PUBLIC").attempt(actor);
    }

    @When("the messages in {channel} are listed with the bearer {arnText}")
    public void theMessagesAreListedWithTheBearer(String channel, String bearer) {
        api.canonical("ListChannelMessages", channel, null).with("ChimeBearer", bearer).attempt(bearer);
    }
}
