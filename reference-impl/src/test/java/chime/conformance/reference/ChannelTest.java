package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Channel;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Channel describe(String bearer, String channel) {
        return f.messaging.describeChannel(r -> r.chimeBearer(bearer).channelArn(channel)).channel();
    }

    @Test
    void createThenDescribeEchoesWhatWasSent() {
        // CHAN-001, CHAN-012, CHAN-013, HTTP-001
        var response = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                .name("book-club").mode(ChannelMode.RESTRICTED).privacy(ChannelPrivacy.PRIVATE).metadata("{\"a\":1}"));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(201));
        assertThat(response.channelArn(), matchesPattern(java.util.regex.Pattern.quote(f.appInstanceArn) + "/channel/.+"));
        // The creator is not made a member, so the admin describes the private channel.
        Channel channel = describe(f.ada, response.channelArn());
        assertThat(channel.name(), equalTo("book-club"));
        assertThat(channel.mode(), equalTo(ChannelMode.RESTRICTED));
        assertThat(channel.privacy(), equalTo(ChannelPrivacy.PRIVATE));
        assertThat(channel.metadata(), equalTo("{\"a\":1}"));
        assertThat(channel.createdBy().arn(), equalTo(f.alice));
        assertThat(channel.createdBy().name(), equalTo("Alice"));
        assertThat(channel.lastMessageTimestamp(), nullValue());
        assertThat(channel.channelFlowArn(), nullValue());
    }

    @Test
    void modeAndPrivacyDefaultToUnrestrictedAndPublic() {
        // CHAN-002, CHAN-003 (kit decisions)
        String channel = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                .name("defaults")).channelArn();
        Channel described = describe(f.carol, channel);
        assertThat(described.mode(), equalTo(ChannelMode.UNRESTRICTED));
        assertThat(described.privacy(), equalTo(ChannelPrivacy.PUBLIC));
    }

    @Test
    void invalidEnumValuesAndNamesAreBadRequests() {
        // CHAN-002, CHAN-003, SIZE-008
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("x").mode("OPEN")));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("x").privacy("SECRET")));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("")));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("n".repeat(257))));
        f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn).name("n".repeat(256)));
    }

    @Test
    void channelMetadataIsLimitedTo1024Utf8Bytes() {
        // SIZE-006: 1024 bytes pass, 1025 fail, counting UTF-8 bytes ("é" is two bytes).
        f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn).name("a")
                .metadata("a".repeat(1024)));
        String multiByte = "é".repeat(512);
        String channel = f.messaging.createChannel(r -> r.chimeBearer(f.alice).appInstanceArn(f.appInstanceArn)
                .name("b").metadata(multiByte)).channelArn();
        assertThat(describe(f.carol, channel).metadata(), equalTo(multiByte));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("c").metadata("a".repeat(1025))));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("d").metadata("é".repeat(512) + "a")));
    }

    @Test
    void theBearerIsMandatoryWellFormedAndAnExistingUser() {
        // AUTH-001, AUTH-002, SIZE-011
        String channel = f.bookClub();
        assertThrows(BadRequestException.class, () -> f.messaging.describeChannel(r -> r.channelArn(channel)));
        assertThrows(BadRequestException.class, () -> f.messaging.describeChannel(r -> r.chimeBearer("abc").channelArn(channel)));
        assertThrows(UnauthorizedClientException.class, () -> f.messaging.describeChannel(
                r -> r.chimeBearer(f.appInstanceArn + "/user/nobody").channelArn(channel)));
    }

    @Test
    void usersOfAnotherAppInstanceAreForbidden() {
        // AUTH-003
        String channel = f.bookClub();
        String otherInstance = f.appInstance("other");
        String foreigner = f.user(otherInstance, "felix", "Felix");
        assertThrows(ForbiddenException.class, () -> describe(foreigner, channel));
        assertThrows(ForbiddenException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(foreigner)
                .appInstanceArn(f.appInstanceArn).name("intruder")));
    }

    @Test
    void privateChannelsAreHiddenFromOutsiders() {
        // CHAN-005, CHAN-006
        String secret = f.channel(f.alice, "secret", ChannelMode.UNRESTRICTED, ChannelPrivacy.PRIVATE);
        String open = f.channel(f.alice, "open", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        assertThrows(ForbiddenException.class, () -> describe(f.carol, secret));
        assertThat(describe(f.carol, open).name(), equalTo("open"));
        f.member(secret, f.bob);
        assertThat(describe(f.bob, secret).name(), equalTo("secret"));
        f.moderator(secret, f.carol);
        assertThat(describe(f.carol, secret).name(), equalTo("secret"));
    }

    @Test
    void listChannelsShowsPublicChannelsUnlessAnAdminAsksForPrivateOnes() {
        // CHAN-007 to CHAN-010, AUTH-009
        String open = f.channel(f.alice, "open", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        String secret = f.channel(f.alice, "secret", ChannelMode.UNRESTRICTED, ChannelPrivacy.PRIVATE);
        assertThat(arns(f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn)).channels()),
                contains(open));
        assertThat(arns(f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn)
                .privacy(ChannelPrivacy.PUBLIC)).channels()), contains(open));
        assertThat(arns(f.messaging.listChannels(r -> r.chimeBearer(f.ada).appInstanceArn(f.appInstanceArn)).channels()),
                contains(open));
        assertThat(arns(f.messaging.listChannels(r -> r.chimeBearer(f.ada).appInstanceArn(f.appInstanceArn)
                .privacy(ChannelPrivacy.PRIVATE)).channels()), contains(secret));
        f.member(secret, f.bob);
        assertThrows(ForbiddenException.class, () -> f.messaging.listChannels(r -> r.chimeBearer(f.bob)
                .appInstanceArn(f.appInstanceArn).privacy(ChannelPrivacy.PRIVATE)));
    }

    private static java.util.List<String> arns(java.util.List<ChannelSummary> channels) {
        return channels.stream().map(ChannelSummary::channelArn).toList();
    }

    @Test
    void updateChangesNameModeAndMetadataButNeverPrivacy() {
        // CHAN-004, CHAN-015, CHAN-016
        String channel = f.bookClub();
        f.moderator(channel, f.alice);
        Channel before = describe(f.alice, channel);
        var response = f.messaging.updateChannel(r -> r.chimeBearer(f.alice).channelArn(channel).name("renamed")
                .mode(ChannelMode.RESTRICTED).metadata("m2"));
        assertThat(response.channelArn(), equalTo(channel));
        Channel after = describe(f.alice, channel);
        assertThat(after.name(), equalTo("renamed"));
        assertThat(after.mode(), equalTo(ChannelMode.RESTRICTED));
        assertThat(after.metadata(), equalTo("m2"));
        assertThat(after.privacy(), equalTo(before.privacy()));
        assertThat(after.createdTimestamp(), equalTo(before.createdTimestamp()));
        assertThat(after.lastUpdatedTimestamp(), greaterThan(before.lastUpdatedTimestamp()));
    }

    @Test
    void updateKeepsWhatItOmitsAndNeedsAModeratorOrAdmin() {
        // CHAN-017 (Name and Mode optional on the current API Reference page), who may update (role tables)
        String channel = f.bookClub();
        f.messaging.updateChannel(r -> r.chimeBearer(f.ada).channelArn(channel).mode(ChannelMode.RESTRICTED));
        assertThat(describe(f.ada, channel).name(), equalTo("book-club"));
        assertThat(describe(f.ada, channel).mode(), equalTo(ChannelMode.RESTRICTED));
        f.messaging.updateChannel(r -> r.chimeBearer(f.ada).channelArn(channel).name("x"));
        assertThat(describe(f.ada, channel).name(), equalTo("x"));
        assertThat(describe(f.ada, channel).mode(), equalTo(ChannelMode.RESTRICTED));
        assertThrows(BadRequestException.class, () -> f.messaging.updateChannel(r -> r.chimeBearer(f.ada)
                .channelArn(channel).name("")));
        assertThrows(ForbiddenException.class, () -> f.messaging.updateChannel(r -> r.chimeBearer(f.bob)
                .channelArn(channel).name("x").mode(ChannelMode.UNRESTRICTED)));
        f.messaging.updateChannel(r -> r.chimeBearer(f.ada).channelArn(channel).name("x").mode(ChannelMode.UNRESTRICTED));
    }

    @Test
    void theCreatorIsAMemberAndAModeratorAndPostsAtOnce() {
        // CHAN-026, created once even when the request is replayed with its token (IDEM-001)
        String channel = f.messaging.createChannel(r -> r.chimeBearer(f.bob).appInstanceArn(f.appInstanceArn)
                .name("mine").clientRequestToken("token-mine")).channelArn();
        String again = f.messaging.createChannel(r -> r.chimeBearer(f.bob).appInstanceArn(f.appInstanceArn)
                .name("mine").clientRequestToken("token-mine")).channelArn();
        assertThat(again, equalTo(channel));
        var membership = f.messaging.describeChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                .memberArn(f.bob)).channelMembership();
        assertThat(membership.typeAsString(), equalTo("DEFAULT"));
        assertThat(membership.invitedBy().arn(), equalTo(f.bob));
        assertThat(f.messaging.listChannelMemberships(r -> r.chimeBearer(f.ada).channelArn(channel))
                .channelMemberships().size(), equalTo(1));
        assertThat(f.messaging.listChannelModerators(r -> r.chimeBearer(f.ada).channelArn(channel))
                .channelModerators().size(), equalTo(1));
        f.messaging.sendChannelMessage(r -> r.chimeBearer(f.bob).channelArn(channel).content("hello")
                .type("STANDARD").persistence("PERSISTENT"));
    }

    @Test
    void aDeletedChannelIsGoneAtOnce() {
        // CHAN-019, CHAN-021, HTTP-002
        String channel = f.bookClub();
        assertThrows(ForbiddenException.class, () -> f.messaging.deleteChannel(r -> r.chimeBearer(f.bob).channelArn(channel)));
        var response = f.messaging.deleteChannel(r -> r.chimeBearer(f.ada).channelArn(channel));
        assertThat(response.sdkHttpResponse().statusCode(), equalTo(204));
        assertThrows(NotFoundException.class, () -> describe(f.bob, channel));
        assertThrows(NotFoundException.class, () -> f.messaging.listChannelMemberships(r -> r.chimeBearer(f.bob).channelArn(channel)));
        assertThat(f.messaging.listChannels(r -> r.chimeBearer(f.bob).appInstanceArn(f.appInstanceArn)).channels().size(),
                equalTo(0));
        assertThat(f.messaging.listChannelMembershipsForAppInstanceUser(r -> r.chimeBearer(f.bob)).channelMemberships()
                .size(), equalTo(0));
    }

    @Test
    void theSameTokenAndParametersCreateOneChannel() {
        // IDEM-001, IDEM-006, SIZE-012
        CreateChannelRequest request = CreateChannelRequest.builder().chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("once").clientRequestToken("token-1").build();
        String first = f.messaging.createChannel(request).channelArn();
        String second = f.messaging.createChannel(request).channelArn();
        assertThat(second, equalTo(first));
        assertThrows(ConflictException.class, () -> f.messaging.createChannel(request.toBuilder().name("twice").build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(request.toBuilder().clientRequestToken("a").build()));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(request.toBuilder().clientRequestToken("a b").build()));
        // IDEM-002: through the SDK, omitting the token creates distinct channels.
        CreateChannelRequest noToken = request.toBuilder().clientRequestToken(null).build();
        assertThat(f.messaging.createChannel(noToken).channelArn(), not(equalTo(f.messaging.createChannel(noToken).channelArn())));
        // On the wire the token is required.
        assertThrows(BadRequestException.class, () -> f.service.wireMessagingClient().createChannel(noToken));
    }

    @Test
    void channelTagsAreLimited() {
        // TAG-006
        var tooMany = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("tags").tags(tooMany)));
        assertThrows(BadRequestException.class, () -> f.messaging.createChannel(r -> r.chimeBearer(f.alice)
                .appInstanceArn(f.appInstanceArn).name("tags").tags(Tag.builder().key("k").build())));
    }
}
