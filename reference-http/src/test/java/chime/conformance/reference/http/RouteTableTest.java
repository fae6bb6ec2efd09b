package chime.conformance.reference.http;

import chime.conformance.contract.Service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    /** The 43 operations of the documentation (model-constraints section 1) and the 12 identity ones. */
    @Test
    void servesTheDocumentedOperationsAndTheIdentitySubset() {
        List<String> messaging = RouteTable.routes().stream().filter(r -> r.api() == Service.MESSAGING)
                .map(Route::operation).toList();
        List<String> identity = RouteTable.routes().stream().filter(r -> r.api() == Service.IDENTITY)
                .map(Route::operation).toList();
        assertThat(messaging.size(), is(43));
        assertThat(identity, containsInAnyOrder("CreateAppInstance", "DescribeAppInstance", "DeleteAppInstance",
                "ListAppInstances", "CreateAppInstanceUser", "DescribeAppInstanceUser", "DeleteAppInstanceUser",
                "ListAppInstanceUsers", "CreateAppInstanceAdmin", "DescribeAppInstanceAdmin",
                "DeleteAppInstanceAdmin", "ListAppInstanceAdmins"));
    }

    @Test
    void everyRouteResolvesToAnSdkRequestClassAndClientMethod() {
        assertThat(OperationBinding.resolveAll().size(), is(RouteTable.routes().size()));
    }

    /** HTTP-005: the static query key decides between operations that share a path. */
    @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST|/channels/arn/memberships|operation=batch-create|BatchCreateChannelMembership",
            "POST|/channels/arn/memberships||CreateChannelMembership",
            "GET|/channels/arn|scope=app-instance-user-membership|DescribeChannelMembershipForAppInstanceUser",
            "GET|/channels/arn|scope=app-instance-user-moderated-channel|DescribeChannelModeratedByAppInstanceUser",
            "GET|/channels/arn||DescribeChannel",
            "GET|/channels|scope=app-instance-user-memberships|ListChannelMembershipsForAppInstanceUser",
            "GET|/channels|scope=app-instance-user-moderated-channels|ListChannelsModeratedByAppInstanceUser",
            "GET|/channels|scope=channel-flow-associations|ListChannelsAssociatedWithChannelFlow",
            "GET|/channels||ListChannels",
            "GET|/channels|max-results=3&privacy=PUBLIC|ListChannels",
            "GET|/channels/arn/messages/m1|scope=message-status|GetChannelMessageStatus",
            "GET|/channels/arn/messages/m1||GetChannelMessage",
            "POST|/channels/arn/messages/m1|operation=redact|RedactChannelMessage",
            "POST|/channels/arn|operation=channel-flow-callback|ChannelFlowCallback",
            "POST|/tags|operation=tag-resource|TagResource",
            "POST|/tags|operation=untag-resource|UntagResource",
            "GET|/tags|arn=x|ListTagsForResource",
            "POST|/channels||CreateChannel",
    })
    void theStaticQueryKeyPicksTheOperation(String method, String path, String query, String operation) {
        RouteTable.Match match = RouteTable.match(method, WireText.decodePath(path), WireText.decodeQuery(query));
        assertThat(match, instanceOf(RouteTable.Found.class));
        assertThat(((RouteTable.Found) match).route().operation(), is(operation));
    }

    /** HTTP-006: an encoded '/' stays inside its segment and the label gets the decoded ARN. */
    @Test
    void labelsAreDecodedSegmentBySegment() {
        String arn = "arn:aws:chime:us-east-1:111122223333:app-instance/ai/channel/c1";
        String raw = "/channels/arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fai%2Fchannel%2Fc1"
                + "/messages/m-1";
        RouteTable.Match match = RouteTable.match("GET", WireText.decodePath(raw), Map.of());
        assertThat(match, instanceOf(RouteTable.Found.class));
        RouteTable.Found found = (RouteTable.Found) match;
        assertThat(found.route().operation(), is("GetChannelMessage"));
        assertThat(found.labels(), equalTo(Map.of("channelArn", arn, "messageId", "m-1")));
    }
}
