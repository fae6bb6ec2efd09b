package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelBansResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelFlowsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsForAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelModeratorsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsAssociatedWithChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsModeratedByAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.SortOrder;

/**
 * Paging through the nine list operations by following NextToken by hand (PAGE-001 to PAGE-008): there
 * are no paginators for this service (PAGE-006).
 *
 * <p>A list is named as a feature says it ("the bans in "lobby"", "the channels moderated by Max", ...).
 * {@code Given <list> total N} makes the list hold exactly N items the scenario knows; a paging run then
 * collects the pages, and the {@code Then} steps compare them with those items. Channels these steps
 * create are made by Ada, who is then removed from their members and moderators should the service have
 * added her, so that every list starts empty whatever a service does with a channel's creator.
 */
public class PaginationSteps {

    /** Messages in paged channels are posted by this member of the channel. */
    static final String POSTER = "Bob";

    private static final Pattern LISTING = Pattern.compile(
            "the bans in \"([^\"]+)\""
                    + "|the channel flows of the AppInstance"
                    + "|the memberships of \"([^\"]+)\""
                    + "|the channel memberships of ([A-Z][a-z]+)"
                    + "|the messages in \"([^\"]+)\"(?: (oldest first|newest first))?"
                    + "|the moderators of \"([^\"]+)\""
                    + "|the (public|private) channels"
                    + "|the channels associated with \"([^\"]+)\""
                    + "|the channels moderated by ([A-Z][a-z]+)");

    private final World world;
    private final MessageLedger ledger;
    private final ChannelFlowFixtures flows;

    public PaginationSteps(World world, MessageLedger ledger, ChannelFlowFixtures flows) {
        this.world = world;
        this.ledger = ledger;
        this.flows = flows;
    }

    // ---------------------------------------------------------------- glossary

    /** The nine list operations of the API, by what they list. */
    public enum ListKind {
        BANS("ListChannelBans"),
        CHANNEL_FLOWS("ListChannelFlows"),
        MEMBERSHIPS("ListChannelMemberships"),
        MEMBERSHIPS_OF_USER("ListChannelMembershipsForAppInstanceUser"),
        MESSAGES("ListChannelMessages"),
        MODERATORS("ListChannelModerators"),
        CHANNELS("ListChannels"),
        CHANNELS_OF_FLOW("ListChannelsAssociatedWithChannelFlow"),
        CHANNELS_MODERATED_BY_USER("ListChannelsModeratedByAppInstanceUser");

        private final String operation;

        ListKind(String operation) {
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }
    }

    /**
     * A list as a feature names it: which operation, and its subject (a channel, a flow or a user name),
     * the privacy filter of channel lists and the sort order of message lists.
     */
    public record Listing(String text, ListKind kind, String subject, ChannelPrivacy privacy, SortOrder order) {

        /** The items of a list do not depend on its sort order. */
        String key() {
            return kind + ":" + subject + ":" + privacy;
        }
    }

