package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.runner.api.Driver;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.world.Outcome;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.DataTableType;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

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
    public void isTagged(String channel, List<Tag> tags) {
        tagging(world.channel(channel), tags).send(DEVELOPER);
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
    @When("{actor} creates the channel {channel} with {someTags}")
    public void createsTheChannelWithTags(String actor, String channel, List<Tag> tags) {
        api.canonical("CreateChannel", null, null).with("Name", channel).with("Tags", tags).attemptCreating(actor, channel);
    }

    @When("the developer creates the channel flow {flow} with the {processor} processor and the tags:")
    @When("the developer creates the channel flow {flow} with the {processor} processor and {someTags}")
    public void createsTheFlowWithTags(String flow, ProcessorBehaviour behaviour, List<Tag> tags) {
        api.canonical("CreateChannelFlow", null, null).with("Name", flow).with("Processors", List.of(flows.processor(behaviour)))
                .with("Tags", tags).attemptCreating(DEVELOPER, flow);
    }

    /** Tags the features describe in words. */
    private static final Map<String, Tag> SOME_TAGS = Map.of(
            "a tag that has no value", Tag.builder().key("team").build(),
            "a tag that has no key", Tag.builder().value("emea").build(),
            "one more tag", Tag.builder().key("one-more").value("tag").build());

    @ParameterType("a tag that has no value|a tag that has no key|one more tag")
    public List<Tag> someTags(String words) {
        return List.of(SOME_TAGS.get(words));
    }

    /** A taggable resource as the features name it, by its ARN: a channel, a channel flow, an AppInstanceUser. */
    @ParameterType("\"([^\"]+)\"|the channel flow \"([^\"]+)\"|the AppInstanceUser ([A-Z][a-z]+)")
    public String resource(String channel, String flow, String user) {
        return channel != null ? world.channel(channel) : flow != null ? world.flow(flow) : world.actor(user);
    }

    // ---------------------------------------------------------------- tagging and untagging

    /** An AppInstanceUser is a resource of the identity API, not of the messaging API. */
    @When("the developer tags {resource} with:")
    public void tagsTheResource(String resourceArn, List<Tag> tags) {
        tag(resourceArn, tags);
    }

    @When("the developer tags {channel} with {someTags}")
    public void tagsWithSomeTags(String channel, List<Tag> tags) {
        tag(world.channel(channel), tags);
    }

    /** A key of that length with a value, or a value of that length under a key. */
    @When("the developer tags {channel} with a {tagPart} of {int} characters")
    public void tagsWithAKeyOf(String channel, String part, int length) {
        boolean key = part.equals("key");
        tag(world.channel(channel), List.of(Tag.builder().key(key ? "k".repeat(length) : "team")
                .value(key ? "v" : "v".repeat(length)).build()));
    }

    @ParameterType("key|value")
    public String tagPart(String part) {
        return part;
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

    @When("the developer removes these tag keys from {channel}:")
    public void removesTheseTagKeys(String channel, DataTable keys) {
        api.canonical("UntagResource", channel, null)
                .with("TagKeys", keys.asMaps().stream().map(row -> row.get("key")).toList()).attempt(DEVELOPER);
    }

    // ---------------------------------------------------------------- listing

    @When("the developer lists the tags of {resource}")
    public void listsTheTagsOf(String resourceArn) {
        api.call("ListTagsForResource").with("ResourceARN", resourceArn).attempt(DEVELOPER);
    }

    @Then("no tags are listed")
    public void noTagsAreListed() {
        assertThat(world.outcome().response(ListTagsForResourceResponse.class).tags(), is(empty()));
    }

    @Then("the tags of {resource} are exactly:")
    public void theTagsAre(String resourceArn, List<Tag> expected) {
        assertTags(resourceArn, expected);
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

    private Driver.Call tagging(String resourceArn, List<Tag> tags) {
        return api.call("TagResource").with("ResourceARN", resourceArn).with("Tags", tags);
    }

    private void tag(String resourceArn, List<Tag> tags) {
        tagging(resourceArn, tags).attempt(DEVELOPER);
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

    /** A row of a table of tags: key and value. */
    @DataTableType
    public Tag tag(Map<String, String> row) {
        return Tag.builder().key(row.get("key")).value(row.get("value")).build();
    }

    private static List<Tag> numbered(int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tags.add(Tag.builder().key("key-" + i).value("value-" + i).build());
        }
        return tags;
    }
}
