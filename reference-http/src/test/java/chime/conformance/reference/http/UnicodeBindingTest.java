package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageRequest;

/**
 * A lone UTF-16 surrogate is refused with BadRequestException wherever the binding meets it: a path label,
 * a query parameter, a header or a JSON member (the wire can only carry one in JSON, as an escape, but the
 * one check sits where every string value is bound, so no location escapes it). A well-formed pair (an
 * emoji written as two escapes) is text like any other.
 */
class UnicodeBindingTest {

    private static final String LONE = "a\ud800b";
    private static final String CHANNEL = "arn:aws:chime:us-east-1:111122223333:app-instance/ai/channel/c1";
    private static final String BEARER = "arn:aws:chime:us-east-1:111122223333:app-instance/ai/user/alice";
    private static final Map<String, OperationBinding> OPERATIONS = OperationBinding.resolveAll();

    private static SdkRequest bind(String operation, Map<String, String> labels, Map<String, List<String>> query,
                                   Map<String, String> headers, String body) {
        Function<String, List<String>> header = name -> headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        return RestJsonCodec.bindRequest(OPERATIONS.get(operation), labels, query, header,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String location, Runnable binding) {
        WireError e = assertThrows(WireError.class, binding::run, location);
        assertThat(location, e.errorType(), equalTo("BadRequestException"));
        assertThat(location, e.status(), is(400));
        assertThat(location, e.getMessage(), containsString("surrogate"));
    }

    @Test
    void inAPathLabel() {
        refused("path", () -> bind("DescribeChannel", Map.of("channelArn", CHANNEL + LONE), Map.of(),
                Map.of("x-amz-chime-bearer", BEARER), null));
    }

    @Test
    void inAQueryParameter() {
        refused("query", () -> bind("ListChannelMessages", Map.of("channelArn", CHANNEL),
                Map.of("next-token", List.of(LONE)), Map.of("x-amz-chime-bearer", BEARER), null));
    }

    @Test
    void inAHeader() {
        refused("header", () -> bind("DescribeChannel", Map.of("channelArn", CHANNEL), Map.of(),
                Map.of("x-amz-chime-bearer", BEARER + LONE), null));
    }

    @Test
    void inAJsonMember() {
        refused("body", () -> bind("SendChannelMessage", Map.of("channelArn", CHANNEL), Map.of(),
                Map.of("x-amz-chime-bearer", BEARER), "{\"Content\":\"a\\ud800b\"}"));
    }

    @Test
    void aSurrogatePairIsText() {
        SendChannelMessageRequest request = (SendChannelMessageRequest) bind("SendChannelMessage",
                Map.of("channelArn", CHANNEL), Map.of(), Map.of("x-amz-chime-bearer", BEARER),
                "{\"Content\":\"a\\ud83d\\ude00b\"}");
        assertThat(request.content(), equalTo("a\uD83D\uDE00b"));
        assertThat(request.content().getBytes(StandardCharsets.UTF_8).length, is(6));
    }
}
