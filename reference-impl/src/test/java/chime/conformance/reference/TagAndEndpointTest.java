package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TagAndEndpointTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> tagsOf(String arn) {
        return f.messaging.listTagsForResource(r -> r.resourceARN(arn)).tags();
    }

    @Test
    void channelTagsAreListedUpsertedAndRemoved() {
        // TAG-001, TAG-003, TAG-004, TAG-005, HTTP-002
        String channel = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                .name("tagged").tags(tag("team", "blue"), tag("tier", "gold"))).channelArn();
        assertThat(tagsOf(channel), containsInAnyOrder(tag("team", "blue"), tag("tier", "gold")));
        var tagged = f.messaging.tagResource(r -> r.resourceARN(channel).tags(tag("team", "red"), tag("env", "test")));
        assertThat(tagged.sdkHttpResponse().statusCode(), equalTo(204));
        assertThat(tagsOf(channel), containsInAnyOrder(tag("team", "red"), tag("tier", "gold"), tag("env", "test")));
        f.messaging.untagResource(r -> r.resourceARN(channel).tagKeys("tier", "unknown"));
        assertThat(tagsOf(channel), containsInAnyOrder(tag("team", "red"), tag("env", "test")));
    }

    @Test
    void anUntaggedChannelHasAnEmptyList() {
        // TAG-005
        assertThat(tagsOf(f.bookClub()), empty());
    }

    @Test
    void aResourceCarriesAtMostFiftyTags() {
        // TAG-006, ERR-005: ResourceLimitExceeded shares status 400 with BadRequest
        String channel = f.bookClub();
        f.messaging.tagResource(r -> r.resourceARN(channel).tags(
                IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList()));
        var error = assertThrows(ResourceLimitExceededException.class,
                () -> f.messaging.tagResource(r -> r.resourceARN(channel).tags(tag("one-more", "v"))));
        assertThat(error.statusCode(), equalTo(400));
        assertThat(tagsOf(channel).size(), equalTo(50));
    }

    @Test
    void tagsNeedKeyValueAndAnExistingMessagingResource() {
        // TAG-006 and the kit decisions on unknown resources
        String channel = f.bookClub();
        assertThrows(BadRequestException.class, () -> f.messaging.tagResource(r -> r.resourceARN(channel)
                .tags(Tag.builder().key("k").build())));
        assertThrows(BadRequestException.class, () -> f.messaging.tagResource(r -> r.resourceARN(channel)
                .tags(tag("k".repeat(129), "v"))));
        assertThrows(BadRequestException.class, () -> f.messaging.tagResource(r -> r.resourceARN(f.appInstanceArn)
                .tags(tag("k", "v"))));
        assertThrows(NotFoundException.class, () -> f.messaging.tagResource(r -> r.resourceARN(f.appInstanceArn
                + "/channel/unknown").tags(tag("k", "v"))));
        f.messaging.deleteChannel(r -> r.chimeBearer(f.ada).channelArn(channel));
        assertThrows(NotFoundException.class, () -> tagsOf(channel));
    }

    @Test
    void theMessagingSessionEndpointIsABareHostNameThatCannotResolve() {
        // ENDP-001 to ENDP-003: a host name of the real form {id}.{region}.ws-messaging.chime.aws, in the
        // reserved .invalid domain; clients add wss:// themselves.
        String url = f.messaging.getMessagingSessionEndpoint(r -> { }).endpoint().url();
        assertThat(url, equalTo("reference.us-east-1.ws-messaging.chime.invalid"));
        URI uri = URI.create("wss://" + url + "/connect");
        assertThat(uri.getHost(), equalTo(url));
    }
}
