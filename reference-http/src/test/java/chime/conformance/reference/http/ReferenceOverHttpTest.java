package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference itself behind the server, driven with raw requests: the wire rules that need the
 * service's answer (bearer header, HTTP-006 to HTTP-008, AUTH-001, AUTH-002) hold over HTTP.
 */
class ReferenceOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @RegisterExtension
    static final ServedReference SERVED = new ServedReference();
    private static String appInstanceArn;
    private static String alice;

    @BeforeAll
    static void start() throws Exception {
        appInstanceArn = send("POST", "/app-instances", null, "{\"Name\":\"wire\",\"ClientRequestToken\":\"token-1\"}")
                .json().get("AppInstanceArn").asText();
        alice = send("POST", "/app-instance-users", null, "{\"AppInstanceArn\":\"" + appInstanceArn
                + "\",\"AppInstanceUserId\":\"alice\",\"Name\":\"Alice\",\"ClientRequestToken\":\"token-2\"}")
                .json().get("AppInstanceUserArn").asText();
        // Alice is an AppInstanceAdmin, so she may delete what she creates.
        assertThat(send("POST", "/app-instances/" + enc(appInstanceArn) + "/admins", null,
                "{\"AppInstanceAdminArn\":\"" + alice + "\"}").status(), is(201));
    }


    record Reply(int status, String errorType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Reply send(String method, String target, String bearerHeader, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SERVED.uri() + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearerHeader != null) {
            b.header("x-amz-chime-bearer", bearerHeader);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("x-amzn-ErrorType").orElse(null), r.body());
    }

    private static String channelBody(String name) {
        return "{\"AppInstanceArn\":\"" + appInstanceArn + "\",\"Name\":\"" + name
                + "\",\"ClientRequestToken\":\"" + name + "-token\"}";
    }

    private static String enc(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    @Test
    void createsWith201AndDeletesWith204AndNoBody() throws Exception {
        Reply created = send("POST", "/channels", alice, channelBody("created"));
        assertThat(created.status(), is(201));
        String channel = created.json().get("ChannelArn").asText();
        Reply deleted = send("DELETE", "/channels/" + enc(channel), alice, null);
        assertThat(deleted.status(), is(204));
        assertThat(deleted.body(), equalTo(""));
    }

    /** AUTH-001, AUTH-002. */
    @Test
    void theBearerHeaderIsMandatoryAndMustNameAUser() throws Exception {
        List<String> seen = new ArrayList<>();
        seen.add(send("POST", "/channels", null, channelBody("no-bearer")).errorType());
        seen.add(send("POST", "/channels", "not-an-arn", channelBody("bad-bearer")).errorType());
        seen.add(send("POST", "/channels", appInstanceArn + "/user/nobody", channelBody("unknown-bearer")).errorType());
        // AUTH-002: a well-formed bearer naming no user is 401 UnauthorizedClientException, as reported of AWS.
        assertThat(seen, equalTo(List.of("BadRequestException", "BadRequestException", "UnauthorizedClientException")));
    }

    /** HTTP-008: any letter case for the header; in the body or the query string it counts as absent. */
    @Test
    void theBearerIsAHeaderInAnyCaseAndNothingElse() throws Exception {
        assertThat(send("POST", "/channels", null, channelBody("upper"), "X-AMZ-CHIME-BEARER", alice).status(), is(201));
        String inBody = "{\"ChimeBearer\":\"" + alice + "\"," + channelBody("in-body").substring(1);
        assertThat(send("POST", "/channels", null, inBody).errorType(), equalTo("BadRequestException"));
        assertThat(send("POST", "/channels?x-amz-chime-bearer=" + enc(alice), null, channelBody("in-query")).errorType(),
                equalTo("BadRequestException"));
    }

    /** HTTP-006 and HTTP-007: the ARN is found by its decoded segment; timestamps are JSON numbers. */
    @Test
    void pathArnsAreDecodedAndTimestampsAreNumbers() throws Exception {
        String channel = send("POST", "/channels", alice, channelBody("described")).json().get("ChannelArn").asText();
        Reply described = send("GET", "/channels/" + enc(channel), alice, null);
        assertThat(described.status(), is(200));
        JsonNode c = described.json().get("Channel");
        assertThat(c.get("ChannelArn").asText(), equalTo(channel));
        assertThat(c.get("CreatedTimestamp").isNumber(), is(true));
    }
}
