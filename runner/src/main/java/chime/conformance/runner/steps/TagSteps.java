package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

/**
 * Tags on channels and channel flows: given at creation, applied, removed and listed. The tag operations
 * take no bearer: "the developer" calls them.
 */
public class TagSteps extends Steps {

    public TagSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- the stage

    @Given("{channel} is tagged:")
    public void isTagged(String channel, DataTable tags) {
        tagging(world.channel(channel), tags(tags)).send(DEVELOPER);
    }

    /** Tags with the keys key-1 ... key-N, applied in requests of at most 50. */
    @Given("{channel} carries {int} tags")
    public void carriesTags(String channel, int count) {
        List<Tag> all = numbered(count);
        for (int from = 0; from < all.size(); from += 50) {
            tagging(world.channel(channel), all.subList(from, Math.min(all.size(), from + 50))).send(DEVELOPER);
        }
    }

    // ---------------------------------------------------------------- creating with tags

    @When("{actor} creates the channel {channel} with the tags:")
    public void createsTheChannelWithTheTags(String actor, String channel, DataTable tags) {
        createChannel(actor, channel, tags(tags));
    }

    @When("{actor} creates the channel {channel} with a tag that has no value")
    public void createsTheChannelWithATagWithoutValue(String actor, String channel) {
        createChannel(actor, channel, List.of(Tag.builder().key("team").build()));
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor and the tags:")
    public void createsTheFlowWithTheTags(String flow, ProcessorBehaviour behaviour, DataTable tags) {
        createFlow(flow, behaviour, tags(tags));
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor and a tag that has no key")
    public void createsTheFlowWithATagWithoutKey(String flow, ProcessorBehaviour behaviour) {
        createFlow(flow, behaviour, List.of(Tag.builder().value("emea").build()));
    }

    // ---------------------------------------------------------------- tagging and untagging

    @When("the developer tags {channel} with:")
    public void tagsTheChannel(String channel, DataTable tags) {
        tag(world.channel(channel), tags(tags));
    }

    @When("the developer tags the channel flow {flow} with:")
    public void tagsTheFlow(String flow, DataTable tags) {
        tag(world.flow(flow), tags(tags));
    }

    /** An AppInstanceUser is a resource of the identity API, not of the messaging API. */
    @When("the developer tags the AppInstanceUser {actor} with:")
    public void tagsTheUser(String actor, DataTable tags) {
        tag(world.actor(actor), tags(tags));
    }

    @When("the developer tags {channel} with a tag that has no value")
    public void tagsWithoutValue(String channel) {
        tag(world.channel(channel), List.of(Tag.builder().key("team").build()));
    }

    @When("the developer tags {channel} with a tag that has no key")
    public void tagsWithoutKey(String channel) {
        tag(world.channel(channel), List.of(Tag.builder().value("emea").build()));
    }

    @When("the developer tags {channel} with a key of {int} characters")
    public void tagsWithAKeyOf(String channel, int length) {
        tag(world.channel(channel), List.of(Tag.builder().key("k".repeat(length)).value("v").build()));
    }

    @When("the developer tags {channel} with a value of {int} characters")
    public void tagsWithAValueOf(String channel, int length) {
        tag(world.channel(channel), List.of(Tag.builder().key("team").value("v".repeat(length)).build()));
    }

    @When("the developer tags {channel} with a key of {int} characters {string}, {int} bytes in UTF-8")
    public void tagsWithAMultiByteKey(String channel, int length, String character, int bytes) {
        String key = character.repeat(length);
        assertThat("UTF-8 bytes of the key the step describes", key.getBytes(StandardCharsets.UTF_8).length,
                is(bytes));
        tag(world.channel(channel), List.of(Tag.builder().key(key).value("v").build()));
    }

    @When("the developer tags {channel} with {int} tags in one request")
    public void tagsWithTagsInOneRequest(String channel, int count) {
        tag(world.channel(channel), numbered(count));
    }

    @When("the developer tags {channel} with one more tag")
    public void tagsWithOneMore(String channel) {
        tag(world.channel(channel), List.of(Tag.builder().key("one-more").value("tag").build()));
    }

    @When("the developer removes these tag keys from {channel}:")
    public void removesTheseTagKeys(String channel, DataTable keys) {
        api.canonical("UntagResource", channel, null)
                .with("TagKeys", keys.asMaps().stream().map(row -> row.get("key")).toList()).attempt(DEVELOPER);
    }

    // ---------------------------------------------------------------- listing

    @When("the developer lists the tags of {channel}")
    public void listsTheTagsOfTheChannel(String channel) {
        listTags(world.channel(channel));
    }

    @When("the developer lists the tags of the channel flow {flow}")
    public void listsTheTagsOfTheFlow(String flow) {
        listTags(world.flow(flow));
    }

    @Then("no tags are listed")
    public void noTagsAreListed() {
        assertThat(world.outcome().response(ListTagsForResourceResponse.class).tags(), is(empty()));
    }

    @Then("the tags of {channel} are exactly:")
    public void theTagsOfTheChannelAre(String channel, DataTable expected) {
        assertTags(world.channel(channel), tags(expected));
    }

    @Then("the tags of the channel flow {flow} are exactly:")
    public void theTagsOfTheFlowAre(String flow, DataTable expected) {
        assertTags(world.flow(flow), tags(expected));
    }

    @Then("{channel} carries no tags")
    public void carriesNoTags(String channel) {
        assertTags(world.channel(channel), List.of());
    }

    @Then("{channel} carries a tag whose key is {int} characters {string}")
    public void carriesATagWhoseKeyIs(String channel, int length, String character) {
        String arn = world.channel(channel);
        String key = character.repeat(length);
        List<String> keys = world.eventually(() -> tagsOf(arn), t -> t.stream().anyMatch(x -> key.equals(x.key())))
                .stream().map(Tag::key).toList();
        assertThat(keys, hasItem(key));
    }

    // ---------------------------------------------------------------- helpers

    private void createChannel(String actor, String channel, List<Tag> tags) {
        Outcome outcome = api.canonical("CreateChannel", null, null).with("Name", channel).with("Tags", tags).attempt(actor);
        if (!outcome.failed()) {
            world.rememberChannel(channel, outcome.response(CreateChannelResponse.class).channelArn());
        }
    }

    private void createFlow(String flow, ProcessorBehaviour behaviour, List<Tag> tags) {
        Outcome outcome = api.canonical("CreateChannelFlow", null, null).with("Name", flow)
                .with("Processors", List.of(flows.processor(behaviour))).with("Tags", tags).attempt(DEVELOPER);
        if (!outcome.failed()) {
            world.rememberFlow(flow, outcome.response(CreateChannelFlowResponse.class).channelFlowArn());
        }
    }

    private Driver.Call tagging(String resourceArn, List<Tag> tags) {
        return api.call("TagResource").with("ResourceARN", resourceArn).with("Tags", tags);
    }

    private void tag(String resourceArn, List<Tag> tags) {
        tagging(resourceArn, tags).attempt(DEVELOPER);
    }

    private void listTags(String resourceArn) {
        api.call("ListTagsForResource").with("ResourceARN", resourceArn).attempt(DEVELOPER);
    }

    private List<Tag> tagsOf(String resourceArn) {
        return api.call("ListTagsForResource").with("ResourceARN", resourceArn)
                .<ListTagsForResourceResponse>send(DEVELOPER).tags();
    }

    private void assertTags(String resourceArn, List<Tag> expected) {
        List<Tag> actual = world.eventually(() -> tagsOf(resourceArn),
                t -> t.size() == expected.size() && t.containsAll(expected));
        assertThat(actual, containsInAnyOrder(expected.toArray(new Tag[0])));
    }

    private static List<Tag> tags(DataTable table) {
        List<Tag> tags = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            tags.add(Tag.builder().key(row.get("key")).value(row.get("value")).build());
        }
        return tags;
    }

    private static List<Tag> numbered(int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tags.add(Tag.builder().key("key-" + i).value("value-" + i).build());
        }
        return tags;
    }
}