    @ParameterType("the bans in \"[^\"]+\""
            + "|the channel flows of the AppInstance"
            + "|the memberships of \"[^\"]+\""
            + "|the channel memberships of [A-Z][a-z]+"
            + "|the messages in \"[^\"]+\"(?: (?:oldest first|newest first))?"
            + "|the moderators of \"[^\"]+\""
            + "|the (?:public|private) channels"
            + "|the channels associated with \"[^\"]+\""
            + "|the channels moderated by [A-Z][a-z]+")
    public Listing listing(String text) {
        Matcher m = LISTING.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a list: " + text);
        }
        if (m.group(1) != null) {
            return new Listing(text, ListKind.BANS, m.group(1), null, null);
        }
        if (text.equals("the channel flows of the AppInstance")) {
            return new Listing(text, ListKind.CHANNEL_FLOWS, null, null, null);
        }
        if (m.group(2) != null) {
            return new Listing(text, ListKind.MEMBERSHIPS, m.group(2), null, null);
        }
        if (m.group(3) != null) {
            return new Listing(text, ListKind.MEMBERSHIPS_OF_USER, m.group(3), null, null);
        }
        if (m.group(4) != null) {
            SortOrder order = m.group(5) == null ? null
                    : m.group(5).startsWith("oldest") ? SortOrder.ASCENDING : SortOrder.DESCENDING;
            return new Listing(text, ListKind.MESSAGES, m.group(4), null, order);
        }
        if (m.group(6) != null) {
            return new Listing(text, ListKind.MODERATORS, m.group(6), null, null);
        }
        if (m.group(7) != null) {
            return new Listing(text, ListKind.CHANNELS, null,
                    m.group(7).equals("public") ? ChannelPrivacy.PUBLIC : ChannelPrivacy.PRIVATE, null);
        }
        if (m.group(8) != null) {
            return new Listing(text, ListKind.CHANNELS_OF_FLOW, m.group(8), null, null);
        }
        return new Listing(text, ListKind.CHANNELS_MODERATED_BY_USER, m.group(9), null, null);
    }

    // ---------------------------------------------------------------- Given: filling lists

    /** Makes the list hold exactly {@code total} items, all made for this scenario. */
    @Given("{listing} total {int}")
    public void listingTotals(Listing listing, int total) {
        prepare(listing);
        for (int i = 0; i < total; i++) {
            expected(listing).add(addItem(listing));
        }
    }

    /** PAGE-008: channels of both privacies, one of each in turn. */
    @Given("the AppInstance has {int} public and {int} private channels, created alternately")
    public void publicAndPrivateChannels(int publicCount, int privateCount) {
        Listing publicChannels = listing("the public channels");
        Listing privateChannels = listing("the private channels");
        prepare(publicChannels);
        prepare(privateChannels);
        for (int i = 0; i < Math.max(publicCount, privateCount); i++) {
            if (i < publicCount) {
                expected(publicChannels).add(addItem(publicChannels));
            }
            if (i < privateCount) {
                expected(privateChannels).add(addItem(privateChannels));
            }
        }
    }

    /** PAGE-008: default and hidden members, one of each in turn. Only the default ones are expected. */
    @Given("{channel} has {int} members and {int} hidden members, added alternately")
    public void defaultAndHiddenMembers(String channel, int defaultCount, int hiddenCount) {
        Listing memberships = listing("the memberships of \"" + channel + "\"");
        prepare(memberships);
        for (int i = 0; i < Math.max(defaultCount, hiddenCount); i++) {
            if (i < defaultCount) {
                expected(memberships).add(addMember(channel, ChannelMembershipType.DEFAULT));
            }
            if (i < hiddenCount) {
                addMember(channel, ChannelMembershipType.HIDDEN);
            }
        }
    }

    // ---------------------------------------------------------------- When: paging

    @When("{actor} pages through {listing}, {int} at a time")
    public void pagesThrough(String actor, Listing listing, int pageSize) {
        page(actor, listing, pageSize, null, null);
    }

    /** PAGE-007: the page size is left to the service. */
    @When("{actor} pages through {listing} without giving a page size")
    public void pagesThroughWithoutAPageSize(String actor, Listing listing) {
        page(actor, listing, null, null, null);
    }

    /** PAGE-004: the sort order and the window are sent with every page, next tokens included. */
    @When("{actor} pages through {listing}, {int} at a time, with NotBefore between {string} and {string}"
            + " and NotAfter between {string} and {string}")
    public void pagesThroughAWindow(String actor, Listing listing, int pageSize, String startAfter,
                                    String startBefore, String endAfter, String endBefore) {
        if (listing.kind() != ListKind.MESSAGES) {
            throw new HarnessException("only messages have a time window: " + listing.text());
        }
        Instant notBefore = ledger.between(startAfter, startBefore);
        Instant notAfter = ledger.between(endAfter, endBefore);
        page(actor, listing, pageSize, notBefore, notAfter);
    }

    /** PAGE-005: a token that looks like one but that the service never handed out. */
    @When("{actor} asks for {listing} with a next token the service never issued")
    public void asksWithAMadeUpToken(String actor, Listing listing) {
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("page-2-of-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String subject = subjectArn(listing);
        String bearer = world.actor(actor);
        world.attempt(listing.kind().operation(), actor,
                () -> readPage(listing, bearer, subject, null, madeUp, null, null).response());
    }

    /** PAGE-005: the next token of a real first page, with one character in its middle changed. */
    @When("{actor} asks for {listing} with a next token it has altered")
    public void asksWithAnAlteredToken(String actor, Listing listing) {
        String subject = subjectArn(listing);
        String bearer = world.actor(actor);
        String issued = readPage(listing, bearer, subject, 1, null, null, null).nextToken();
        if (issued == null || issued.length() < 2) {
            throw new HarnessException("the first page of " + listing.text() + " carries no next token to alter");
        }
        int middle = issued.length() / 2;
        char replacement = issued.charAt(middle) == 'A' ? 'B' : 'A';
        String altered = issued.substring(0, middle) + replacement + issued.substring(middle + 1);
        world.attempt(listing.kind().operation(), actor,
                () -> readPage(listing, bearer, subject, 1, altered, null, null).response());
    }

    // ---------------------------------------------------------------- Then

    @Then("the pages hold all {int} of them, each exactly once")
    public void thePagesHoldAll(int total) {
        PagingRun run = run();
        List<String> expected = expected(run.listing());
        if (expected.size() != total) {
            throw new HarnessException("the scenario made " + expected.size() + " items for " + run.listing().text()
                    + ", not " + total);
        }
        assertThat("the paging of " + run.listing().text() + " came to an end: the last page had no next token",
                run.finished(), is(true));
        List<String> all = run.pages().stream().flatMap(List::stream).toList();
        Set<String> duplicates = new HashSet<>();
        Set<String> once = new HashSet<>();
        for (String item : all) {
            if (!once.add(item)) {
                duplicates.add(item);
            }
        }
        assertThat("items on more than one page, or twice on a page", duplicates, empty());
        assertThat("the items on all pages", all, containsInAnyOrder(expected.toArray(String[]::new)));
    }

    @Then("no page holds more than {int}")
    public void noPageHoldsMoreThan(int pageSize) {
        List<Integer> sizes = run().pages().stream().map(List::size).toList();
        assertThat("the number of items on each page", sizes, everyItem(lessThanOrEqualTo(pageSize)));
    }

    /** PAGE-002: only a page with items after it carries a next token, so the pages end where the items do. */
    @Then("the items came in {int} page(s)")
    public void theItemsCameIn(int pages) {
        PagingRun run = run();
        assertThat("the paging of " + run.listing().text() + " came to an end: the last page had no next token",
                run.finished(), is(true));
        assertThat("the number of pages of " + run.listing().text() + " (sizes " + run.pages().stream().map(List::size).toList()
                + ")", run.pages().size(), equalTo(pages));
    }

    @Then("the first page holds {int}")
    public void theFirstPageHolds(int count) {
        PagingRun run = run();
        assertThat("the first page of " + run.listing().text(), run.pages().get(0).size(), equalTo(count));
    }

    // ---------------------------------------------------------------- paging

    /** The pages a {@code When} collected; {@code finished} once a page came without a next token. */
    record PagingRun(Listing listing, List<List<String>> pages, boolean finished) {
    }

    /** One page: the identifiers of its items, its next token, and for messages the summaries. */
    private record Page(SdkResponse response, List<String> ids, String nextToken,
                        List<ChannelMessageSummary> messages) {
    }

    private void page(String actor, Listing listing, Integer pageSize, Instant notBefore, Instant notAfter) {
        String subject = subjectArn(listing);
        String bearer = world.actor(actor);
        // A service that keeps handing out next tokens must not keep the kit paging forever: a list the
        // scenario filled needs at most one page per item and one more; any other list gets 1000 pages.
        List<String> expected = world.note(expectedKey(listing));
        int limit = expected == null ? 1000
                : (pageSize == null || pageSize < 1 ? expected.size() : expected.size() / pageSize) + 3;
        List<List<String>> pages = new ArrayList<>();
        List<ChannelMessageSummary> messages = new ArrayList<>();
        String token = null;
        boolean finished = false;
        while (pages.size() < limit) {
            String next = token;
            Page[] got = new Page[1];
            Outcome outcome = world.attempt(listing.kind().operation(), actor, () -> {
                got[0] = readPage(listing, bearer, subject, pageSize, next, notBefore, notAfter);
                return got[0].response();
            });
            if (outcome.failed()) {
                break;
            }
            pages.add(got[0].ids());
            messages.addAll(got[0].messages());
            token = got[0].nextToken();
            if (token == null) {
                finished = true;
                break;
            }
        }
        world.note("paging.run", new PagingRun(listing, List.copyOf(pages), finished));
        if (listing.kind() == ListKind.MESSAGES && !world.outcome().failed()) {
            ledger.seen(messages);
        }
    }

    private PagingRun run() {
        Outcome last = world.outcome();
        if (last.failed()) {
            last.response(SdkResponse.class); // reports the failure
        }
        PagingRun run = world.note("paging.run");
        if (run == null) {
            throw new HarnessException("a step asserts on pages but no step paged through a list");
        }
        return run;
    }

    /** The user a per-user list is about, or null. */
    private String subjectArn(Listing listing) {
        return switch (listing.kind()) {
            case MEMBERSHIPS_OF_USER, CHANNELS_MODERATED_BY_USER -> world.actor(listing.subject());
            default -> null;
        };
    }

    /** One call of the list operation; developer operations (AUTH-004) are sent without a bearer. */
    private Page readPage(Listing listing, String bearer, String user, Integer pageSize, String token,
                          Instant notBefore, Instant notAfter) {
        var api = world.messaging();
        switch (listing.kind()) {
            case BANS -> {
                ListChannelBansResponse r = api.listChannelBans(b -> b.channelArn(world.channel(listing.subject()))
                        .maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channelBans(), s -> s.member().arn(), r.nextToken());
            }
            case CHANNEL_FLOWS -> {
                ListChannelFlowsResponse r = api.listChannelFlows(b -> b.appInstanceArn(world.appInstanceArn())
                        .maxResults(pageSize).nextToken(token));
                return page(r, r.channelFlows(), s -> s.channelFlowArn(), r.nextToken());
            }
            case MEMBERSHIPS -> {
                ListChannelMembershipsResponse r = api.listChannelMemberships(b -> b
                        .channelArn(world.channel(listing.subject()))
                        .maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channelMemberships(), s -> s.member().arn(), r.nextToken());
            }
            case MEMBERSHIPS_OF_USER -> {
                ListChannelMembershipsForAppInstanceUserResponse r = api.listChannelMembershipsForAppInstanceUser(b -> b
                        .appInstanceUserArn(user).maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channelMemberships(), s -> s.channelSummary().channelArn(), r.nextToken());
            }
            case MESSAGES -> {
                ListChannelMessagesResponse r = api.listChannelMessages(b -> b
                        .channelArn(world.channel(listing.subject())).sortOrder(listing.order())
                        .notBefore(notBefore).notAfter(notAfter)
                        .maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return new Page(r, r.channelMessages().stream().map(ChannelMessageSummary::messageId).toList(),
                        r.nextToken(), r.channelMessages());
            }
            case MODERATORS -> {
                ListChannelModeratorsResponse r = api.listChannelModerators(b -> b
                        .channelArn(world.channel(listing.subject()))
                        .maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channelModerators(), s -> s.moderator().arn(), r.nextToken());
            }
            case CHANNELS -> {
                ListChannelsResponse r = api.listChannels(b -> b.appInstanceArn(world.appInstanceArn())
                        .privacy(listing.privacy()).maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channels(), s -> s.channelArn(), r.nextToken());
            }
            case CHANNELS_OF_FLOW -> {
                ListChannelsAssociatedWithChannelFlowResponse r = api.listChannelsAssociatedWithChannelFlow(b -> b
                        .channelFlowArn(world.flow(listing.subject())).maxResults(pageSize).nextToken(token));
                return page(r, r.channels(), s -> s.channelArn(), r.nextToken());
            }
            case CHANNELS_MODERATED_BY_USER -> {
                ListChannelsModeratedByAppInstanceUserResponse r = api.listChannelsModeratedByAppInstanceUser(b -> b
                        .appInstanceUserArn(user).maxResults(pageSize).nextToken(token).chimeBearer(bearer));
                return page(r, r.channels(), s -> s.channelSummary().channelArn(), r.nextToken());
            }
            default -> throw new IllegalStateException(listing.kind().toString());
        }
    }

    private static <T> Page page(SdkResponse response, List<T> items, Function<T, String> id, String nextToken) {
        return new Page(response, items.stream().map(id).toList(), nextToken, List.of());
    }

    // ---------------------------------------------------------------- filling lists

    private String expectedKey(Listing listing) {
        return "paging.expected." + listing.key();
    }

    private List<String> expected(Listing listing) {
        List<String> expected = world.note(expectedKey(listing));
        if (expected == null) {
            expected = new ArrayList<>();
            world.note(expectedKey(listing), expected);
        }
        return expected;
    }

    /** Creates what the list belongs to (channel, flow, user), empty. */
    private void prepare(Listing listing) {
        expected(listing);
        switch (listing.kind()) {
            case BANS, MEMBERSHIPS, MODERATORS -> emptyChannel(listing.subject(), ChannelPrivacy.PUBLIC);
            case MESSAGES -> {
                emptyChannel(listing.subject(), ChannelPrivacy.PUBLIC);
                String channel = world.channel(listing.subject());
                String poster = world.actor(POSTER);
                String admin = world.actor(World.ADMIN);
                Setup.tolerateConflict(() -> world.messaging().createChannelMembership(r -> r
                        .channelArn(channel).memberArn(poster).type(ChannelMembershipType.DEFAULT).chimeBearer(admin)));
            }
            case CHANNELS_OF_FLOW -> {
                if (!knowsFlow(listing.subject())) {
                    world.rememberFlow(listing.subject(), flows.createFlow(listing.subject()));
                }
            }
            case MEMBERSHIPS_OF_USER, CHANNELS_MODERATED_BY_USER -> world.actor(listing.subject());
            default -> { }
        }
    }

    /** Adds one item to the list and returns its identifier as the list shows it. */
    private String addItem(Listing listing) {
        String admin = world.actor(World.ADMIN);
        var api = world.messaging();
        switch (listing.kind()) {
            case BANS -> {
                String user = extraUser();
                String channel = world.channel(listing.subject());
                api.createChannelBan(r -> r.channelArn(channel).memberArn(user).chimeBearer(admin));
                return user;
            }
            case CHANNEL_FLOWS -> {
                return flows.createFlow("paged-flow-" + expected(listing).size());
            }
            case MEMBERSHIPS -> {
                return addMember(listing.subject(), ChannelMembershipType.DEFAULT);
            }
            case MEMBERSHIPS_OF_USER -> {
                String channel = newChannel(ChannelPrivacy.PUBLIC);
                String user = world.actor(listing.subject());
                api.createChannelMembership(r -> r.channelArn(channel).memberArn(user)
                        .type(ChannelMembershipType.DEFAULT).chimeBearer(admin));
                return channel;
            }
            case MESSAGES -> {
                String channel = world.channel(listing.subject());
                String poster = world.actor(POSTER);
                int n = expected(listing).size() + 1;
                return api.sendChannelMessage(r -> r.channelArn(channel).content("message " + n)
                        .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                        .clientRequestToken(UUID.randomUUID().toString()).chimeBearer(poster)).messageId();
            }
            case MODERATORS -> {
                String user = extraUser();
                String channel = world.channel(listing.subject());
                api.createChannelModerator(r -> r.channelArn(channel).channelModeratorArn(user).chimeBearer(admin));
                return user;
            }
            case CHANNELS -> {
                return newChannel(listing.privacy());
            }
            case CHANNELS_OF_FLOW -> {
                String channel = newChannel(ChannelPrivacy.PUBLIC);
                String flow = world.flow(listing.subject());
                api.associateChannelFlow(r -> r.channelArn(channel).channelFlowArn(flow).chimeBearer(admin));
                return channel;
            }
            case CHANNELS_MODERATED_BY_USER -> {
                String channel = newChannel(ChannelPrivacy.PUBLIC);
                String user = world.actor(listing.subject());
                api.createChannelModerator(r -> r.channelArn(channel).channelModeratorArn(user).chimeBearer(admin));
                return channel;
            }
            default -> throw new IllegalStateException(listing.kind().toString());
        }
    }

    private String addMember(String channelName, ChannelMembershipType type) {
        String admin = world.actor(World.ADMIN);
        String user = extraUser();
        String channel = world.channel(channelName);
        world.messaging().createChannelMembership(r -> r.channelArn(channel).memberArn(user).type(type)
                .chimeBearer(admin));
        return user;
    }

    /** A channel of this name with no members and no moderators, unless the scenario already has it. */
    private void emptyChannel(String name, ChannelPrivacy privacy) {
        if (!world.hasChannel(name)) {
            world.rememberChannel(name, createEmptyChannel(name, privacy));
        }
    }

    private String newChannel(ChannelPrivacy privacy) {
        int n = channelCount();
        return createEmptyChannel("paged-channel-" + n, privacy);
    }

    private String createEmptyChannel(String name, ChannelPrivacy privacy) {
        String admin = world.actor(World.ADMIN);
        String arn = world.messaging().createChannel(r -> r.appInstanceArn(world.appInstanceArn()).name(name)
                .privacy(privacy).mode(ChannelMode.UNRESTRICTED).clientRequestToken(UUID.randomUUID().toString())
                .chimeBearer(admin)).channelArn();
        // The service makes a channel's creator a member and a moderator (CHAN-026): undo both, so that the
        // lists start empty (on a service that does not, there is nothing to undo).
        ignoringErrors(() -> world.messaging().deleteChannelMembership(r -> r.channelArn(arn).memberArn(admin)
                .chimeBearer(admin)));
        ignoringErrors(() -> world.messaging().deleteChannelModerator(r -> r.channelArn(arn).channelModeratorArn(admin)
                .chimeBearer(admin)));
        return arn;
    }

    private int channelCount() {
        Integer n = world.note("paging.channels");
        int next = n == null ? 1 : n + 1;
        world.note("paging.channels", next);
        return next;
    }

    /** A user of the AppInstance made for filling a list: Extra01, Extra02, ... */
    private String extraUser() {
        Integer n = world.note("paging.users");
        int next = n == null ? 1 : n + 1;
        world.note("paging.users", next);
        return world.actor(String.format("Extra%02d", next));
    }

    private boolean knowsFlow(String name) {
        try {
            world.flow(name);
            return true;
        } catch (HarnessException notYet) {
            return false;
        }
    }

    private static void ignoringErrors(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException notThere) {
            // nothing to undo
        }
    }
}
