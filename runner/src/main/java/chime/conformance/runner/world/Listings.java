package chime.conformance.runner.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelBansResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelFlowsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsForAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelModeratorsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsModeratedByAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsResponse;

/**
 * Whole lists, read by following NextToken until a page comes without one: what the steps compare with
 * what a feature expects, and what a When step lists when it means the whole list. Paging itself, page by
 * page, is the subject of the pagination steps. One per scenario, injected by PicoContainer.
 *
 * <p>The readers fail the step if the service refuses; a list of several pages is returned as one
 * response holding every item (and the ChannelArn of the first page that names one).
 */
public class Listings {

    /** More pages than this means the service never stops returning a NextToken. */
    public static final int MAX_PAGES = 1000;

    private final World world;

    public Listings(World world) {
        this.world = world;
    }

    /**
     * Every page of a list operation, from the first until one comes without a NextToken. {@code page}
     * reads the page a token leads to (null: the first page); a null page (a request that failed, whose
     * outcome the caller recorded) ends the list there.
     */
    public static <P> List<P> pages(String operation, Function<String, P> page, Function<P, String> nextToken) {
        List<P> pages = new ArrayList<>();
        String token = null;
        for (int n = 0; n < MAX_PAGES; n++) {
            P read = page.apply(token);
            if (read == null) {
                return pages;
            }
            pages.add(read);
            token = nextToken.apply(read);
            if (token == null) {
                return pages;
            }
        }
        throw new AssertionError(operation + " kept returning a NextToken after " + MAX_PAGES + " pages");
    }

    /**
     * Every page, each request made by {@code actor} as the When step: its outcome is recorded, and a page
     * that fails ends the list, leaving its failure as the step's outcome.
     */
    public <P extends SdkResponse> List<P> attemptPages(String operation, String actor, Class<P> type,
                                                        Function<String, P> page, Function<P, String> nextToken) {
        return pages(operation, token -> {
            Outcome outcome = world.attempt(operation, actor, () -> page.apply(token));
            return outcome.failed() ? null : outcome.response(type);
        }, nextToken);
    }

    /** The items of all pages, in order. */
    public static <P, T> List<T> items(List<P> pages, Function<P, List<T>> items) {
        return pages.stream().flatMap(p -> items.apply(p).stream()).toList();
    }

    /** ListChannels of the scenario's AppInstance with the privacy filter (null: none). */
    public ListChannelsResponse channels(String bearer, ChannelPrivacy privacy) {
        List<ListChannelsResponse> pages = pages("ListChannels", token -> world.messaging().listChannels(r -> r
                .appInstanceArn(world.appInstanceArn()).privacy(privacy).nextToken(token).chimeBearer(bearer)),
                ListChannelsResponse::nextToken);
        return ListChannelsResponse.builder().channels(items(pages, ListChannelsResponse::channels)).build();
    }

    /** ListChannelMembershipsForAppInstanceUser; {@code userArn} null leaves it out (the caller's own). */
    public ListChannelMembershipsForAppInstanceUserResponse membershipsOf(String bearer, String userArn) {
        List<ListChannelMembershipsForAppInstanceUserResponse> pages = pages("ListChannelMembershipsForAppInstanceUser",
                token -> world.messaging().listChannelMembershipsForAppInstanceUser(r -> r
                        .appInstanceUserArn(userArn).nextToken(token).chimeBearer(bearer)),
                ListChannelMembershipsForAppInstanceUserResponse::nextToken);
        return ListChannelMembershipsForAppInstanceUserResponse.builder()
                .channelMemberships(items(pages, ListChannelMembershipsForAppInstanceUserResponse::channelMemberships))
                .build();
    }

    /** ListChannelsModeratedByAppInstanceUser; {@code userArn} null leaves it out (the caller's own). */
    public ListChannelsModeratedByAppInstanceUserResponse moderatedBy(String bearer, String userArn) {
        List<ListChannelsModeratedByAppInstanceUserResponse> pages = pages("ListChannelsModeratedByAppInstanceUser",
                token -> world.messaging().listChannelsModeratedByAppInstanceUser(r -> r
                        .appInstanceUserArn(userArn).nextToken(token).chimeBearer(bearer)),
                ListChannelsModeratedByAppInstanceUserResponse::nextToken);
        return ListChannelsModeratedByAppInstanceUserResponse.builder()
                .channels(items(pages, ListChannelsModeratedByAppInstanceUserResponse::channels)).build();
    }

    /** ListChannelMemberships; {@code type} null leaves the filter out. */
    public ListChannelMembershipsResponse members(String bearer, String channelArn, ChannelMembershipType type) {
        List<ListChannelMembershipsResponse> pages = pages("ListChannelMemberships",
                token -> world.messaging().listChannelMemberships(r -> r
                        .channelArn(channelArn).type(type).nextToken(token).chimeBearer(bearer)),
                ListChannelMembershipsResponse::nextToken);
        return ListChannelMembershipsResponse.builder()
                .channelArn(firstNamed(pages, ListChannelMembershipsResponse::channelArn))
                .channelMemberships(items(pages, ListChannelMembershipsResponse::channelMemberships)).build();
    }

    /** ListChannelModerators. */
    public ListChannelModeratorsResponse moderators(String bearer, String channelArn) {
        List<ListChannelModeratorsResponse> pages = pages("ListChannelModerators",
                token -> world.messaging().listChannelModerators(r -> r
                        .channelArn(channelArn).nextToken(token).chimeBearer(bearer)),
                ListChannelModeratorsResponse::nextToken);
        return ListChannelModeratorsResponse.builder()
                .channelArn(firstNamed(pages, ListChannelModeratorsResponse::channelArn))
                .channelModerators(items(pages, ListChannelModeratorsResponse::channelModerators)).build();
    }

    /** ListChannelBans. */
    public ListChannelBansResponse bans(String bearer, String channelArn) {
        List<ListChannelBansResponse> pages = pages("ListChannelBans",
                token -> world.messaging().listChannelBans(r -> r
                        .channelArn(channelArn).nextToken(token).chimeBearer(bearer)),
                ListChannelBansResponse::nextToken);
        return ListChannelBansResponse.builder()
                .channelArn(firstNamed(pages, ListChannelBansResponse::channelArn))
                .channelBans(items(pages, ListChannelBansResponse::channelBans)).build();
    }

    /** ListChannelMessages with no filter: newest first. */
    public List<ChannelMessageSummary> messages(String bearer, String channelArn) {
        return items(pages("ListChannelMessages", token -> world.messaging().listChannelMessages(r -> r
                        .channelArn(channelArn).nextToken(token).chimeBearer(bearer)),
                ListChannelMessagesResponse::nextToken), ListChannelMessagesResponse::channelMessages);
    }

    /** ListChannelFlows of the scenario's AppInstance, as the developer (no bearer). */
    public List<ChannelFlowSummary> flows() {
        return items(pages("ListChannelFlows", token -> world.messaging().listChannelFlows(r -> r
                        .appInstanceArn(world.appInstanceArn()).nextToken(token)),
                ListChannelFlowsResponse::nextToken), ListChannelFlowsResponse::channelFlows);
    }

    private static <P> String firstNamed(List<P> pages, Function<P, String> channelArn) {
        return pages.stream().map(channelArn).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
