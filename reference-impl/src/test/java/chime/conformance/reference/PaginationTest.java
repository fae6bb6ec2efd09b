package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsResponse;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaginationTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> createPublicChannels(int count) {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arns.add(f.channel(f.alice, "c" + i, ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC));
        }
        return arns;
    }

    /** PAGE-002, PAGE-003: every item exactly once, for N = 0, 1, MaxResults and MaxResults + 1. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 6})
    void followingNextTokenYieldsEveryChannelOnce(int count) {
        List<String> created = createPublicChannels(count);
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListChannelsResponse page = f.messaging.listChannels(r -> r.chimeBearer(f.carol)
                    .appInstanceArn(f.appInstanceArn).maxResults(5).nextToken(next));
            assertThat(page.channels(), hasSize(lessThanOrEqualTo(5)));
            page.channels().stream().map(ChannelSummary::channelArn).forEach(seen::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen, hasSize(count));
        assertThat(seen, containsInAnyOrder(created.toArray()));
        assertThat(pages, equalTo(count <= 5 ? 1 : 2));
    }

    @Test
    void aFullLastPageCarriesNoToken() {
        createPublicChannels(5);
        assertThat(f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn).maxResults(5))
                .nextToken(), nullValue());
    }

    @Test
    void theDefaultPageSizeIsFifty() {
        // PAGE-007 (kit decision)
        createPublicChannels(51);
        ListChannelsResponse page = f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn));
        assertThat(page.channels(), hasSize(50));
        assertThat(page.nextToken(), notNullValue());
    }

    @Test
    void maxResultsRunsFromOneToFifty() {
        // PAGE-001
        assertThrows(BadRequestException.class, () -> f.messaging.listChannels(r -> r.chimeBearer(f.carol)
                .appInstanceArn(f.appInstanceArn).maxResults(0)));
        assertThrows(BadRequestException.class, () -> f.messaging.listChannels(r -> r.chimeBearer(f.carol)
                .appInstanceArn(f.appInstanceArn).maxResults(51)));
    }

    @Test
    void tokensTheServiceNeverIssuedAreRejected() {
        // PAGE-005
        createPublicChannels(3);
        assertThrows(BadRequestException.class, () -> f.messaging.listChannels(r -> r.chimeBearer(f.carol)
                .appInstanceArn(f.appInstanceArn).nextToken("bm90LWEtdG9rZW4")));
        String token = f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn)
                .maxResults(1)).nextToken();
        // A real token replayed with another filter, or on another list, is not valid either.
        assertThrows(BadRequestException.class, () -> f.messaging.listChannels(r -> r.chimeBearer(f.ada)
                .appInstanceArn(f.appInstanceArn).privacy(ChannelPrivacy.PRIVATE).nextToken(token)));
        assertThrows(BadRequestException.class, () -> f.messaging.listChannelMembershipsForAppInstanceUser(r -> r
                .chimeBearer(f.carol).nextToken(token)));
    }

    @Test
    void tokensSurviveConcurrentWrites() {
        // PAGE-003: a token is a position, not an offset; items created meanwhile never cause duplicates.
        List<String> created = createPublicChannels(4);
        var first = f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn).maxResults(2));
        f.messaging.deleteChannel(r -> r.chimeBearer(f.ada).channelArn(created.get(0)));
        var second = f.messaging.listChannels(r -> r.chimeBearer(f.carol).appInstanceArn(f.appInstanceArn)
                .maxResults(2).nextToken(first.nextToken()));
        List<String> seen = new ArrayList<>();
        first.channels().forEach(c -> seen.add(c.channelArn()));
        second.channels().forEach(c -> seen.add(c.channelArn()));
        assertThat(seen, containsInAnyOrder(created.toArray()));
    }

    @Test
    void membershipTypeFiltersApplyBeforePaging() {
        // PAGE-008
        String channel = f.channel(f.alice, "mixed", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        for (int i = 0; i < 3; i++) {
            String user = f.user(f.appInstanceArn, "hidden" + i, "Hidden " + i);
            f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(user)
                    .type(ChannelMembershipType.HIDDEN));
        }
        f.member(channel, f.bob);
        f.member(channel, f.carol);
        // Alice, the creator, is a default member too (CHAN-026).
        var page = f.messaging.listChannelMemberships(r -> r.chimeBearer(f.bob).channelArn(channel).maxResults(3));
        assertThat(page.channelMemberships().stream().map(ChannelMembershipSummary::member).map(m -> m.arn()).toList(),
                containsInAnyOrder(f.alice, f.bob, f.carol));
        assertThat(page.nextToken(), nullValue());
        var hidden = f.messaging.listChannelMemberships(r -> r.chimeBearer(f.bob).channelArn(channel)
                .type(ChannelMembershipType.HIDDEN).maxResults(2));
        assertThat(hidden.channelMemberships(), hasSize(2));
        assertThat(hidden.channelMemberships().stream().map(m -> m.member().arn()).toList(),
                everyItem(org.hamcrest.Matchers.containsString("/user/hidden")));
    }
}
